#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster on 127.0.0.1, then remove it.
#   scripts/with-postgres.sh .venv/bin/pytest
# The cluster lives in a temporary folder, listens on $PGPORT (default 54329)
# and is stopped and deleted when the command ends, whatever its outcome.
set -euo pipefail

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [[ -z "$PGBIN" ]]; then
    echo "PostgreSQL is not installed (Debian package: postgresql)." >&2
    exit 1
fi
PGPORT=${PGPORT:-54329}
PGTMP=$(mktemp -d /tmp/training-pg.XXXXXX)

as_pg() {
    if [[ "$(id -u)" -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[[ "$(id -u)" -eq 0 ]] && chown postgres:postgres "$PGTMP"

cleanup() {
    as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PGTMP"
}
trap cleanup EXIT

as_pg "$PGBIN/initdb" -D "$PGTMP/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
# Durability off: this database lives for one test run.
as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/log" -w -o \
    "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGTMP -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
    start >/dev/null || { cat "$PGTMP/log" >&2; exit 1; }

"$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qc \
    "CREATE ROLE training LOGIN PASSWORD 'training' CREATEDB" >/dev/null
"$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres -O training training

export DATABASE_URL="postgres://training:training@127.0.0.1:$PGPORT/training"
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') ready at 127.0.0.1:$PGPORT"
"$@"
