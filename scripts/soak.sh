#!/usr/bin/env bash
# Soak run, not part of CI: scripts/soak.sh [minutes]  (default 30; TIGASE_HOME must name a Tigase 8.4.0 install)
# Steady chat + logins/logouts + vCard fetches against a real Tigase for that long, RabbitMQ restarted at a third
# of the run and Elasticsearch (a node of the run's own) at two thirds; Tigase's heap after a full GC, threads
# and open files are printed every minute and must stay flat; every message must reach the recipient and ES.
# Holds /tmp/bmx-e2e.lock for the run (fixed ports, RabbitMQ restarted). Bounded: gives up after minutes + 15.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-30}"
: "${TIGASE_HOME:?set TIGASE_HOME to a Tigase 8.4.0 install}"
. scripts/lib/prereqs.sh
bmx_ensure_prereqs
exec timeout "$(( (minutes + 15) * 60 ))" flock /tmp/bmx-e2e.lock \
    mvn -B -ntp verify -pl integration-tests -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=SoakE2eIT -Dbmx.soak.minutes="$minutes"
