#!/usr/bin/env bash
# Several app servers behave as one (docs/deployment.md, "Several app servers").
# On loopback: a throwaway PostgreSQL (scripts/with-postgres.sh, port $PGPORT,
# default 54349), Redis, two gunicorn app servers and one db_worker started as
# deploy/systemd's units start them, behind nginx with deploy/nginx/training.conf
# (both servers in its upstream). 50 simulated employees (locust) take courses
# through nginx for $MULTI_SERVER_SECONDS (120) seconds; halfway, one app server
# is killed (SIGKILL to all its processes). Then scripts/multi_server/check.py
# holds the database, the stored certificates, both servers and the shared rate
# limit to what the employees saw, and the response times are printed.
# Fails on any 5xx except requests in flight at the kill; stops all it started.
#   make multi-server
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [[ -z "${MULTI_SERVER_DATABASE:-}" ]]; then
    export MULTI_SERVER_DATABASE=1 PGPORT=${PGPORT:-54349}
    exec "$root/scripts/with-postgres.sh" "$0" "$@"
fi
start=$(date +%s)
cd "$root"
users=${MULTI_SERVER_USERS:-50}
seconds=${MULTI_SERVER_SECONDS:-120}
scratch=/tmp
[[ -d /dev/shm && -w /dev/shm ]] && scratch=/dev/shm
work=$(mktemp -d "$scratch/multi-server.XXXXXX")
# Ports 12000-19999, away from the production smoke test's 22000-29999.
base=$(( 12000 + ($$ % 1000) * 8 ))
https_port=$base http_port=$(( base + 1 ))
app_a=$(( base + 2 )) app_b=$(( base + 3 )) redis_port=$(( base + 4 ))
azurite_port=$(( base + 5 ))
groups=()

cleanup() {
    local pids group
    # An app server is a process group (setsid): its master and its workers.
    for group in "${groups[@]}"; do
        kill -TERM -- "-$group" 2>/dev/null || true
    done
    pids=$(jobs -p)
    if [[ -n "$pids" ]]; then
        kill $pids 2>/dev/null || true
        wait $pids 2>/dev/null || true
    fi
    if [[ -n "${MULTI_SERVER_KEEP:-}" ]]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

wait_for_port() {  # port, what: up to 30 s
    for _ in $(seq 100); do
        if .venv/bin/python -c "import socket; socket.create_connection(('127.0.0.1', $1), 1)" 2>/dev/null; then
            return 0
        fi
        sleep 0.3
    done
    echo "$2 did not start on port $1" >&2
    return 1
}

redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no \
    --daemonize no --loglevel warning &
export TRAINING_ENV="$work/training.env"
cat > "$TRAINING_ENV" <<ENV
SECRET_KEY=multi-$(head -c 64 /dev/urandom | base64 | tr -d '/+=\n')
ALLOWED_HOSTS=learning.city.example
CSRF_TRUSTED_ORIGINS=https://learning.city.example
DATABASE_URL=$DATABASE_URL
CACHE_URL=redis://127.0.0.1:$redis_port/0
MEDIA_ROOT=$work/media
STATIC_ROOT=$work/static
AXES_IPWARE_PROXY_COUNT=1
WAGTAILADMIN_BASE_URL=https://learning.city.example
EMAIL_BACKEND=django.core.mail.backends.console.EmailBackend
GUNICORN_WORKERS=2
LOG_ACCESS=false
ENV
# Shared media: Azure Blob Storage (Microsoft's emulator, Azurite) where the
# repository has it, else one folder both servers see.
if [[ -f scripts/start-azurite.sh ]]; then
    scripts/start-azurite.sh "$azurite_port" "$work/azurite" &
    cat >> "$TRAINING_ENV" <<ENV
MEDIA_STORAGE=azure
AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$azurite_port/devstoreaccount1;"
ENV
    media="Azure Blob Storage (Azurite)"
else
    media="the folder $work/media"
fi
mkdir -p "$work/media"
prod() { scripts/prod-env.sh "$@"; }

timed() {  # what, command...
    local began=$SECONDS
    "${@:2}"
    echo "   $1: $(( SECONDS - began )) s" >&2
}
echo "== migrate, collect static files, seed"
timed migrate prod .venv/bin/python manage.py migrate --noinput -v 0
timed collectstatic prod .venv/bin/python manage.py collectstatic --noinput -v 0
if [[ -f scripts/start-azurite.sh ]]; then
    wait_for_port "$azurite_port" Azurite
    timed "media container" prod .venv/bin/python manage.py prepare_media_storage
fi
echo "   media: $media"
export MULTI_SERVER_PASSWORD="multi-$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n')"
timed seed prod .venv/bin/python manage.py shell < scripts/multi_server/seed.py > "$work/seed.json"

# The units' own commands, with this folder for /srv/training.
unit_command() { sed -n 's/^ExecStart=//p' "deploy/systemd/$1" | sed "s#/srv/training#$root#g"; }
web=$(unit_command training-web.service)
worker=$(unit_command training-worker.service)
[[ -n "$web" && -n "$worker" ]] || { echo "the units changed shape" >&2; exit 1; }
start_app() {  # port: a gunicorn of its own process group, whose id is printed
    GUNICORN_BIND=127.0.0.1:$1 setsid scripts/prod-env.sh $web >> "$work/app-$1.log" 2>&1 &
    echo $!
}
echo "== two app servers ($web), one worker ($worker)"
group_a=$(start_app "$app_a")
group_b=$(start_app "$app_b")
groups=("$group_a" "$group_b")
prod $worker > "$work/worker.log" 2>&1 &
wait_for_port "$app_a" "app server A"
wait_for_port "$app_b" "app server B"

echo "== nginx with deploy/nginx/training.conf, both servers upstream"
nginx_dir="$work/nginx"
mkdir -p "$nginx_dir/logs"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=learning.city.example" \
    -keyout "$nginx_dir/site.key" -out "$nginx_dir/site.pem" 2>/dev/null
sed -e "s#listen 443 ssl http2;#listen 127.0.0.1:$https_port ssl http2;#" \
    -e "s#listen 80;#listen 127.0.0.1:$http_port;#" \
    -e "s#/etc/ssl/certs/learning.city.example.pem#$nginx_dir/site.pem#" \
    -e "s#/etc/ssl/private/learning.city.example.key#$nginx_dir/site.key#" \
    -e "s#^\( *\)server 127.0.0.1:8000 \(.*\)#\1server 127.0.0.1:$app_a \2\n\1server 127.0.0.1:$app_b \2#" \
    deploy/nginx/training.conf > "$nginx_dir/training.conf"
grep -q "127.0.0.1:$app_b " "$nginx_dir/training.conf" || { echo "the site file changed shape" >&2; exit 1; }
cat > "$nginx_dir/nginx.conf" <<NGINX
daemon off;
worker_processes 1;
pid $nginx_dir/nginx.pid;
error_log $nginx_dir/logs/error.log;
events { worker_connections 1024; }
http {
    log_format upstream '\$status \$request_method \$upstream_addr \$upstream_status';
    access_log $nginx_dir/logs/access.log upstream;
    # For the checks: which app servers a response came from (or failed at).
    add_header X-Upstream \$upstream_addr always;
    client_body_temp_path $nginx_dir/body;
    proxy_temp_path $nginx_dir/proxy;
    fastcgi_temp_path $nginx_dir/fastcgi;
    uwsgi_temp_path $nginx_dir/uwsgi;
    scgi_temp_path $nginx_dir/scgi;
    include $nginx_dir/training.conf;
}
NGINX
nginx -p "$nginx_dir" -c "$nginx_dir/nginx.conf" -e "$nginx_dir/logs/error.log" -t 2>/dev/null
nginx -p "$nginx_dir" -c "$nginx_dir/nginx.conf" -e "$nginx_dir/logs/error.log" &
wait_for_port "$https_port" nginx
# Each server's workers load the code on their first requests: before the clock starts.
.venv/bin/python scripts/multi_server/warm_up.py "http://127.0.0.1:$app_a" "http://127.0.0.1:$app_b"
echo "   set-up took $(( $(date +%s) - start )) s"

echo "== locust: $users employees for $seconds s; app server A killed at $(( seconds / 2 )) s"
MULTI_SERVER_SEED="$work/seed.json" MULTI_SERVER_OBSERVED="$work/observed.json" \
MULTI_SERVER_KILL_PGID="$group_a" MULTI_SERVER_KILL_ADDRESS="127.0.0.1:$app_a" MULTI_SERVER_KILL_AFTER=$(( seconds / 2 )) \
    .venv/bin/locust -f scripts/multi_server/locustfile.py --headless --only-summary \
    -u "$users" -r 5 -t "${seconds}s" --stop-timeout 10 --exit-code-on-error 0 \
    --host "https://127.0.0.1:$https_port" --csv "$work/locust" --loglevel WARNING
groups=("$group_b")
# $upstream_addr lists each server nginx tried: "A, B" is a request retried on B.
awk '{ sub(/^[^ ]+ [^ ]+ /, ""); sub(/ [^ ]+$/, ""); n[$0]++ }
     END { for (u in n) printf "   nginx: %6d requests answered by %s\n", n[u], u }' \
    "$nginx_dir/logs/access.log"

echo "== app server A back (as systemd's Restart= would), then the checks"
group_a=$(start_app "$app_a")
groups=("$group_a" "$group_b")
wait_for_port "$app_a" "app server A"
MULTI_SERVER_SUMMARY="$work/summary.json" prod .venv/bin/python scripts/multi_server/check.py \
    "$work/observed.json" "http://127.0.0.1:$app_a" "http://127.0.0.1:$app_b" ||
    { grep -h -A30 Traceback "$work/app-$app_a.log" "$work/app-$app_b.log" | head -n 80 || true; tail -n 30 "$work/app-$app_a.log" "$work/app-$app_b.log" "$work/worker.log" "$nginx_dir/logs/error.log"; exit 1; }
.venv/bin/python scripts/multi_server/stats.py "$work/locust_stats.csv" "$work/summary.json" "$users" "$seconds"
echo "== multi-server test passed in $(( $(date +%s) - start )) s"
