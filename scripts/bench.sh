#!/usr/bin/env bash
# Builds and runs the benchmarks: scripts/bench.sh [name...] (all but e2e when none; --list to list them).
# Each prints its figures and the ratios measured within the same run.
# e2e: a real Tigase under load (needs TIGASE_HOME; the whole tree is built for the bundle; about 15 minutes).
# cluster: steady chat on one cluster node, then two (needs TIGASE_HOME, PostgreSQL and root; about 6 minutes).
# mam: MAM over 1,000,000 archived messages (loads them once into the test Elasticsearch, ~1 min; reused after; ~4 minutes).
# BENCH_OPTS: JVM options of the harness, e.g. BENCH_OPTS="-Dbmx.load.users=500 -Dbmx.tigase.xmx=1g".
# e2e at issue 27's login load (open loop: 1,000 users arriving over 60 s, goals printed MET / NOT MET; about 15 minutes):
#   BENCH_OPTS="-Dbmx.load.open-loop=true" (-Dbmx.load.arrival-interval-ms=60, -Dbmx.load.users=1000: the defaults then).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/prereqs.sh
BMX_SKIP_WEBIM_MODULES=1 bmx_ensure_prereqs   # no browser test here: no npm ci
if [[ " $* " == *" e2e "* || " $* " == *" cluster "* ]]; then
  : "${TIGASE_HOME:?scripts/bench.sh e2e needs TIGASE_HOME (a Tigase 8.4.0 install, see docs/developers-guide.md, Benchmarks)}"
  mvn -B -ntp -q package -DskipTests
else
  mvn -B -ntp -q -pl bench -am package -DskipTests
fi
# many sessions: one thread each in the harness, and as many sockets
ulimit -n 65536 2>/dev/null || true
# shellcheck disable=SC2086
exec java ${BENCH_OPTS:-} -Dbmx.repo.dir="$PWD" -jar "$(ls bench/target/bm-xmpp-bench-*.jar | head -1)" "$@"
