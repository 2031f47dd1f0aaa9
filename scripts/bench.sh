#!/usr/bin/env bash
# Builds and runs the benchmarks: scripts/bench.sh [name...] (all when none; --list to list them).
# Each prints its figures and the ratios measured within the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/prereqs.sh
bmx_ensure_prereqs
mvn -B -ntp -q -pl bench -am package -DskipTests
exec java -jar "$(ls bench/target/bm-xmpp-bench-*.jar | head -1)" "$@"
