#!/usr/bin/env bash
# The main job: builds the bundle and starts the local stack on loopback:
#   RabbitMQ 127.0.0.1:5673, Elasticsearch 127.0.0.1:9201, the bm-core simulator 127.0.0.1:8090 (BlueMind's stand-in),
#   and Tigase 8.4.0 with the bundle on 127.0.0.1:5222: TIGASE_HOME when set, otherwise Tigase's full distribution
#   in ../shared/tigase/8.4.0-full beside the repo (as .ci/run), otherwise it says where to download Tigase.
# Prints "== serving XMPP ..." once Tigase accepts a login of a simulator user, then how to log in from Gajim or
# Thunderbird. Ctrl-C (or SIGTERM) stops what this script started (services already running before are left running).
# Environment: BMX_RUN_SKIP_BUILD=1 (no mvn package when the bundle and the testkit are already built),
# BMX_TARGET (Maven output folder, default target), BMX_RUN_DIR (run.sh's own state: Tigase's copy, logs; default
# the services' state dir), BMX_RUN_TIGASE_TIMEOUT (seconds to wait for the first login, default 180).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
. scripts/lib/prereqs.sh
BMX_SKIP_WEBIM_MODULES=1 bmx_ensure_prereqs   # no browser here: the web IM test's npm packages are not needed

STATE=${BMX_SERVICES_DIR:-${TMPDIR:-/tmp}/bm-xmpp-services}
RUN_DIR=${BMX_RUN_DIR:-$STATE}
TARGET=${BMX_TARGET:-target}
RABBIT_PORT=${BMX_RABBITMQ_PORT:-5673}
ES_PORT=${BMX_ES_PORT:-9201}
CORE_PORT=${BMX_CORE_PORT:-8090}
TOKEN_FILE=$RUN_DIR/bm-core.tok
# a user of the simulator's built-in fixture (testkit src/main/resources/fixture/bm-core.json), with the IM role
FIXTURE_DOMAIN=bluemind.test USER1=alice PW1=alice-pw USER2=bob PW2=bob-pw
mkdir -p "$STATE" "$RUN_DIR"
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Tigase: TIGASE_HOME, else the full distribution beside the repo (read-only there: it is copied below)
SHARED_TIGASE=$(cd "$ROOT/.." && pwd)/shared/tigase/8.4.0-full
TIGASE_FROM=
if [ -n "${TIGASE_HOME:-}" ]; then TIGASE_FROM="TIGASE_HOME"
elif ls "$SHARED_TIGASE"/jars/tigase-server*.jar >/dev/null 2>&1; then TIGASE_HOME=$SHARED_TIGASE TIGASE_FROM="../shared"
fi
# ports of run.sh's own processes: refuse to start beside another run.sh or an e2e run rather than half-start
for p in "$CORE_PORT" ${TIGASE_FROM:+5222}; do
  if listening "$p"; then
    echo "run.sh: something already listens on 127.0.0.1:$p (another scripts/run.sh, or the e2e suite?): stop it first" >&2
    exit 1
  fi
done

if [ -n "${BMX_RUN_SKIP_BUILD:-}" ] && ls "$ROOT"/packaging/"$TARGET"/bundle/jars/bm-xmpp-auth-*.jar \
     "$ROOT"/testkit/"$TARGET"/bm-xmpp-testkit-*.jar >/dev/null 2>&1; then
  echo "== bundle already built in packaging/$TARGET (BMX_RUN_SKIP_BUILD): no mvn package"
else
  echo "== building the bundle (mvn package, tests skipped: scripts/test.sh runs them)"
  mvn -B -ntp -q package -DskipTests -Dbmx.target="$TARGET"
fi
TESTKIT_JAR=$(ls "$ROOT"/testkit/"$TARGET"/bm-xmpp-testkit-*.jar | head -1)
BUNDLE_JARS=$ROOT/packaging/$TARGET/bundle/jars
services() { java -cp "$TESTKIT_JAR" net.bluemind.xmpp.testkit.services.ServicesMain "$@"; }

started_rabbit=; started_es=; pids=(); sleeper=
stop_pid() {   # SIGTERM, then SIGKILL after 20 s
  local p=$1
  kill "$p" 2>/dev/null || return 0
  for _ in $(seq 1 40); do kill -0 "$p" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$p" 2>/dev/null || true
  wait "$p" 2>/dev/null || true
}
cleanup() {
  trap - INT TERM EXIT
  echo; echo "== stopping what run.sh started"
  [ -n "$sleeper" ] && kill "$sleeper" 2>/dev/null || true
  local i
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do stop_pid "${pids[i]}"; done   # Tigase first, then the simulator
  [ -n "$started_es" ] && services stop elasticsearch || true
  [ -n "$started_rabbit" ] && services stop rabbitmq || true
  echo "== stopped"
}
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM
trap cleanup EXIT

listening "$RABBIT_PORT" || started_rabbit=1
listening "$ES_PORT" || started_es=1
echo "== RabbitMQ and Elasticsearch"
services start

# --- bm-core simulator -------------------------------------------------------------------------
echo "== bm-core simulator on 127.0.0.1:$CORE_PORT (token in $TOKEN_FILE)"
java -cp "$TESTKIT_JAR" net.bluemind.xmpp.testkit.core.BmCoreSimulatorMain --port "$CORE_PORT" --token-file "$TOKEN_FILE" \
  > "$RUN_DIR/bm-core-simulator.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do listening "$CORE_PORT" && break; kill -0 "${pids[-1]}" 2>/dev/null || break; sleep 0.5; done
if listening "$CORE_PORT"; then
  SIM_STATUS="http://127.0.0.1:$CORE_PORT/api  (token file $TOKEN_FILE, log $RUN_DIR/bm-core-simulator.log)"
else
  SIM_STATUS="FAILED to start: see $RUN_DIR/bm-core-simulator.log"
fi

# --- Tigase ------------------------------------------------------------------------------------
# A copy of $TIGASE_HOME (the install itself is never modified) with the bundle in jars/ and the repo's
# etc/init.properties, edited the way an operator would to point at the services above. File transfer has no
# nginx in front here: upload URLs name Tigase's own HTTP server (http://127.0.0.1:8088), the proxy 127.0.0.1.
SERVING=
start_tigase() {
  local home=$RUN_DIR/tigase main=${BMX_MAIN_DOMAIN:-bluemind.test} log t0 timeout=${BMX_RUN_TIGASE_TIMEOUT:-180}
  if ! ls "$TIGASE_HOME"/jars/tigase-server*.jar >/dev/null 2>&1; then
    TIGASE_STATUS="NOT STARTED: $TIGASE_HOME has no jars/tigase-server*.jar (expected a Tigase 8.4.0 install)"; return
  fi
  log=$home/logs/run-console.log
  echo "== Tigase from $TIGASE_HOME ($TIGASE_FROM), copied to $home, with the bm-xmpp bundle"
  # a fresh copy of the install each time, but the users' data of the last run on the same install is kept: Tigase's
  # store (contact lists, rooms, offline messages; its schema is the install's) and the uploaded files, as a server
  # keeps them across restarts
  local kept=$RUN_DIR/tigase-data-kept
  rm -rf "$kept" && mkdir -p "$kept"
  if [ "$(cat "$home/.bmx-copied-from" 2>/dev/null)" = "$TIGASE_HOME" ]; then
    for d in tigasedb data; do if [ -d "$home/$d" ]; then mv "$home/$d" "$kept/$d"; fi; done
  fi
  rm -rf "$home" && cp -a "$TIGASE_HOME/." "$home" && chmod -R u+w "$home" && rm -f "$home/etc/config.tdsl"
  echo "$TIGASE_HOME" > "$home/.bmx-copied-from"
  for d in tigasedb data; do if [ -d "$kept/$d" ]; then mv "$kept/$d" "$home/$d"; fi; done
  rm -rf "$kept"
  mkdir -p "$home/logs"
  scripts/install-into-tigase.sh "$home" "$BUNDLE_JARS" > "$home/logs/install.log"
  sed -e "s|^--virt-hosts = .*|--virt-hosts = $main|" -e "s|^--admins = .*|--admins = admin0@$main|" \
      -e "s|^#--bm-xmpp.core-url = .*|--bm-xmpp.core-url = http://127.0.0.1:$CORE_PORT|" \
      -e "s|^#--bm-xmpp.core-token-file = .*|--bm-xmpp.core-token-file = $TOKEN_FILE|" \
      -e "s|^#--bm-xmpp.amqp-uri = .*|--bm-xmpp.amqp-uri = amqp://127.0.0.1:$RABBIT_PORT|" \
      -e "s|^#--bm-xmpp.es-urls = .*|--bm-xmpp.es-urls = http://127.0.0.1:$ES_PORT|" \
      -e "s|^#--bm-xmpp.certs-dir = .*|--bm-xmpp.certs-dir = $RUN_DIR/certs|" \
      -e "s|^#--bm-xmpp.archive-spool-dir = .*|--bm-xmpp.archive-spool-dir = $RUN_DIR/archive-spool|" \
      -e "s|^upload/logic/server-name = .*|upload/logic/server-name = 127.0.0.1|" \
      -e "s|^upload/logic/protocol = .*|upload/logic/protocol = http|" \
      -e "s|^upload/logic/port\[I\] = .*|upload/logic/port[I] = 8088|" \
      -e "s|^proxy/connections/1080/ifc\[s\] = .*|proxy/connections/1080/ifc[s] = 127.0.0.1|" \
      -e "s|^#proxy/remote-addresses\[s\] = .*|proxy/remote-addresses[s] = 127.0.0.1|" \
      etc/init.properties > "$home/etc/init.properties"
  printf '\n# run.sh: loopback only\nc2s/ifc[s] = 127.0.0.1\ns2s/ifc[s] = 127.0.0.1\nbosh/ifc[s] = 127.0.0.1\nws2s/ifc[s] = 127.0.0.1\n' \
      >> "$home/etc/init.properties"
  (cd "$home" && "$ROOT/scripts/prepare-tigase-store.sh" "$home/jars/*") > "$home/logs/prepare-store.log" 2>&1
  (cd "$home" && exec java -Dfile.encoding=UTF-8 -Xms64m -Xmx512m -Dtigase.home="$home" -cp "$home/jars/*" tigase.server.XMPPServer) \
      > "$log" 2>&1 &
  pids+=($!)
  echo "== Tigase starting (pid ${pids[-1]}, log $log): waiting until $USER1@$FIXTURE_DOMAIN can log in (at most $timeout s)"
  t0=$SECONDS
  local why="not ready"
  while [ $((SECONDS - t0)) -lt "$timeout" ]; do
    if ! kill -0 "${pids[-1]}" 2>/dev/null; then why="Tigase exited"; break; fi
    if grep -q 'is ready to use' "$log" 2>/dev/null && listening 5222; then
      # "ready" and 5222 open is not yet a served domain (the domains come from bm-core): log in for real
      if why=$(/usr/bin/python3 "$ROOT/scripts/lib/xmpp_login_check.py" 127.0.0.1 5222 "$FIXTURE_DOMAIN" "$USER1" "$PW1"); then
        SERVING=1 CERT_SHA256=${why%%$'\n'*} CERT_SHA1=${why#*$'\n'}; break
      fi
    fi
    sleep 1
  done
  if [ -n "$SERVING" ]; then
    TIGASE_STATUS="$TIGASE_HOME ($TIGASE_FROM), running from $home; log $log"
    # rooms and file transfer are Tigase's own components: say when this install or this start has none
    ROOMS="<name>@conference.$FIXTURE_DOMAIN (any user may create one)"
    ls "$home"/jars/tigase-muc-*.jar >/dev/null 2>&1 || ROOMS="NONE: no tigase-muc in $TIGASE_HOME/jars (not the full distribution)"
    FILES="upload.$FIXTURE_DOMAIN (HTTP upload: URLs http://127.0.0.1:8088/upload/..., Tigase's HTTP server listens on every
                  interface: it has no address setting), SOCKS5 proxy 127.0.0.1:1080"
    if ! ls "$home"/jars/tigase-http-api-*.jar >/dev/null 2>&1; then
      FILES="NONE: no tigase-http-api in $TIGASE_HOME/jars (not the full distribution)"
    elif grep -q 'Could not initialize bean upload' "$log"; then
      FILES="NOT AVAILABLE: Tigase could not start its upload component (see 'bean upload' in $log)"
    fi
    echo "== serving XMPP on 127.0.0.1:5222: $USER1@$FIXTURE_DOMAIN logged in ($((SECONDS - t0)) s after start)"
  else
    TIGASE_STATUS="NOT SERVING ($why after $((SECONDS - t0)) s): see $log"
    echo "== NOT serving XMPP: $why: see $log" >&2
  fi
}
if [ -n "$TIGASE_FROM" ]; then
  start_tigase
else
  TIGASE_STATUS="MISSING: no TIGASE_HOME, and no Tigase in $SHARED_TIGASE. Download Tigase XMPP Server 8.4.0's
                  full distribution (dist-max: server, MUC, PubSub, HTTP upload, SOCKS5), https://github.com/tigase/tigase-server/releases
                  or https://tigase.net/downloads, unpack it, then: TIGASE_HOME=/path/to/tigase-server-8.4.0 scripts/run.sh"
fi

cat <<INFO

== bm-xmpp local stack (loopback only)
  RabbitMQ        amqp://guest:guest@127.0.0.1:$RABBIT_PORT   exchanges bm.system.notifications, bm.directory.notifications
  Elasticsearch   http://127.0.0.1:$ES_PORT                  e.g. curl 'http://127.0.0.1:$ES_PORT/_cat/indices?v'
  bm-core         $SIM_STATUS
  Tigase          $TIGASE_STATUS
  state, logs     $RUN_DIR
INFO
if [ -n "$SERVING" ]; then
  cat <<INFO

== log in from Gajim or Thunderbird on this machine (XMPP listens on 127.0.0.1 only)
  host, port      127.0.0.1  5222 (STARTTLS; 5223: direct TLS). $FIXTURE_DOMAIN has no DNS: give the host by hand
  user            $USER1@$FIXTURE_DOMAIN  password $PW1    (a second one to chat with: $USER2@$FIXTURE_DOMAIN  password $PW2)
  certificate     self-signed for $FIXTURE_DOMAIN (made by the bundle): accept the exception when the client asks
                  SHA-256 $CERT_SHA256
                  SHA-1   $CERT_SHA1
  Gajim           Add Account: $USER1@$FIXTURE_DOMAIN, $PW1; Advanced: Host 127.0.0.1, Port 5222; then accept the certificate
  Thunderbird     File > New > Chat Account > XMPP: username $USER1, domain $FIXTURE_DOMAIN, password $PW1;
                  Advanced Options: Server 127.0.0.1, Port 5222; then "Add Security Exception" for the certificate
  rooms           $ROOMS
  files           $FILES
  other users     the simulator's fixture: testkit/src/main/resources/fixture/bm-core.json (those with the hasIM role)
INFO
fi
echo "Ctrl-C stops what this script started."
# wait in the background so Ctrl-C runs the trap at once
if [ ${#pids[@]} -gt 0 ]; then wait -n "${pids[@]}" || echo "== a process of the stack exited (see its log)"; fi
while true; do sleep 3600 & sleeper=$!; wait $sleeper || true; done
