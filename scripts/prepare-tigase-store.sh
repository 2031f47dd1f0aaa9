#!/bin/sh
# Tigase keeps rosters, privacy lists and offline messages in its own store (--user-db-uri). When that is
# the embedded Derby database named in ./etc/init.properties and it does not exist yet, this creates it
# with Tigase's schema tool (schema files from ./database). Any other store (PostgreSQL, ...) is the
# operator's to prepare (docs/operators-guide.md, Contact lists). Run from the directory Tigase starts in, before each start: it does
# nothing once the database exists.
# usage: prepare-tigase-store.sh CLASSPATH     (Tigase's jars and Derby's, e.g. "$TIGASE_HOME/jars/*")
set -eu
cp=${1:?usage: prepare-tigase-store.sh CLASSPATH}
uri=$(sed -n 's/^[[:space:]]*--user-db-uri[[:space:]]*=[[:space:]]*//p' etc/init.properties | tail -1 | tr -d '\r')
case "$uri" in
  jdbc:derby:*) ;;
  *) exit 0 ;;
esac
db=${uri#jdbc:derby:}
db=${db%%;*}
[ -d "$db" ] && exit 0
if [ ! -d database ]; then
  echo "prepare-tigase-store: no ./database (Tigase's schema files) in $(pwd)" >&2
  exit 1
fi
mkdir -p logs
log=logs/store-install.log
if "${JAVA:-java}" -cp "$cp" tigase.db.util.SchemaManager install-schema -T derby -D "$db" -H localhost \
     -U tigase -P tigase -R root -A root > "$log" 2>&1 \
   && grep -q 'Loading schema: Tigase XMPP Server (Core).*ok' "$log"; then
  echo "prepare-tigase-store: created Tigase's store $(pwd)/$db (rosters, privacy lists, offline messages)"
else
  rm -rf "$db"
  echo "prepare-tigase-store: could not create Tigase's store $db: see $(pwd)/$log" >&2
  exit 1
fi
