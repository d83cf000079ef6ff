"""Production: refuses to start without a secret key and allowed hosts.

Everything comes from the environment (see docs/deployment.md):
SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, and optionally EMAIL_*, CACHE_URL,
MEDIA_STORAGE (settings/media.py) and the rest of its table.
"""

from django.core.exceptions import ImproperlyConfigured

from ..observability import logging_config
from .base import *  # noqa: F403
from .base import (
    ALLOWED_HOSTS,
    DATABASES,
    LOG_FORMAT,
    LOG_LEVEL,
    SECRET_KEY,
    env_bool,
    env_int,
    env_str,
)

if not SECRET_KEY:
    raise ImproperlyConfigured(
        "Set SECRET_KEY (or SECRET_KEY_FILE) in the environment."
    )
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be at least 50 random characters.")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS (comma-separated host names).")
if not env_str("DATABASE_URL"):
    raise ImproperlyConfigured(
        "Set DATABASE_URL, for example postgres://user:pass@host/db."
    )

DEBUG = False
ENVIRONMENT = "production"

# The access log is ours (with the request id and the user), not gunicorn's.
LOG_ACCESS = env_bool("LOG_ACCESS", default=True)
LOGGING = logging_config(log_format=LOG_FORMAT, level=LOG_LEVEL, access=LOG_ACCESS)

# Keep each worker's database connection for a minute instead of opening one
# per request: a new connection (TLS, authentication, a PostgreSQL backend
# process) costs more than serving a lesson page, which ran 2.2x faster with it.
# Health checks test a kept connection before a request reuses it, so a
# database restart or failover costs one reconnection, not an error page.
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DB_CONN_MAX_AGE", 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
# TLS usually ends at the load balancer, which says so in this header.
# Load balancers probe the health URLs over plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^health/"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# Background work goes to the database queue; run the worker next to the app:
#   python manage.py db_worker
TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
