#!/usr/bin/env bash
# Runs every test: unit tests, then the integration suites against a real RabbitMQ and Elasticsearch
# (started on 127.0.0.1:5673 / :9201 if not already running there, stopped afterwards if started here).
# The e2e suite runs when TIGASE_HOME names a Tigase 8.4.0 install, and is skipped otherwise.
# After a whole-tree run, scripts/test-run.sh: scripts/run.sh serves a real client (Tigase from ../shared/tigase or
# TIGASE_HOME; skipped without either), and Ctrl-C stops what it started.
# Extra arguments go to Maven, e.g. scripts/test.sh -pl plugins/auth -am
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/prereqs.sh
bmx_ensure_prereqs
[ -z "${TIGASE_HOME:-}" ] && echo "== TIGASE_HOME not set: the e2e suite will be skipped"
mvn -B -ntp verify "$@"
# the Debian package, installed and purged for real (root on Debian only; skipped otherwise),
# after a whole-tree run (a run limited by Maven arguments may not have built it)
if [ $# -eq 0 ]; then BMX_RUN_SKIP_BUILD=1 scripts/test-run.sh; scripts/test-deb.sh; fi
