#!/usr/bin/env bash
# Installs the bm-xmpp bundle (packaging/target/bundle/jars, built by `mvn package`) into a Tigase 8.4.0
# install: scripts/install-into-tigase.sh TIGASE_HOME [BUNDLE_JARS_DIR]
# A jar is skipped when the server already ships the same artifact (any version, with or without a
# version in its file name), and our slf4j->java.util.logging binding is skipped when the server has
# its own slf4j binding (logback), so nothing Tigase ships is replaced or doubled.
set -euo pipefail
home=${1:?usage: install-into-tigase.sh TIGASE_HOME [BUNDLE_JARS_DIR]}
bundle=${2:-$(cd "$(dirname "$0")/.." && pwd)/packaging/target/bundle/jars}
[ -f "$home/jars/tigase-server.jar" ] || ls "$home"/jars/tigase-server*.jar >/dev/null 2>&1 \
  || { echo "install-into-tigase: $home has no jars/tigase-server*.jar: not a Tigase install" >&2; exit 2; }
[ -d "$bundle" ] || { echo "install-into-tigase: no bundle at $bundle (run mvn package first)" >&2; exit 2; }

artifact() { basename "$1" .jar | sed -E 's/-[0-9][0-9A-Za-z.+_-]*$//'; }
has_artifact() {
  local want=$1 j
  for j in "$home"/jars/*.jar; do [ "$(artifact "$j")" = "$want" ] && return 0; done
  return 1
}

installed=0 skipped=0
for jar in "$bundle"/*.jar; do
  name=$(artifact "$jar")
  if [[ $name == bm-xmpp-* ]]; then
    rm -f "$home"/jars/"$name"-*.jar          # an upgrade replaces our own previous version
  elif has_artifact "$name"; then
    echo "  keep Tigase's $name"; skipped=$((skipped + 1)); continue
  elif [ "$name" = slf4j-jdk14 ] && has_artifact logback-classic; then
    echo "  skip slf4j-jdk14 (Tigase logs slf4j through logback)"; skipped=$((skipped + 1)); continue
  fi
  cp "$jar" "$home/jars/"
  installed=$((installed + 1))
done
echo "bm-xmpp bundle: $installed jar(s) installed into $home/jars, $skipped left to Tigase's own"
