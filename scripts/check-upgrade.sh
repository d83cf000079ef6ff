#!/usr/bin/env bash
# Prove that upgrading a database changes no data:
#   scripts/check-upgrade.sh OLD_REV          (e.g. scripts/check-upgrade.sh d86a9e4)
# On a throwaway PostgreSQL (scripts/with-postgres.sh, port $PGPORT), build a
# database with OLD_REV's code (`migrate` + `seed_demo`, from a temporary git
# worktree), fingerprint every table (row count and the md5 of its rows in
# primary-key order), migrate it with this checkout's code, fingerprint again
# and compare. Only django_migrations may differ, and django_content_type only
# in the app_label of models that moved app (those rows are listed). Exits 1
# if anything else changed.
set -euo pipefail

OLD_REV=${1:?usage: scripts/check-upgrade.sh OLD_REV}
HERE=$(cd "$(dirname "$0")/.." && pwd)
PY="$HERE/.venv/bin/python"

if [[ "${CHECK_UPGRADE_INNER:-}" != 1 ]]; then
    exec env CHECK_UPGRADE_INNER=1 "$HERE/scripts/with-postgres.sh" "$0" "$@"
fi

WORK=$(mktemp -d /tmp/check-upgrade.XXXXXX)
cleanup() {
    git -C "$HERE" worktree remove --force "$WORK/old" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

# Every table: "name rows md5", rows ordered by primary key (or whole row).
fingerprint() {
    "$PY" - "$1" <<'PYTHON'
import os, sys
import psycopg
from psycopg import sql

with psycopg.connect(os.environ["DATABASE_URL"]) as conn, open(sys.argv[1], "w") as out:
    tables = [r[0] for r in conn.execute(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1")]
    for table in tables:
        pk = [r[0] for r in conn.execute(
            "SELECT a.attname FROM pg_index i JOIN pg_attribute a"
            " ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)"
            " WHERE i.indrelid = %s::regclass AND i.indisprimary"
            " ORDER BY array_position(i.indkey, a.attnum)", [table])]
        order = (sql.SQL(", ").join(sql.SQL("t.") + sql.Identifier(c) for c in pk)
                 if pk else sql.SQL("t::text"))
        count, digest = conn.execute(sql.SQL(
            "SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY {}), ''))"
            " FROM {} t").format(order, sql.Identifier(table))).fetchone()
        out.write(f"{table} {count} {digest}\n")
    with open(sys.argv[1] + ".contenttypes", "w") as types:
        for row in conn.execute(
                "SELECT id, app_label, model FROM django_content_type ORDER BY id"):
            types.write(" ".join(map(str, row)) + "\n")
PYTHON
}

echo "Building the database with $OLD_REV ($(git -C "$HERE" rev-parse --short "$OLD_REV"))…"
git -C "$HERE" worktree add --detach "$WORK/old" "$OLD_REV" >/dev/null 2>&1
# The old code's settings expect the front-end packages beside it.
[[ -e "$HERE/node_modules" ]] && ln -s "$(readlink -f "$HERE/node_modules")" "$WORK/old/node_modules"
export MEDIA_ROOT="$WORK/media"
(cd "$WORK/old" && "$PY" manage.py migrate -v0 && "$PY" manage.py seed_demo >/dev/null)
fingerprint "$WORK/before"

echo "Migrating it with this checkout ($(git -C "$HERE" rev-parse --short HEAD)$(git -C "$HERE" diff --quiet HEAD || echo ' + uncommitted changes'))…"
(cd "$HERE" && "$PY" manage.py migrate)
fingerprint "$WORK/after"

echo
echo "Tables: $(wc -l <"$WORK/before") before, $(wc -l <"$WORK/after") after;" \
    "rows: $(awk '{s+=$2} END {print s}' "$WORK/before") before," \
    "$(awk '{s+=$2} END {print s}' "$WORK/after") after."
echo "Tables whose rows differ (name rows md5, before < > after):"
diff "$WORK/before" "$WORK/after" || true
echo
echo "django_content_type rows that changed (id app_label model):"
diff "$WORK/before.contenttypes" "$WORK/after.contenttypes" || true

changed=$(diff <(cut -d' ' -f1,2,3 "$WORK/before") <(cut -d' ' -f1,2,3 "$WORK/after") \
    | awk '/^[<>]/ {print $2}' | sort -u | grep -vx -e django_migrations -e django_content_type || true)
# A content type may change its app_label only, never its id or model.
retyped=$(diff <(cut -d' ' -f1,3 "$WORK/before.contenttypes") \
    <(cut -d' ' -f1,3 "$WORK/after.contenttypes") || true)
echo
if [[ -n "$changed" || -n "$retyped" ]]; then
    echo "FAIL: data changed in: ${changed:-} ${retyped:+django_content_type (ids or models)}"
    exit 1
fi
echo "OK: no data changed (only django_migrations and content type app labels)."
