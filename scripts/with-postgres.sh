#!/usr/bin/env bash
# Runs a command with a PostgreSQL server of its own: a temporary data directory and a free port,
# started as the `postgres` user (PostgreSQL refuses to run as root), stopped and removed when the
# command ends. The command gets DATABASE_URL (a database `reviews` owned by a password-less
# superuser on 127.0.0.1). Debian's `postgresql` package is installed when missing.
#   bash scripts/with-postgres.sh npm run test:server:pg
set -euo pipefail

bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "with-postgres: installing Debian's postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
  bindir="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
fi

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

dir="$(mktemp -d /tmp/review-pg.XXXXXX)"
chmod 755 "$dir"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"

cleanup() {
  as_postgres "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

as_postgres "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
# fsync stays on: the durability tests mean something only with it. Sockets in the temp folder.
as_postgres "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
  -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c max_connections=200" start >/dev/null
as_postgres "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres reviews

export DATABASE_URL="postgres://postgres@127.0.0.1:$port/reviews"
export PGPORT="$port"
echo "with-postgres: $("$bindir/postgres" --version) on port $port"
"$@"
