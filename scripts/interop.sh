#!/usr/bin/env bash
# Conformance: the XMPP interoperability suite (XMPP Interop Testing: Smack's integration-test framework +
# smack-sint-server-extensions) against Tigase WITH the bundle (the local stack: bm-core simulator, RabbitMQ,
# Elasticsearch, the shipped init.properties) and WITHOUT it (the same Tigase install, Tigase's default
# configuration: its own users in its Derby store, its own vCard, no archive), side by side.
#
#   TIGASE_HOME=/path/to/tigase-8.4.0-full SINT_JAR=/path/to/smack-sint-server-extensions-*-jar-with-dependencies.jar \
#     scripts/interop.sh [both|with|without] [SPEC,SPEC...]        (e.g. XEP-0045,RFC6121; default: every specification)
#
# SINT_HOME=/path/to/smack-sint-server-extensions (a checkout) instead of SINT_JAR: the jar is built there first.
# Three accounts: alice, bob, frank @bluemind.test (the simulator's users with hasIM; registered in-band on the
# baseline). Results: INTEROP_OUT (default target/interop/<date>): with/ and without/, each with summary.txt,
# results.tsv (every test), suite.log (the framework's log) and xmpp/ (each test's XMPP traffic); compare.txt.
# Each phase holds /tmp/bmx-e2e.lock (fixed ports; BMX_E2E_LOCK: another path, for a run in its own network namespace)
# only while its server runs, and gives up after INTEROP_TIMEOUT minutes (40). INTEROP_REPLY_TIMEOUT (ms, 5000) is the framework's reply timeout.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
LOCK=${BMX_E2E_LOCK:-/tmp/bmx-e2e.lock}
DOMAIN=bluemind.test
ACCOUNTS=(alice:alice-pw bob:bob-pw frank:frank-pw)

sint_missing() {
  cat >&2 <<EOF
interop.sh: the suite is missing. Set SINT_JAR to smack-sint-server-extensions' jar-with-dependencies, or SINT_HOME
to a checkout of it, built like this (it is on no Maven repository; Maven Central has the framework it needs):
  git clone https://github.com/XMPP-Interop-Testing/smack-sint-server-extensions.git
  cd smack-sint-server-extensions && git checkout 4f1687768fca   # the last commit on Smack 4.5.0-beta5
  mvn -B -DskipTests package      # -> target/smack-sint-server-extensions-1.6.1-SNAPSHOT-jar-with-dependencies.jar
EOF
  exit 2
}

# ---- the part that runs under the lock: one phase, server started and stopped ------------------------------
if [ "${1:-}" = "--phase" ]; then
  phase=$2 out=$3
  . "$out/../env.sh"
  home=$out/tigase pids=()
  listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
  started_rabbit= started_es=
  cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
    [ -n "$started_es" ] && java -cp "$TESTKIT_JAR" net.bluemind.xmpp.testkit.services.ServicesMain stop elasticsearch || true
    [ -n "$started_rabbit" ] && java -cp "$TESTKIT_JAR" net.bluemind.xmpp.testkit.services.ServicesMain stop rabbitmq || true
  }
  trap cleanup EXIT
  trap 'exit 130' INT TERM
  if listening 5222; then echo "interop.sh: something already listens on 5222 (another Tigase?): stop it first" >&2; exit 1; fi
  rm -rf "$home" && cp -a "$TIGASE_HOME/." "$home" && chmod -R u+w "$home" && rm -f "$home/etc/config.tdsl"
  mkdir -p "$home/logs"
  if [ "$phase" = with ]; then
    state=$out/state && mkdir -p "$state"
    listening "${BMX_RABBITMQ_PORT:-5673}" || started_rabbit=1
    listening "${BMX_ES_PORT:-9201}" || started_es=1
    java -cp "$TESTKIT_JAR" net.bluemind.xmpp.testkit.services.ServicesMain start > "$out/services.log" 2>&1 \
      || { echo "interop.sh: RabbitMQ/Elasticsearch did not start: see $out/services.log" >&2; exit 1; }
    java -cp "$TESTKIT_JAR" net.bluemind.xmpp.testkit.core.BmCoreSimulatorMain --port 8090 --token-file "$state/bm-core.tok" \
      > "$out/bm-core-simulator.log" 2>&1 &
    pids+=($!)
    bash scripts/install-into-tigase.sh "$home" "$ROOT/packaging/target/bundle/jars" > "$out/install.log"
    # the shipped file, edited as scripts/run.sh does for the local stack
    sed -e "s|^--virt-hosts = .*|--virt-hosts = $DOMAIN|" -e "s|^--admins = .*|--admins = admin0@$DOMAIN|" \
        -e "s|^#--bm-xmpp.core-url = .*|--bm-xmpp.core-url = http://127.0.0.1:8090|" \
        -e "s|^#--bm-xmpp.core-token-file = .*|--bm-xmpp.core-token-file = $state/bm-core.tok|" \
        -e "s|^#--bm-xmpp.amqp-uri = .*|--bm-xmpp.amqp-uri = amqp://127.0.0.1:${BMX_RABBITMQ_PORT:-5673}|" \
        -e "s|^#--bm-xmpp.es-urls = .*|--bm-xmpp.es-urls = http://127.0.0.1:${BMX_ES_PORT:-9201}|" \
        -e "s|^#--bm-xmpp.certs-dir = .*|--bm-xmpp.certs-dir = $state/certs|" \
        -e "s|^#--bm-xmpp.archive-spool-dir = .*|--bm-xmpp.archive-spool-dir = $state/archive-spool|" \
        etc/init.properties > "$home/etc/init.properties"
    for _ in $(seq 1 60); do listening 8090 && break; sleep 0.5; done
  else
    # Tigase's own self-signed certificate names only *.<domain>, which no client accepts for <domain> (Smack: "No
    # subject alternative DNS name matching bluemind.test found. Tried: *.bluemind.test"): give the baseline one
    # for the domain, as its operator would (certs/<domain>.pem, chain + key)
    openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=$DOMAIN" \
      -addext "subjectAltName=DNS:$DOMAIN,DNS:*.$DOMAIN" -keyout "$out/baseline-key.pem" -out "$out/baseline-cert.pem" 2>/dev/null
    cat "$out/baseline-cert.pem" "$out/baseline-key.pem" > "$home/certs/$DOMAIN.pem"
    # Tigase's default configuration: its own auth and user store (Derby), its own vCard; no bundle
    cat > "$home/etc/init.properties" <<EOF
config-type = --gen-config-def
--virt-hosts = $DOMAIN
--admins = admin@$DOMAIN
--user-db = derby
--user-db-uri = jdbc:derby:tigasedb;create=true
EOF
  fi
  printf '\n# interop.sh: loopback only\nc2s/ifc[s] = 127.0.0.1\ns2s/ifc[s] = 127.0.0.1\nbosh/ifc[s] = 127.0.0.1\nws2s/ifc[s] = 127.0.0.1\n' \
    >> "$home/etc/init.properties"
  cp "$home/etc/init.properties" "$out/init.properties"
  (cd "$home" && "$ROOT/scripts/prepare-tigase-store.sh" "$home/jars/*")
  (cd "$home" && exec java -Dfile.encoding=UTF-8 -Xms64m -Xmx512m -Dtigase.home="$home" -cp "$home/jars/*" tigase.server.XMPPServer) \
    > "$out/tigase-console.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 240); do
    grep -q 'is ready to use' "$out/tigase-console.log" 2>/dev/null && listening 5222 && break
    kill -0 "${pids[-1]}" 2>/dev/null || { echo "interop.sh: Tigase exited: see $out/tigase-console.log" >&2; exit 1; }
    sleep 0.5
  done
  listening 5222 || { echo "interop.sh: Tigase not listening on 5222 within 2 min: see $out/tigase-console.log" >&2; exit 1; }
  # trust exactly the certificate the server presents for the domain (self-signed: the bundle's, or Tigase's own)
  for _ in $(seq 1 20); do
    openssl s_client -connect 127.0.0.1:5222 -starttls xmpp -xmpphost "$DOMAIN" -servername "$DOMAIN" </dev/null 2>/dev/null \
      | sed -n '/BEGIN CERTIFICATE/,/END CERTIFICATE/p' > "$out/served-cert.pem" || true
    [ -s "$out/served-cert.pem" ] && break; sleep 1
  done
  [ -s "$out/served-cert.pem" ] || { echo "interop.sh: no certificate from 127.0.0.1:5222 (STARTTLS, $DOMAIN)" >&2; exit 1; }
  rm -f "$out/trust.p12"
  keytool -importcert -noprompt -alias served -file "$out/served-cert.pem" -keystore "$out/trust.p12" \
    -storetype PKCS12 -storepass interop >/dev/null
  openssl x509 -in "$out/served-cert.pem" -noout -subject -ext subjectAltName 2>/dev/null | tr '\n' ' ' > "$out/served-cert.txt" || true
  JOPTS=(-Djavax.net.ssl.trustStore="$out/trust.p12" -Djavax.net.ssl.trustStorePassword=interop -Djavax.net.ssl.trustStoreType=PKCS12)
  if [ "$phase" = without ]; then
    users=(); for a in "${ACCOUNTS[@]}"; do users+=("$a"); done
    java "${JOPTS[@]}" -cp "$CP" net.bluemind.xmpp.interop.Register "$DOMAIN" 127.0.0.1 "${users[@]}" 2>&1 | tee "$out/register.log" | grep -v '^\s*at '
  fi
  u() { echo "${ACCOUNTS[$1]%%:*}"; }
  p() { echo "${ACCOUNTS[$1]#*:}"; }
  echo "== $phase the bundle: the suite runs (progress below; log $out/suite.log)"
  t0=$(date +%s)
  java "${JOPTS[@]}" -Dsinttest.service=$DOMAIN -Dsinttest.host=127.0.0.1 -Dsinttest.securityMode=required \
    -Dsinttest.replyTimeout="${INTEROP_REPLY_TIMEOUT:-5000}" -Dsinttest.enabledConnections=tcp \
    -Dsinttest.accountOneUsername="$(u 0)" -Dsinttest.accountOnePassword="$(p 0)" \
    -Dsinttest.accountTwoUsername="$(u 1)" -Dsinttest.accountTwoPassword="$(p 1)" \
    -Dsinttest.accountThreeUsername="$(u 2)" -Dsinttest.accountThreePassword="$(p 2)" \
    -Dsinttest.testRunResultProcessors=org.igniterealtime.smack.inttest.SmackIntegrationTestFramework\$JulTestRunResultProcessor \
    -Dsinttest.debugger=org.igniterealtime.smack.inttest.util.FileLoggerFactory -DlogDir="$out/xmpp" \
    -cp "$CP" net.bluemind.xmpp.interop.InteropMain "$out" "$SPECS" 2> "$out/suite.log" \
    | grep --line-buffered -v '^Saving debug logs in ' | tee "$out/progress.txt"
  echo "$(( $(date +%s) - t0 ))" > "$out/seconds"
  exit 0
fi

# ---- preparation (no lock) -----------------------------------------------------------------------------------
MODE=${1:-both}
SPECS=${2:-${INTEROP_SPECS:-}}
case "$MODE" in both|with|without) ;; *) echo "usage: scripts/interop.sh [both|with|without] [SPEC,SPEC...]" >&2; exit 2 ;; esac
if [ -z "${TIGASE_HOME:-}" ] || ! ls "$TIGASE_HOME"/jars/tigase-server*.jar >/dev/null 2>&1; then
  echo "interop.sh: set TIGASE_HOME to a Tigase 8.4.0 install (the full distribution, with tigase-muc and tigase-pubsub, when you have it; see docs/developers-guide.md, Conformance)" >&2
  exit 2
fi
TIGASE_HOME=$(cd "$TIGASE_HOME" && pwd)
if [ -z "${SINT_JAR:-}" ] && [ -n "${SINT_HOME:-}" ]; then
  SINT_JAR=$(ls "$SINT_HOME"/target/smack-sint-server-extensions-*-jar-with-dependencies.jar 2>/dev/null | head -1 || true)
  if [ -z "$SINT_JAR" ]; then
    echo "== building the suite in $SINT_HOME (mvn package)"
    (cd "$SINT_HOME" && mvn -B -ntp -q -DskipTests package) || sint_missing
    SINT_JAR=$(ls "$SINT_HOME"/target/smack-sint-server-extensions-*-jar-with-dependencies.jar | head -1)
  fi
fi
[ -n "${SINT_JAR:-}" ] && [ -f "$SINT_JAR" ] || sint_missing
. scripts/lib/prereqs.sh
BMX_SKIP_WEBIM_MODULES=1 bmx_ensure_prereqs   # the suite runs no browser test: no npm ci (it hangs offline)
OUT=${INTEROP_OUT:-$ROOT/target/interop/$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
echo "== building the bundle (mvn package, tests skipped)"
mvn -B -ntp -q -o package -DskipTests 2>/dev/null || mvn -B -ntp -q package -DskipTests
TESTKIT_JAR=$(ls "$ROOT"/testkit/target/bm-xmpp-testkit-*.jar | grep -v -- '-sources\|-tests' | head -1)
echo "== compiling the launcher (interop/src) against $SINT_JAR"
rm -rf "$OUT/classes" && mkdir -p "$OUT/classes"
javac -nowarn -d "$OUT/classes" -cp "$SINT_JAR" $(find interop/src -name '*.java')
CP="$SINT_JAR:$OUT/classes"
cat > "$OUT/env.sh" <<EOF
TIGASE_HOME='$TIGASE_HOME'; TESTKIT_JAR='$TESTKIT_JAR'; CP='$CP'; SPECS='$SPECS'
EOF
phases=(with without); [ "$MODE" = both ] || phases=("$MODE")
for ph in "${phases[@]}"; do
  mkdir -p "$OUT/$ph"
  echo "== $ph the bundle: waiting for $LOCK (fixed ports), then Tigase from $TIGASE_HOME"
  timeout "$(( ${INTEROP_TIMEOUT:-40} * 60 ))" flock "$LOCK" "$0" --phase "$ph" "$OUT/$ph" \
    || echo "== $ph the bundle: the phase failed or timed out (rc $?): see $OUT/$ph"
done
for ph in "${phases[@]}"; do
  [ -f "$OUT/$ph/summary.txt" ] || continue
  echo; echo "===== $ph the bundle ($(cat "$OUT/$ph/seconds" 2>/dev/null || echo '?') s)"; cat "$OUT/$ph/summary.txt"
done
if [ "$MODE" = both ] && [ -f "$OUT/with/results.tsv" ] && [ -f "$OUT/without/results.tsv" ]; then
  java -cp "$CP" net.bluemind.xmpp.interop.Compare "$OUT/with/results.tsv" "$OUT/without/results.tsv" | tee "$OUT/compare.txt"
fi
echo; echo "== everything is in $OUT (per phase: summary.txt, results.tsv, suite.log, xmpp/ per-test traffic, tigase-console.log)"
