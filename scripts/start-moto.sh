#!/usr/bin/env bash
# An S3-compatible server (moto, from the dev dependencies) in the foreground,
# on loopback, until it is stopped; it keeps objects in memory:
#   scripts/start-moto.sh PORT
# Point the app at it with MEDIA_STORAGE=s3, S3_BUCKET=media,
# S3_ENDPOINT_URL=http://127.0.0.1:PORT, S3_ACCESS_KEY_ID=testing,
# S3_SECRET_ACCESS_KEY=testing, S3_REGION=us-east-1 (moto takes any key),
# then `manage.py prepare_media_storage`.
set -euo pipefail
port=${1:?usage: start-moto.sh PORT}
root="$(cd "$(dirname "$0")/.." && pwd)"
exec "$root/.venv/bin/moto_server" -H 127.0.0.1 -p "$port"
