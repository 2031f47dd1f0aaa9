#!/usr/bin/env bash
# Installs the built bm-xmpp .deb for real on this (throwaway) Debian machine, checks what it created,
# reinstalls it (idempotent maintainer scripts), removes and purges it, and checks that everything it
# created is gone and nothing else was touched. Needs root and dpkg; skipped, saying so, otherwise.
# Usage: scripts/test-deb.sh [path/to/bm-xmpp_*.deb]
set -uo pipefail
cd "$(dirname "$0")/.."
deb=${1:-$(ls packaging/target/bm-xmpp_*_all.deb 2>/dev/null | head -1)}
if [ "$(id -u)" -ne 0 ] || ! command -v dpkg >/dev/null; then
  echo "deb test skipped: needs root and dpkg (run scripts/test.sh as root on Debian)"; exit 0
fi
if dpkg -s bm-xmpp >/dev/null 2>&1; then
  echo "deb test skipped: bm-xmpp is already installed on this machine; not touching it"; exit 0
fi
[ -f "$deb" ] || { echo "deb test: no package found (mvn package builds packaging/target/bm-xmpp_*_all.deb)"; exit 1; }

pass=0 fail=0
ok() { if eval "$2" >/dev/null 2>&1; then pass=$((pass+1)); echo "  ok    $1"; else fail=$((fail+1)); echo "  FAIL  $1"; fi; }
before=$(mktemp); after=$(mktemp)
snapshot() { { getent passwd | cut -d: -f1; getent group | cut -d: -f1; ls /etc /etc/default /usr/bin /lib/systemd/system /var/lib /var/log /var/spool /usr/share 2>/dev/null; } | sort; }
snapshot > "$before"

echo "== contents of $deb"
ok "control says package bm-xmpp"                 "dpkg-deb -f '$deb' Package | grep -qx bm-xmpp"
ok "init.properties and defaults are conffiles"   "dpkg-deb -e '$deb' /tmp/bmx-deb-ctl && grep -qx /etc/bm-xmpp/init.properties /tmp/bmx-deb-ctl/conffiles && grep -qx /etc/default/bm-xmpp /tmp/bmx-deb-ctl/conffiles"
ok "plugin jars under /usr/share/bm-xmpp/lib"     "dpkg-deb -c '$deb' | grep -c './usr/share/bm-xmpp/lib/bm-xmpp-auth-'"
ok "no Tigase jar shipped"                         "! dpkg-deb -c '$deb' | grep -c 'tigase-server\\|bm-xmpp-tigase-api'"
ok "systemd unit shipped"                          "dpkg-deb -c '$deb' | grep -c './lib/systemd/system/bm-xmpp.service'"
rm -rf /tmp/bmx-deb-ctl

echo "== dpkg -i"
ok "installs"                                      "dpkg -i '$deb'"
ok "system user bm-xmpp"                           "getent passwd bm-xmpp | grep -q '/var/lib/bm-xmpp'"
ok "logs, state, spool and certs dirs owned by bm-xmpp" "[ \$(stat -c %U /var/log/bm-xmpp /var/lib/bm-xmpp /var/spool/bm-xmpp /usr/share/bm-xmpp/certs | sort -u) = bm-xmpp ]"
ok "init.properties readable by bm-xmpp only"      "[ \"\$(stat -c '%a %G' /etc/bm-xmpp/init.properties)\" = '640 bm-xmpp' ]"
ok "init.properties is the shipped one"            "cmp -s /etc/bm-xmpp/init.properties etc/init.properties"
ok "bm-xmpp check --help answers"                  "bm-xmpp check --help | grep -q 'usage: bm-xmpp check'"
ok "bm-xmpp check reports bm-core down, exit 1"    "out=\$(bm-xmpp check --config /etc/bm-xmpp/init.properties --resolver 127.0.0.1:9); [ \$? -eq 1 ] && echo \"\$out\" | grep -q 'FAIL  core'"
ok "server script refuses a missing TIGASE_HOME"   "! TIGASE_HOME=/nonexistent runuser -u bm-xmpp -- /usr/share/bm-xmpp/bin/bm-xmpp-server"

listens() { for _ in $(seq 90); do (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 1; done; return 1; }
stop_server() { pkill -u bm-xmpp -f tigase.server.XMPPServer; for _ in $(seq 30); do pgrep -u bm-xmpp >/dev/null || return 0; sleep 1; done; pkill -9 -u bm-xmpp; }
if [ -n "${TIGASE_HOME:-}" ]; then
  # no BlueMind, RabbitMQ or Elasticsearch configured: the plugins must log it and the server start anyway
  echo "== the installed server on TIGASE_HOME=$TIGASE_HOME, BlueMind unreachable"
  log=/var/log/bm-xmpp/tigase.log.0
  runuser -u bm-xmpp -- env TIGASE_HOME="$TIGASE_HOME" /usr/share/bm-xmpp/bin/bm-xmpp-server >/tmp/bmx-deb-server.out 2>&1 &
  ok "Tigase listens on 5222, 5223 and 5269"       "listens 5222 && listens 5223 && listens 5269"
  ok "the bundle's plugins are loaded"              "grep -q 'BlueMind vhost repository started' $log && grep -q 'Added processor: BlueMindVCardTemp' $log && grep -q 'archive started' $log && grep -q 'class=net.bluemind.xmpp.auth' $log"
  ok "bm-core being unreachable is said, not fatal" "grep -q 'starting without BlueMind.s domains' $log && ! grep -q SEVERE $log"
  ok "Tigase's store created at the first start"    "[ -d /var/lib/bm-xmpp/tigasedb ] && grep -q 'Loading schema: Tigase XMPP Server (Core).*ok' /var/lib/bm-xmpp/logs/store-install.log"
  stop_server
  ok "the server stops"                             "! pgrep -u bm-xmpp"
else
  echo "  skip  starting the installed server (set TIGASE_HOME to a Tigase 8.4.0 install)"
fi

echo "== reinstall (idempotent) keeps an edited conffile"
echo "# edited by the operator" >> /etc/bm-xmpp/init.properties
ok "reinstalls"                                    "dpkg -i '$deb'"
ok "operator's edit kept"                          "grep -q 'edited by the operator' /etc/bm-xmpp/init.properties"
ok "still one bm-xmpp user"                        "[ \$(getent passwd | grep -c '^bm-xmpp:') -eq 1 ]"

echo "== dpkg -r, then dpkg -P"
ok "removes"                                       "dpkg -r bm-xmpp"
ok "program files gone, conffiles kept"            "[ ! -e /usr/share/bm-xmpp/lib ] && [ ! -e /usr/bin/bm-xmpp ] && [ -e /etc/bm-xmpp/init.properties ]"
ok "purges"                                        "dpkg -P bm-xmpp"
ok "user, logs, state, spool, certs, config gone"  "! getent passwd bm-xmpp && [ ! -e /var/log/bm-xmpp ] && [ ! -e /var/lib/bm-xmpp ] && [ ! -e /var/spool/bm-xmpp ] && [ ! -e /usr/share/bm-xmpp ] && [ ! -e /etc/bm-xmpp ] && [ ! -e /etc/default/bm-xmpp ]"
snapshot > "$after"
ok "nothing else on the machine changed"           "diff -q '$before' '$after'"
diff "$before" "$after" | head -5
rm -f "$before" "$after"
echo "deb: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
