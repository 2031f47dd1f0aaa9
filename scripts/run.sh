#!/usr/bin/env bash
# The main job: builds the bundle and starts the local stack on loopback:
#   RabbitMQ 127.0.0.1:5673, Elasticsearch 127.0.0.1:9201, the bm-core simulator 127.0.0.1:8090
#   (BlueMind's stand-in), and Tigase with the bundle when TIGASE_HOME names a Tigase 8.4.0 install.
# Ctrl-C stops what this script started (services already running before are left running).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
. scripts/lib/prereqs.sh
bmx_ensure_prereqs

STATE=${BMX_SERVICES_DIR:-${TMPDIR:-/tmp}/bm-xmpp-services}
RABBIT_PORT=${BMX_RABBITMQ_PORT:-5673}
ES_PORT=${BMX_ES_PORT:-9201}
CORE_PORT=${BMX_CORE_PORT:-8090}
TOKEN_FILE=$STATE/bm-core.tok
mkdir -p "$STATE"

echo "== building the bundle (mvn package, tests skipped: scripts/test.sh runs them)"
mvn -B -ntp -q package -DskipTests
TESTKIT_JAR=$(ls "$ROOT"/testkit/target/bm-xmpp-testkit-*.jar | head -1)
services() { java -cp "$TESTKIT_JAR" net.bluemind.xmpp.testkit.services.ServicesMain "$@"; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

started_rabbit=; started_es=; pids=()
cleanup() {
  trap - INT TERM EXIT
  echo; echo "== stopping what run.sh started"
  [ -n "${sleeper:-}" ] && kill "$sleeper" 2>/dev/null || true
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  [ -n "$started_es" ] && services stop elasticsearch || true
  [ -n "$started_rabbit" ] && services stop rabbitmq || true
}
trap 'cleanup; exit 130' INT TERM
trap cleanup EXIT

listening "$RABBIT_PORT" || started_rabbit=1
listening "$ES_PORT" || started_es=1
echo "== RabbitMQ and Elasticsearch"
services start

# --- bm-core simulator -------------------------------------------------------------------------
SIM_CLASS=net.bluemind.xmpp.testkit.core.BmCoreSimulatorMain
if jar tf "$TESTKIT_JAR" 2>/dev/null | grep -q "${SIM_CLASS//.//}.class"; then
  echo "== bm-core simulator on 127.0.0.1:$CORE_PORT (token in $TOKEN_FILE)"
  java -cp "$TESTKIT_JAR" "$SIM_CLASS" --port "$CORE_PORT" --token-file "$TOKEN_FILE" \
    > "$STATE/bm-core-simulator.log" 2>&1 &
  pids+=($!)
  SIM_STATUS="http://127.0.0.1:$CORE_PORT/api  (token file $TOKEN_FILE, log $STATE/bm-core-simulator.log)"
else
  SIM_STATUS="NOT AVAILABLE: $SIM_CLASS is not in this build yet"
fi

# --- Tigase ------------------------------------------------------------------------------------
# A copy of $TIGASE_HOME (the install itself is never modified) with the bundle in jars/ and the repo's
# etc/init.properties, edited the way an operator would to point at the services above. File transfer has no
# nginx in front here: upload URLs name Tigase's own HTTP server (http://127.0.0.1:8088), the proxy 127.0.0.1.
start_tigase() {
  local home=$STATE/tigase main=${BMX_MAIN_DOMAIN:-bluemind.test}
  if ! ls "$TIGASE_HOME"/jars/tigase-server*.jar >/dev/null 2>&1; then
    TIGASE_STATUS="NOT STARTED: $TIGASE_HOME has no jars/tigase-server*.jar (expected a Tigase 8.4.0 install)"; return
  fi
  echo "== Tigase from $TIGASE_HOME, copied to $home, with the bm-xmpp bundle"
  rm -rf "$home" && cp -a "$TIGASE_HOME/." "$home" && rm -f "$home/etc/config.tdsl"
  scripts/install-into-tigase.sh "$home" "$ROOT/packaging/target/bundle/jars"
  sed -e "s|^--virt-hosts = .*|--virt-hosts = $main|" -e "s|^--admins = .*|--admins = admin0@$main|" \
      -e "s|^#--bm-xmpp.core-url = .*|--bm-xmpp.core-url = http://127.0.0.1:$CORE_PORT|" \
      -e "s|^#--bm-xmpp.core-token-file = .*|--bm-xmpp.core-token-file = $TOKEN_FILE|" \
      -e "s|^#--bm-xmpp.amqp-uri = .*|--bm-xmpp.amqp-uri = amqp://127.0.0.1:$RABBIT_PORT|" \
      -e "s|^#--bm-xmpp.es-urls = .*|--bm-xmpp.es-urls = http://127.0.0.1:$ES_PORT|" \
      -e "s|^#--bm-xmpp.certs-dir = .*|--bm-xmpp.certs-dir = $STATE/certs|" \
      -e "s|^#--bm-xmpp.archive-spool-dir = .*|--bm-xmpp.archive-spool-dir = $STATE/archive-spool|" \
      -e "s|^upload/logic/server-name = .*|upload/logic/server-name = 127.0.0.1|" \
      -e "s|^upload/logic/protocol = .*|upload/logic/protocol = http|" \
      -e "s|^upload/logic/port\[I\] = .*|upload/logic/port[I] = 8088|" \
      -e "s|^proxy/connections/1080/ifc\[s\] = .*|proxy/connections/1080/ifc[s] = 127.0.0.1|" \
      -e "s|^#proxy/remote-addresses\[s\] = .*|proxy/remote-addresses[s] = 127.0.0.1|" \
      etc/init.properties > "$home/etc/init.properties"
  printf '\n# run.sh: loopback only\nc2s/ifc[s] = 127.0.0.1\ns2s/ifc[s] = 127.0.0.1\nbosh/ifc[s] = 127.0.0.1\nws2s/ifc[s] = 127.0.0.1\n' \
      >> "$home/etc/init.properties"
  (cd "$home" && "$ROOT/scripts/prepare-tigase-store.sh" "$home/jars/*")
  (cd "$home" && exec java -Xms64m -Xmx512m -Dtigase.home="$home" -cp "$home/jars/*" tigase.server.XMPPServer) \
      > "$home/logs/run-console.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do listening 5222 && break; sleep 0.5; done
  if listening 5222; then
    TIGASE_STATUS="xmpp://127.0.0.1:5222 (STARTTLS required), 5223 TLS, 5269 s2s; domains from the simulator (e.g. alice@$main / alice-pw); log $home/logs/run-console.log"
  else
    TIGASE_STATUS="FAILED to listen on 5222 within 60 s: see $home/logs/run-console.log"
  fi
}
if [ -n "${TIGASE_HOME:-}" ]; then
  start_tigase
else
  TIGASE_STATUS="MISSING: Tigase is not started because TIGASE_HOME is not set. Download the Tigase XMPP Server
                 8.4.0 "dist-max" archive (https://github.com/tigase/tigase-server/releases), unpack it, then: TIGASE_HOME=/path/to/tigase-server-8.4.0 scripts/run.sh"
fi

cat <<INFO

== bm-xmpp local stack (loopback only)
  RabbitMQ        amqp://guest:guest@127.0.0.1:$RABBIT_PORT   exchanges bm.system.notifications, bm.directory.notifications
  Elasticsearch   http://127.0.0.1:$ES_PORT                  e.g. curl 'http://127.0.0.1:$ES_PORT/_cat/indices?v'
  bm-core         $SIM_STATUS
  Tigase          $TIGASE_STATUS
  state, logs     $STATE
Connect an XMPP client (Gajim, Psi, ...) to 127.0.0.1:5222 once Tigase runs, with a user of the simulator's fixture.
Ctrl-C stops what this script started.
INFO
# wait in the background so Ctrl-C runs the trap at once
if [ ${#pids[@]} -gt 0 ]; then wait -n "${pids[@]}" || echo "== a process of the stack exited (see its log)"; fi
while true; do sleep 3600 & sleeper=$!; wait $sleeper || true; done
