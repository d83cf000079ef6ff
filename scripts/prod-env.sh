#!/usr/bin/env bash
# Run a command with the production settings and the variables of training.env
# (next to this folder), as every production command must run:
#   scripts/prod-env.sh .venv/bin/python manage.py migrate
# manage.py alone uses the development settings (docs/deployment.md).
set -euo pipefail
# TRAINING_ENV names another file (the restore drill's copy, for one).
env_file=${TRAINING_ENV:-"$(cd "$(dirname "$0")/.." && pwd)/training.env"}
if [[ ! -r "$env_file" ]]; then
    echo "No $env_file: write it first (docs/deployment.md, step 2)." >&2
    exit 1
fi
set -a
# shellcheck source=/dev/null
. "$env_file"
set +a
export DJANGO_SETTINGS_MODULE=training_site.settings.production
exec "$@"
