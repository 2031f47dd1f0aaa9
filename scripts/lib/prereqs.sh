# Sourced by the scripts: installs what building and testing bm-xmpp needs on Debian 12, if missing.
# apt-get update runs at most once, and only when something has to be installed.

bmx_root_cmd() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else echo "ERROR: '$*' needs root (run as root or install sudo)" >&2; return 1
  fi
}

bmx_ensure_prereqs() {
  local missing=()
  command -v javac >/dev/null 2>&1 && javac -version 2>&1 | grep -qE 'javac (1[7-9]|2[0-9])' \
    || missing+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null 2>&1 || missing+=(maven)
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
  command -v setpriv >/dev/null 2>&1 || missing+=(util-linux)
  command -v useradd >/dev/null 2>&1 || missing+=(passwd)
  command -v dnsmasq >/dev/null 2>&1 || missing+=(dnsmasq-base)   # real DNS server of the bm-xmpp check tests
  command -v dpkg-deb >/dev/null 2>&1 || missing+=(dpkg)
  # the client stacks' own certificate verifiers (NativeVerifiersTest): NSS, OpenSSL, GnuTLS
  command -v vfychain >/dev/null 2>&1 && command -v certutil >/dev/null 2>&1 || missing+=(libnss3-tools)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  command -v certtool >/dev/null 2>&1 || missing+=(gnutls-bin)
  # the web IM browser test (e2e WebImE2eIT): headless Chromium driven by Node (playwright-core, Converse.js)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  # a real XMPP client library besides Smack, for the e2e suite (SlixmppRoomsE2eIT): Debian's python3-slixmpp
  [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import slixmpp' >/dev/null 2>&1 || missing+=(python3-slixmpp)
  # the shared database of a cluster (ClusterDatabaseIT): Debian's PostgreSQL server, run by the tests on their own port
  ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
  # BlueMind's reverse proxy in front of Tigase's upload server (FileTransferE2eIT), run by the test on its own port
  [ -x /usr/sbin/nginx ] || missing+=(nginx)
  # the cluster test's node addresses, routed to the loopback interface (ClusterE2eIT, testkit LoopbackRoute)
  command -v ip >/dev/null 2>&1 || missing+=(iproute2)
  # a real remote XMPP server for the federation test (FederationE2eIT, testkit ProsodyPeer), run by the test on its
  # own address; lua-unbound (only recommended by the package) reads the test's hosts file (Prosody's 'hoststxt')
  [ -x /usr/bin/prosody ] || missing+=(prosody)
  ls /usr/lib/*-linux-gnu/lua/5.4/lunbound.so >/dev/null 2>&1 || missing+=(lua-unbound)
  # a second real remote server for the federation tests (FederationEjabberdE2eIT, testkit EjabberdPeer), run by the
  # test on its own address as the package's ejabberd user
  [ -x /usr/sbin/ejabberdctl ] || missing+=(ejabberd)
  # the STUN/TURN server of the calls test (CallsE2eIT, testkit CoturnServer: turnserver run by the test on its own
  # port; turnutils_uclient allocates relays through it)
  [ -x /usr/bin/turnserver ] && [ -x /usr/bin/turnutils_uclient ] || missing+=(coturn)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing ${missing[*]} (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    # the package's own broker (port 5672) is not needed: the tests run a private node on 5673 (nor the packages' own
    # nginx, PostgreSQL, Prosody or coturn: the tests run theirs)
    if [ "$(id -u)" -eq 0 ] && [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
      BMX_REMOVE_POLICY=1
    fi
    bmx_root_cmd apt-get update -qq
    bmx_root_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
    if [ -n "${BMX_REMOVE_POLICY:-}" ]; then rm -f /usr/sbin/policy-rc.d; fi
    # ejabberd's own service would listen on 5222/5269 of every address (Tigase's ports): where systemd runs, stopped
    # and disabled right after the install (as root in a container, policy-rc.d above kept it from starting at all)
    if [[ " ${missing[*]} " == *" ejabberd "* ]] && [ -d /run/systemd/system ]; then
      bmx_root_cmd systemctl disable --now ejabberd >/dev/null 2>&1 || true
    fi
    # coturn's own service would take 3478 on every address: the same
    if [[ " ${missing[*]} " == *" coturn "* ]] && [ -d /run/systemd/system ]; then
      bmx_root_cmd systemctl disable --now coturn >/dev/null 2>&1 || true
    fi
  fi
  bmx_ensure_webim_modules
  # Erlang (RabbitMQ) needs a resolvable "localhost" for the node name bmxmpp-<port>@localhost
  getent hosts localhost >/dev/null || echo "WARNING: 'localhost' does not resolve; RabbitMQ will not start" >&2
}

# The browser test's npm packages (pinned by integration-tests/webim/package-lock.json), installed when the lock
# file changed since the last install; a failure only makes that one test skip, saying why. BMX_SKIP_WEBIM_MODULES=1:
# not at all (scripts that run no browser test; npm retries for minutes where there is no network).
bmx_ensure_webim_modules() {
  local dir lock
  [ -z "${BMX_SKIP_WEBIM_MODULES:-}" ] || return 0
  dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/integration-tests/webim"
  lock="$dir/node_modules/.package-lock.json"
  [ -f "$dir/package-lock.json" ] || return 0
  command -v npm >/dev/null 2>&1 || return 0
  if [ ! -f "$lock" ] || [ "$dir/package-lock.json" -nt "$lock" ]; then
    echo "== npm ci in $dir (Converse.js, playwright-core: test only)"
    (cd "$dir" && npm ci --no-audit --no-fund --ignore-scripts >/dev/null) \
      || echo "WARNING: npm ci failed in $dir: the web IM browser test will skip" >&2
  fi
  # a real SASL2 + Bind2 client for the e2e suite (Sasl2E2eIT): xmpp.js, pinned by integration-tests/xmppjs/package-lock.json
  dir="$(dirname "$dir")/xmppjs"
  lock="$dir/node_modules/.package-lock.json"
  if [ -f "$dir/package-lock.json" ] && { [ ! -f "$lock" ] || [ "$dir/package-lock.json" -nt "$lock" ]; }; then
    echo "== npm ci in $dir (xmpp.js: test only)"
    (cd "$dir" && npm ci --no-audit --no-fund --ignore-scripts >/dev/null) \
      || echo "WARNING: npm ci failed in $dir: the xmpp.js SASL2 test will skip" >&2
  fi
}
