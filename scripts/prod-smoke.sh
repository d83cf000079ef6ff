#!/usr/bin/env bash
# The production recipe, run: docs/deployment.md's blocks marked <!-- prod-smoke -->,
# word for word, on a fresh copy of this repository, against a throwaway
# PostgreSQL (scripts/with-postgres.sh, port $PGPORT, default 54339) and Redis,
# then real requests as each kind of user. Fails on any 5xx, a missing static
# manifest or a worker that does not run; stops everything it started.
#   make prod-smoke
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [[ -z "${PROD_SMOKE_DATABASE:-}" ]]; then
    export PROD_SMOKE_DATABASE=1 PGPORT=${PGPORT:-54339}
    exec "$root/scripts/with-postgres.sh" "$0" "$@"
fi
start=$(date +%s)
# In memory where there is /dev/shm: a venv, node_modules and the collected
# static files are tens of thousands of small files, slow to write and delete.
scratch=/tmp
[[ -d /dev/shm && -w /dev/shm ]] && scratch=/dev/shm
work=$(mktemp -d "$scratch/prod-smoke.XXXXXX")
checkout="$work/training"
port=$(( 22000 + $$ % 4000 ))
redis_port=$(( port + 4000 ))

cleanup() {
    # The gunicorn master stops its workers on TERM; db_worker finishes its task.
    local pids
    pids=$(jobs -p)
    if [[ -n "$pids" ]]; then
        kill $pids 2>/dev/null || true
        wait $pids 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

echo "== copy of the repository in $checkout"
mkdir -p "$checkout"
(cd "$root" && git ls-files -z --cached --others --exclude-standard |
    grep -zv -e '^\.venv$' -e '^node_modules$' |
    tar --null --ignore-failed-read -T - -cf -) | tar -xf - -C "$checkout"

cache_url=""
if command -v redis-server >/dev/null; then
    redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no \
        --daemonize no --loglevel warning &
    cache_url="redis://127.0.0.1:$redis_port/0"
else
    echo "redis-server is not installed: CACHE_URL stays unset" >&2
fi

# Step 2 of the recipe, with this run's values: no TLS on loopback, so the
# requests say they came through the HTTPS proxy (X-Forwarded-Proto).
cat > "$checkout/training.env" <<ENV
SECRET_KEY=smoke-$(head -c 64 /dev/urandom | base64 | tr -d '/+=\n')
ALLOWED_HOSTS=learning.city.example
CSRF_TRUSTED_ORIGINS=https://learning.city.example
DATABASE_URL=$DATABASE_URL
CACHE_URL=$cache_url
MEDIA_ROOT=$checkout/media
WAGTAILADMIN_BASE_URL=https://learning.city.example
EMAIL_BACKEND=django.core.mail.backends.console.EmailBackend
GUNICORN_BIND=127.0.0.1:$port
GUNICORN_WORKERS=2
ENV

# The recipe's blocks, in order; cron lines lose their schedule (each runs once).
awk '
    /^<!-- prod-smoke -->$/ { marked = 1; next }
    marked && /^```/ { inside = 1; cron = ($0 ~ /cron/); marked = 0; next }
    inside && /^```$/ { inside = 0; next }
    inside && cron { $1 = $2 = $3 = $4 = $5 = ""; sub(/^ +/, ""); print; next }
    inside { print }
' "$checkout/docs/deployment.md" | sed "s#/srv/training#$checkout#g" > "$work/recipe.sh"
blocks=$(grep -c '^<!-- prod-smoke -->$' "$checkout/docs/deployment.md")
echo "== $blocks blocks of docs/deployment.md:"
sed 's/^/   /' "$work/recipe.sh"
grep -q 'db_worker &' "$work/recipe.sh" || { echo "the recipe starts no worker" >&2; exit 1; }

cd "$checkout"
# Step 3 installs and migrates; step 5 starts gunicorn and db_worker in the
# background of this shell (stopped by cleanup); step 6 runs every scheduled job.
recipe_start=$(date +%s)
# One line at a time, each timed; `&` lines stay jobs of this shell.
while IFS= read -r -u 3 line; do
    step_start=$(date +%s)
    echo "+ $line"
    eval "$line"
    echo "  ($(( $(date +%s) - step_start )) s)"
done 3< "$work/recipe.sh"
echo "== the recipe ran in $(( $(date +%s) - recipe_start )) s"

for _ in $(seq 100); do
    if .venv/bin/python -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null; then
        break
    fi
    sleep 0.3
done

export SMOKE_PASSWORD="smoke-$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n')"
echo "== test people (scripts/prod_smoke/roster.csv) and a course"
scripts/prod-env.sh .venv/bin/python manage.py import_roster scripts/prod_smoke/roster.csv
DJANGO_SUPERUSER_PASSWORD="$SMOKE_PASSWORD" scripts/prod-env.sh .venv/bin/python manage.py \
    createsuperuser --noinput --username it-admin --email it@city.example
scripts/prod-env.sh .venv/bin/python manage.py shell < scripts/prod_smoke/seed.py > "$work/seed.json"
cat "$work/seed.json"

echo "== requests as each persona"
base="http://127.0.0.1:$port"
.venv/bin/python scripts/prod_smoke/requests.py "$base" learning.city.example "$work/seed.json" pages
scripts/prod-env.sh .venv/bin/python manage.py shell < scripts/prod_smoke/wait_for_worker.py
.venv/bin/python scripts/prod_smoke/requests.py "$base" learning.city.example "$work/seed.json" certificate
echo "== through nginx with deploy/nginx/training.conf, and the systemd units"
nginx_dir="$work/nginx"
mkdir -p "$nginx_dir/logs"
https_port=$(( port + 1 ))
http_port=$(( port + 2 ))
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=learning.city.example" \
    -keyout "$nginx_dir/site.key" -out "$nginx_dir/site.pem" 2>/dev/null
# The site file as shipped, on this run's ports, certificate and app server.
sed -e "s#listen 443 ssl http2;#listen 127.0.0.1:$https_port ssl http2;#" \
    -e "s#listen 80;#listen 127.0.0.1:$http_port;#" \
    -e "s#/etc/ssl/certs/learning.city.example.pem#$nginx_dir/site.pem#" \
    -e "s#/etc/ssl/private/learning.city.example.key#$nginx_dir/site.key#" \
    -e "s#server 127.0.0.1:8000 #server 127.0.0.1:$port #" \
    deploy/nginx/training.conf > "$nginx_dir/training.conf"
grep -q "127.0.0.1:$port " "$nginx_dir/training.conf" || { echo "the site file changed shape" >&2; exit 1; }
cat > "$nginx_dir/nginx.conf" <<NGINX
daemon off;
worker_processes 1;
pid $nginx_dir/nginx.pid;
error_log $nginx_dir/logs/error.log;
events {}
http {
    access_log $nginx_dir/logs/access.log;
    client_body_temp_path $nginx_dir/body;
    proxy_temp_path $nginx_dir/proxy;
    fastcgi_temp_path $nginx_dir/fastcgi;
    uwsgi_temp_path $nginx_dir/uwsgi;
    scgi_temp_path $nginx_dir/scgi;
    include $nginx_dir/training.conf;
}
NGINX
nginx -p "$nginx_dir" -c "$nginx_dir/nginx.conf" -e "$nginx_dir/logs/error.log" -t
nginx -p "$nginx_dir" -c "$nginx_dir/nginx.conf" -e "$nginx_dir/logs/error.log" &
.venv/bin/python scripts/prod_smoke/nginx_check.py "$https_port" "$http_port" learning.city.example ||
    { cat "$nginx_dir/logs/error.log"; exit 1; }
# The units as shipped, with this copy's folder: their syntax, and that what
# they start exists here.
units="$work/units"
mkdir -p "$units"
for unit in deploy/systemd/*.service; do
    sed "s#/srv/training#$checkout#g" "$unit" > "$units/$(basename "$unit")"
done
systemd-analyze verify "$units"/*.service

echo "== the restore drill of docs/deployment.md (Backups), on an empty database"
psql --dbname="$DATABASE_URL" -qc "CREATE DATABASE training_drill"
export DRILL_DATABASE_URL="${DATABASE_URL%/*}/training_drill"
set -a
# shellcheck source=/dev/null
. "$checkout/training.env"
set +a
awk '
    /^<!-- restore-drill -->$/ { marked = 1; next }
    marked && /^```/ { inside = 1; marked = 0; next }
    inside && /^```$/ { inside = 0; next }
    inside { print }
' "$checkout/docs/deployment.md" | sed "s#/srv/training#$checkout#g" > "$work/drill.sh"
grep -q 'restore-drill.sh' "$work/drill.sh" || { echo "the docs run no restore drill" >&2; exit 1; }
sed 's/^/   /' "$work/drill.sh"
bash -euo pipefail "$work/drill.sh"
echo "== production smoke test passed in $(( $(date +%s) - start )) s"
