#!/usr/bin/env bash
# Restore a backup of scripts/backup.sh into the database and media storage
# (MEDIA_ROOT, or the container or bucket of MEDIA_STORAGE) of the production
# variables (docs/deployment.md, "Backups"):
#   scripts/prod-env.sh scripts/restore.sh /srv/backups STAMP
# Refuses unless the database has no tables and media storage is empty, so it
# never mixes a backup into live data. Checks the archive's checksums first,
# migrates afterwards (a backup of an older release restores into this one),
# and ends by checking every certificate's PDF against its recorded SHA-256.
set -euo pipefail
dir=${1:?usage: restore.sh DIR STAMP}
stamp=${2:?usage: restore.sh DIR STAMP}
root="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$dir" && sha256sum --check --quiet "training-$stamp.sha256")
tables=$(psql --dbname="$DATABASE_URL" -tAc \
    "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
if [[ "$tables" != 0 ]]; then
    echo "The database of DATABASE_URL has $tables tables: restore into an empty one." >&2
    exit 1
fi
manage() { "$root/.venv/bin/python" "$root/manage.py" "$@"; }
if [[ "${MEDIA_STORAGE:-filesystem}" == filesystem ]]; then
    media_root=${MEDIA_ROOT:?MEDIA_ROOT is not set}
    if [[ -d "$media_root" && -n "$(ls -A "$media_root")" ]]; then
        echo "MEDIA_ROOT ($media_root) is not empty: restore into an empty folder." >&2
        exit 1
    fi
else
    manage media_restore --check-empty
fi
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$DATABASE_URL" \
    "$dir/training-$stamp.dump"
if [[ "${MEDIA_STORAGE:-filesystem}" == filesystem ]]; then
    mkdir -p "$media_root"
    tar -C "$media_root" -xf "$dir/media-$stamp.tar"
else
    manage media_restore "$dir/media-$stamp.tar"
fi
manage migrate --noinput
manage check_certificate_files
