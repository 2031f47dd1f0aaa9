#!/usr/bin/env bash
# Runs only the end-to-end suite (every *IT of net.bluemind.xmpp.it.e2e) against the Tigase 8.4.0 install named by
# TIGASE_HOME or by the first argument; the install is copied, never modified. Extra arguments go to Maven.
#   scripts/e2e.sh /path/to/tigase-8.4.0-full
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ] && [ -d "$1" ]; then TIGASE_HOME=$(cd "$1" && pwd); shift; fi
: "${TIGASE_HOME:?usage: scripts/e2e.sh TIGASE_HOME [maven args] (a Tigase 8.4.0 install)}"
export TIGASE_HOME
. scripts/lib/prereqs.sh
bmx_ensure_prereqs
echo "== e2e suite against $TIGASE_HOME"
exec mvn -B -ntp verify -pl integration-tests -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test='**/e2e/*IT' "$@"
