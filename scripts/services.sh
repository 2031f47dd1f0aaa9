#!/usr/bin/env bash
# Keeps a RabbitMQ (127.0.0.1:5673) and an Elasticsearch (127.0.0.1:9201) running for development.
# Tests find them there and leave them running. Ports and state dir: BMX_RABBITMQ_PORT, BMX_ES_PORT,
# BMX_SERVICES_DIR.   usage: scripts/services.sh start | stop [all|rabbitmq|elasticsearch] | status
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls testkit/target/bm-xmpp-testkit-*.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ] || [ "${1:-status}" = start ]; then
  . scripts/lib/prereqs.sh
  bmx_ensure_prereqs
  mvn -B -ntp -q -pl testkit -am package -DskipTests
  jar=$(ls testkit/target/bm-xmpp-testkit-*.jar | head -1)
fi
exec java -cp "$jar" net.bluemind.xmpp.testkit.services.ServicesMain "${@:-status}"
