#!/usr/bin/env bash
# The restore drill (docs/deployment.md, "Backups"): back up the running site,
# restore the backup into an empty database and a new media folder, serve the
# copy with gunicorn beside the original, and prove the copy serves the same
# certificates: every stored PDF matches its recorded SHA-256 in both, and the
# public verification of each (sampled: at most 20) answers the same on both,
# and accepts the restored PDF as the very file issued.
#   scripts/restore-drill.sh EMPTY_DATABASE_URL ORIGINAL_BASE_URL
# e.g. scripts/restore-drill.sh postgres://training:…@db.internal/training_drill http://127.0.0.1:8000
# Runs from the site's folder with its training.env; changes nothing of the
# site's own; leaves the copy's database for the operator to drop.
set -euo pipefail
restore_url=${1:?usage: restore-drill.sh EMPTY_DATABASE_URL ORIGINAL_BASE_URL}
original=${2:?usage: restore-drill.sh EMPTY_DATABASE_URL ORIGINAL_BASE_URL}
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
work=$(mktemp -d "${TMPDIR:-/tmp}/restore-drill.XXXXXX")
port=$(( 24000 + $$ % 4000 ))
cleanup() {
    local pids
    pids=$(jobs -p)
    if [[ -n "$pids" ]]; then
        kill $pids 2>/dev/null || true
        wait $pids 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

echo "== backup"
stamp=$(scripts/prod-env.sh scripts/backup.sh "$work/backups")
ls -l "$work/backups"
scripts/prod-env.sh .venv/bin/python manage.py check_certificate_files --json "$work/original.json"

echo "== restore into an empty database and media folder"
# The site's variables, with the copy's database, media, port and no shared
# cache (the copy must not read the original's cached pages).
# Media from a container or bucket is restored into a folder too, so the drill
# never writes into the site's own storage.
grep -v -e '^DATABASE_URL=' -e '^MEDIA_ROOT=' -e '^GUNICORN_BIND=' -e '^CACHE_URL=' \
    -e '^MEDIA_STORAGE=' training.env > "$work/restore.env"
cat >> "$work/restore.env" <<ENV
DATABASE_URL=$restore_url
MEDIA_STORAGE=filesystem
MEDIA_ROOT=$work/media
GUNICORN_BIND=127.0.0.1:$port
ENV
TRAINING_ENV="$work/restore.env" scripts/prod-env.sh scripts/restore.sh "$work/backups" "$stamp"
TRAINING_ENV="$work/restore.env" scripts/prod-env.sh \
    .venv/bin/python manage.py check_certificate_files --json "$work/restored.json"

echo "== the copy serves the same certificates"
TRAINING_ENV="$work/restore.env" scripts/prod-env.sh .venv/bin/gunicorn training_site.wsgi &
set -a
# shellcheck source=/dev/null
. "$work/restore.env"
set +a
.venv/bin/python scripts/restore_drill_compare.py "$work/original.json" "$work/restored.json" \
    "$original" "http://127.0.0.1:$port" "${ALLOWED_HOSTS%%,*}" "$work/media"
echo "== restore drill passed"
