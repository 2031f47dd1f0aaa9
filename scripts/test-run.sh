#!/usr/bin/env bash
# Script test of scripts/run.sh, the README's main job, as a newcomer runs it: no TIGASE_HOME when Tigase's full
# distribution is in ../shared/tigase/8.4.0-full beside the repo (run.sh must find it itself; otherwise TIGASE_HOME is
# passed on, and without either the test is skipped). run.sh runs in the background, without stdin, in its own process
# group; once it prints "== serving", a real client (Debian's slixmpp, scripts/lib/runsh_client.py) trusts the
# certificate it is served (as "accept the exception" does), logs in as two simulator users, chats, creates a room,
# uploads a file. Then Ctrl-C as a terminal sends it (SIGINT to the process group; BMX_RUNSH_TEST_SIGNAL=TERM: SIGTERM to
# run.sh only), and nothing run.sh started may be left: no process of its group, no Tigase or simulator java of its
# run, 5222/8090 closed, RabbitMQ/Elasticsearch stopped if run.sh started them, still running if they were running.
# Holds /tmp/bmx-e2e.lock (fixed ports, as the e2e suite; BMX_E2E_LOCK: another path); bounded: waits at most
# BMX_RUNSH_TEST_LOCK_WAIT s (1800) for the lock, then runs at most BMX_RUNSH_TEST_TIMEOUT s (480).
# BMX_RUN_SKIP_BUILD=1 is passed on (scripts/test.sh sets it: its Maven run has just built the bundle).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
LOCK=${BMX_E2E_LOCK:-/tmp/bmx-e2e.lock}
if [ "${1:-}" != --locked ]; then
  SHARED_TIGASE=$(cd "$ROOT/.." && pwd)/shared/tigase/8.4.0-full
  if ! ls "$SHARED_TIGASE"/jars/tigase-server*.jar >/dev/null 2>&1 && [ -z "${TIGASE_HOME:-}" ]; then
    echo "== run.sh test skipped: no Tigase (neither $SHARED_TIGASE nor TIGASE_HOME)"; exit 0
  fi
  echo "== run.sh test (waits for $LOCK: the e2e suite's fixed ports)"
  exec flock -w "${BMX_RUNSH_TEST_LOCK_WAIT:-1800}" "$LOCK" \
    timeout -k 30 "${BMX_RUNSH_TEST_TIMEOUT:-480}" "$0" --locked
fi

t0=$SECONDS
. scripts/lib/prereqs.sh
BMX_SKIP_WEBIM_MODULES=1 bmx_ensure_prereqs
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
RABBIT_PORT=${BMX_RABBITMQ_PORT:-5673} ES_PORT=${BMX_ES_PORT:-9201} CORE_PORT=${BMX_CORE_PORT:-8090}
SIGNAL=${BMX_RUNSH_TEST_SIGNAL:-INT}
out=$(mktemp -d /tmp/bmx-runsh-test.XXXXXX)
log=$out/run.log
runpid= pg=
fail() { echo "run.sh test FAILED: $*" >&2; echo "--- run.sh's output ($log):" >&2; tail -40 "$log" >&2 || true; exit 1; }
# "pid command" of every process of run.sh's process group, or whose command line names this run's directory (its
# Tigase and simulator java), read from /proc (no procps needed)
run_procs() {
  local d cmd stat f
  for d in /proc/[0-9]*; do
    cmd=$(tr '\0' ' ' < "$d/cmdline" 2>/dev/null) && stat=$(cat "$d/stat" 2>/dev/null) || continue
    read -r -a f <<< "${stat##*) }"   # state ppid pgrp ...
    if { [ -n "$pg" ] && [ "${f[2]}" = "$pg" ]; } || [[ "$cmd" == *"$out/run/"* ]]; then echo "${d#/proc/} ${cmd:0:150}"; fi
  done
}
finish() {
  local rc=$?
  if [ -n "$runpid" ] && kill -0 "$runpid" 2>/dev/null; then   # failed half-way: stop run.sh, then anything left of it
    kill -TERM "$runpid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$runpid" 2>/dev/null || break; sleep 0.5; done
  fi
  local left; left=$(run_procs | cut -d' ' -f1)
  [ -n "$left" ] && kill -9 $left 2>/dev/null || true
  if [ "$rc" -eq 0 ]; then rm -rf "$out"; else echo "run.sh test: logs kept in $out" >&2; fi
}
trap finish EXIT
trap 'exit 143' TERM INT

for p in 5222 "$CORE_PORT"; do
  listening "$p" && fail "127.0.0.1:$p is already in use (a scripts/run.sh of yours? stop it first)"
done
rabbit_before=; listening "$RABBIT_PORT" && rabbit_before=1
es_before=; listening "$ES_PORT" && es_before=1

# the newcomer's path: run.sh finds ../shared itself when it is there
env_args=(BMX_RUN_DIR="$out/run")
if ls "$(cd "$ROOT/.." && pwd)"/shared/tigase/8.4.0-full/jars/tigase-server*.jar >/dev/null 2>&1; then
  env_args=(-u TIGASE_HOME "${env_args[@]}")
fi
set -m   # run.sh in its own process group, SIGINT not ignored: what a terminal's Ctrl-C reaches
env "${env_args[@]}" scripts/run.sh </dev/null >"$log" 2>&1 &
runpid=$! pg=$!
set +m
echo "== run.sh started (pid $runpid, output $log), waiting for '== serving'"
for _ in $(seq 1 600); do
  grep -q '^== serving' "$log" && break
  grep -q 'NOT serving\|MISSING' "$log" && fail "run.sh does not serve: $(grep -m1 'NOT serving\|MISSING' "$log")"
  kill -0 "$runpid" 2>/dev/null || fail "run.sh exited before serving"
  sleep 0.5
done
grep -q '^== serving' "$log" || fail "no '== serving' within 300 s"
t_serving=$((SECONDS - t0))
grep -m1 '^== serving' "$log"
for _ in $(seq 1 60); do grep -q '^Ctrl-C stops' "$log" && break; sleep 0.5; done
grep -q '^  user  *alice@bluemind.test  password alice-pw' "$log" || fail "the banner does not say how to log in"

# the certificate as the client is served it, trusted as is (the exception a user accepts)
openssl s_client -connect 127.0.0.1:5222 -starttls xmpp -xmpphost bluemind.test -servername bluemind.test </dev/null 2>/dev/null \
  | sed -n '/BEGIN CERTIFICATE/,/END CERTIFICATE/p' > "$out/served.pem" || true
[ -s "$out/served.pem" ] || fail "no certificate served on 127.0.0.1:5222 for bluemind.test"
fp=$(openssl x509 -in "$out/served.pem" -noout -fingerprint -sha256 | sed 's/.*=//')
grep -q "SHA-256 $fp" "$log" || fail "the banner's certificate fingerprint is not the served one ($fp)"

echo "== a real client (slixmpp) against run.sh's server"
timeout 150 /usr/bin/python3 scripts/lib/runsh_client.py 127.0.0.1 5222 bluemind.test "$out/served.pem" "$$" \
    alice alice-pw bob bob-pw 2> "$out/client.err" | tee "$out/client.out" \
  || fail "the client's steps failed (stderr: $out/client.err)"
t_client=$((SECONDS - t0))

# what run.sh started, before it is stopped
run_procs | sed 's/^/   started: /'
case "$SIGNAL" in
  INT) echo "== Ctrl-C: SIGINT to run.sh's process group"; kill -INT -- "-$runpid" ;;
  TERM) echo "== SIGTERM to run.sh ($runpid)"; kill -TERM "$runpid" ;;
  *) fail "BMX_RUNSH_TEST_SIGNAL is INT or TERM, not $SIGNAL" ;;
esac
ts=$SECONDS
rc=0; wait "$runpid" || rc=$?
runpid=
echo "== run.sh exited with $rc after $((SECONDS - ts)) s"
[ "$rc" -eq 130 ] || [ "$rc" -eq 143 ] || fail "run.sh's exit status after SIG$SIGNAL is $rc (expected 130 or 143)"
grep -q '^== stopped' "$log" || fail "run.sh did not say '== stopped'"
left=$(run_procs)
[ -z "$left" ] || fail "processes of run.sh left:"$'\n'"$left"
for p in 5222 "$CORE_PORT"; do listening "$p" && fail "127.0.0.1:$p still listens after run.sh stopped"; done
for s in "RabbitMQ $RABBIT_PORT $rabbit_before" "Elasticsearch $ES_PORT $es_before"; do
  set -- $s
  if [ -n "${3:-}" ]; then listening "$2" || fail "$1 was running before run.sh and is stopped now"
  else listening "$2" && fail "$1 was started by run.sh and still runs"
  fi
done
echo "== run.sh test passed in $((SECONDS - t0)) s (serving after ${t_serving} s, client done at ${t_client} s;" \
  "RabbitMQ $([ -n "$rabbit_before" ] && echo 'left running' || echo 'started and stopped')," \
  "Elasticsearch $([ -n "$es_before" ] && echo 'left running' || echo 'started and stopped'))"
