#!/usr/bin/env bash
# A backup of the database and the media files, into DIR (docs/deployment.md,
# "Backups"). Run with the production variables:
#   scripts/prod-env.sh scripts/backup.sh /srv/backups
# Writes training-STAMP.dump (pg_dump's custom format), media-STAMP.tar (the
# files under MEDIA_ROOT, or in the Azure container or S3 bucket of
# MEDIA_STORAGE) and training-STAMP.sha256 (their checksums), and
# prints the stamp. The database dump is one consistent snapshot; take it
# before the media, so every file the dump names is in the archive.
set -euo pipefail
dir=${1:?usage: backup.sh DIR}
mkdir -p "$dir"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
dump="$dir/training-$stamp.dump"
media="$dir/media-$stamp.tar"
pg_dump --format=custom --no-owner --file="$dump" --dbname="$DATABASE_URL"
if [[ "${MEDIA_STORAGE:-filesystem}" == filesystem ]]; then
    media_root=${MEDIA_ROOT:?MEDIA_ROOT is not set}
    mkdir -p "$media_root"
    tar -C "$media_root" -cf "$media" .
else
    # Azure Blob Storage or S3: the same archive, copied out through the SDK.
    root="$(cd "$(dirname "$0")/.." && pwd)"
    "$root/.venv/bin/python" "$root/manage.py" media_backup "$media" >/dev/null
fi
(cd "$dir" && sha256sum "$(basename "$dump")" "$(basename "$media")" > "training-$stamp.sha256")
echo "$stamp"
