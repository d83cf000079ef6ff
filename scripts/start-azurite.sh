#!/usr/bin/env bash
# Microsoft's Azure Blob Storage emulator (Azurite, from npm's devDependencies)
# in the foreground, on loopback, until it is stopped:
#   scripts/start-azurite.sh PORT DIR
# DIR keeps the blobs (use a scratch folder). Point the app at it with
#   MEDIA_STORAGE=azure
#   AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:PORT/devstoreaccount1;"
# (Azurite's published development account), then `manage.py prepare_media_storage`.
# --skipApiVersionCheck: the Python SDK asks for a newer API version than
# Azurite 3.35 (the last for Node 20) knows; --disableTelemetry: no outbound call.
set -euo pipefail
port=${1:?usage: start-azurite.sh PORT DIR}
dir=${2:?usage: start-azurite.sh PORT DIR}
root="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$dir"
exec "$root/node_modules/.bin/azurite-blob" --blobHost 127.0.0.1 --blobPort "$port" \
    --location "$dir" --skipApiVersionCheck --disableTelemetry --silent
