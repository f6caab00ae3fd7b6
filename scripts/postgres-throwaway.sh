#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: its own data folder, reachable
# only through a unix socket in that folder (no TCP port, so runs side by side
# never collide), trust authentication for the user "segwork".
#
#   scripts/postgres-throwaway.sh start DIR   # prints a connection URL for SEGWORK_PG_URL
#   scripts/postgres-throwaway.sh stop DIR
#
# As root, the server runs as the "postgres" user (initdb refuses root).
# Needs Debian's postgresql (or initdb and pg_ctl on the PATH).
set -euo pipefail
action=${1:?start or stop}
dir=${2:?a folder}
port=5433
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ]; then
  bin=$(dirname "$(command -v pg_ctl)")
fi
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$action" in
  start)
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    as_owner "$bin/initdb" -D "$dir/data" -U segwork --auth=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-k $dir -p $port -c listen_addresses= -c fsync=off" start >/dev/null
    echo "postgresql://segwork@localhost/postgres?host=$dir&port=$port"
    ;;
  stop)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 64
    ;;
esac
