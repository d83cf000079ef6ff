"""Settings shared by every environment: secure by default, read from the environment.

`dev.py`, `test.py` and `production.py` import this module and change only what
differs. Anything that can leak data or weaken security is off here and switched
on deliberately in `dev.py`.
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

import dj_database_url

from ..observability import logging_config
from .media import media_storage
from .sso import oidc_settings, saml_settings, sso_settings

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_str(name: str, default: str = "") -> str:
    """Read a string; `NAME_FILE` (a path, as Docker secrets give) wins over `NAME`."""
    file_path = os.environ.get(f"{name}_FILE")
    if file_path:
        return Path(file_path).read_text().strip()
    return os.environ.get(name, default)


def env_bool(name: str, *, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be a whole number, not {value!r}"
        ) from None


def env_database(name: str, default: str, *, conn_max_age: int) -> dict:
    """One DATABASES entry from a URL; a malformed one names the variable."""
    try:
        return dj_database_url.parse(env_str(name, default), conn_max_age=conn_max_age)
    except ValueError as error:
        # The URL itself is not repeated: it may hold the database password.
        raise ImproperlyConfigured(
            f"{name} is not a database URL such as "
            f"postgres://user:password@host:5432/name ({error})"
        ) from None


DEBUG = False
# Which settings module is in charge; seed_demo refuses to run in "production".
ENVIRONMENT = "production"
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Ours first, so our templates override Wagtail's and Django's.
    "training_site",
    "reports",
    "change",
    "people",
    "courses",
    "assignments",
    "skills",
    "certificates",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First: every response, even a redirect to HTTPS, has an id and a log line.
    "training_site.observability.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "training_site.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before the CSRF check, which reads the whole body.
    "training_site.middleware.RequestSizeLimitMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "training_site.middleware.IdleSessionTimeoutMiddleware",
    "training_site.middleware.AdminAccessMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns lockouts into the "too many attempts" page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "training_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "training_site.context_processors.navigation",
            ],
        },
    },
]

WSGI_APPLICATION = "training_site.wsgi.application"

# SQLite needs no set-up; DATABASE_URL (postgres://…) points anywhere else.
DATABASES = {
    "default": env_database(
        "DATABASE_URL",
        f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Simultaneous requests (a double click, an autosave) must wait their turn,
    # not fail with "database is locked": IMMEDIATE takes the write lock when a
    # transaction begins (a DEFERRED one fails outright when it upgrades), the
    # timeout is how long a writer waits for it, and WAL lets reads go on while
    # a write is in progress. The PRAGMAs run on every new connection.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": env_int("SQLITE_BUSY_TIMEOUT_SECONDS", 20),
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts -----------------------------------------------------------------

AUTHENTICATION_BACKENDS = [
    # django-axes must come first: it refuses locked-out credentials before
    # Django even checks the password.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Sign-in through the city's identity provider (docs/sso.md); each answers
    # only its own protocol's callback and nothing when it is not configured.
    "training_site.sso.oidc.EmployeeOIDCBackend",
    "training_site.sso.saml.EmployeeSaml2Backend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
# The Wagtail admin signs in through the same page as the rest of the site.
WAGTAILADMIN_LOGIN_URL = "accounts:login"
WAGTAIL_PASSWORD_RESET_ENABLED = False

# Failed-login throttle: after AXES_FAILURE_LIMIT failures for one username from
# one address, that pair is locked out for AXES_COOLOFF_TIME hours.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25  # hours: 15 minutes
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Behind a reverse proxy set AXES_IPWARE_PROXY_COUNT so the client address is right:
# lockouts and the verification rate limit read it the same way (lib.client_address).
AXES_IPWARE_PROXY_COUNT = env_int("AXES_IPWARE_PROXY_COUNT", 0) or None
AXES_CLIENT_IP_CALLABLE = "lib.client_address.client_address"

# Sessions end after this much inactivity (IdleSessionTimeoutMiddleware keeps
# active sessions alive without writing the session on every request).
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_TIMEOUT_SECONDS", 30 * 60)
SESSION_IDLE_TOUCH_SECONDS = 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview view relaxes this for itself.
# Content-Security-Policy (training_site.csp): our pages take nothing inline
# and nothing from elsewhere; the Wagtail admin needs its own inline code.
_OWN_ONLY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    # The admin's page previews show our pages in a frame; nobody else may.
    "frame-ancestors": ["'self'"],
}
CONTENT_SECURITY_POLICY = {"DIRECTIVES": _OWN_ONLY}
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **_OWN_ONLY,
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        # The page editor's live preview is a frame of our own.
        "frame-src": ["'self'"],
    }
}

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "learning@city.example")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Locale -------------------------------------------------------------------

LANGUAGE_CODE = "en-ca"
LANGUAGES = [("en-ca", _("English (Canada)"))]
TIME_ZONE = "America/Toronto"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

# --- Sign-in through the city's identity provider (docs/sso.md) ----------------

globals().update(sso_settings(env_str, env_list))
globals().update(oidc_settings(env_str, env_bool, env_list))
globals().update(saml_settings(env_str, env_bool, env_list))
if LOCAL_SIGN_IN == "break-glass" and not (OIDC_ENABLED or SAML_ENABLED):  # noqa: F821
    raise ImproperlyConfigured(
        "LOCAL_SIGN_IN=break-glass needs OpenID Connect or SAML set up (docs/sso.md): "
        "otherwise no member of staff could sign in."
    )

# --- Static and media ---------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [
    # Bootstrap comes from npm (package.json), served as our own static files.
    ("vendor/bootstrap", BASE_DIR / "node_modules" / "bootstrap" / "dist"),
    # The SCORM runtime that plays vendor packages (docs/packages.md).
    ("vendor/scorm-again", BASE_DIR / "node_modules" / "scorm-again" / "dist"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# MEDIA_STORAGE=filesystem (MEDIA_ROOT, the default), azure or s3 (settings/media.py).
# Media files are private either way: only CMS images have a URL of their own
# (training_site.media); everything else streams through a permission check.
STORAGES = {
    "default": media_storage(env_str),
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}
# Report exports: XLSX files above this many rows are built by a background task.
EXPORT_XLSX_BACKGROUND_ROWS = env_int("EXPORT_XLSX_BACKGROUND_ROWS", 10_000)
# Request bodies: a form without files is read into memory up to this size;
# files above FILE_UPLOAD_MAX_MEMORY_SIZE go to a temporary file; a view takes
# files up to its own limit (lib.request_limits), MAX_REQUEST_BYTES if it sets
# none, and a larger body is refused before it is read.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
MAX_REQUEST_BYTES = env_int("MAX_REQUEST_BYTES", 12 * 1024 * 1024)

# --- Cache --------------------------------------------------------------------


def cache_settings(url: str) -> dict:
    """CACHES for CACHE_URL: redis://… (shared by every process), blank = this process."""
    if not url:
        return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    if url.split("://", 1)[0] not in {"redis", "rediss", "unix"}:
        raise ImproperlyConfigured(
            f"CACHE_URL must start with redis://, rediss:// or unix://, not {url!r}"
        )
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "training",
        }
    }


# The rate limits and the course and module page cache count and keep in this
# cache, so several app servers (or gunicorn workers) need a shared one.
CACHES = cache_settings(env_str("CACHE_URL"))

# --- Background work ----------------------------------------------------------

# Immediate runs tasks inline (dev, test). Production switches to the database
# backend (django-tasks-db, whose tables exist everywhere) with a worker:
# see production.py and docs/deployment.md.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}

# /health/ready/ answers 503 once a runnable task has waited longer than this
# for a worker: the workers are stopped or cannot keep up.
HEALTH_TASK_QUEUE_MAX_AGE_SECONDS = env_int("HEALTH_TASK_QUEUE_MAX_AGE_SECONDS", 600)

# --- Wagtail ------------------------------------------------------------------

WAGTAIL_SITE_NAME = "City Learning Hub"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Where a reminder e-mail sends a learner whose course has no page any more. The
# page belongs to the site, above the assignments app, so the site names it.
ASSIGNMENTS_LEARNER_PAGE = "training_site:my-learning"
# The page type the course catalogue sits below, named by the site for the same reason.
COURSES_CATALOGUE_PARENT = "training_site.HomePage"

# Change initiatives (docs/change.md). Check-in answers are filed under an HMAC
# of initiative and person; keep this secret outside the database. Empty: it
# is derived from SECRET_KEY (rotating either re-keys future answers only).
CHANGE_RESPONDENT_KEY_SECRET = env_str("CHANGE_RESPONDENT_KEY_SECRET")
# No number is shown for fewer respondents than this; comments need the second.
CHANGE_MIN_GROUP = env_int("CHANGE_MIN_GROUP", 5)
CHANGE_MIN_COMMENTS = env_int("CHANGE_MIN_COMMENTS", 10)
# Adoption: "using" is active on at least one of this many days, today included.
CHANGE_ADOPTION_WINDOW_DAYS = env_int("CHANGE_ADOPTION_WINDOW_DAYS", 30)
# Usage files with more rows than this are checked and applied by a background
# task, followed on the job's page; smaller ones in the request.
CHANGE_USAGE_BACKGROUND_ROWS = env_int("CHANGE_USAGE_BACKGROUND_ROWS", 50_000)
# Change load: a unit is warned about once more go-lives than this fall in one
# month for it (counted with its sub-units). No published standard; tune it.
CHANGE_LOAD_LIMIT = env_int("CHANGE_LOAD_LIMIT", 2)

# Vendor e-learning packages (docs/packages.md): the largest ZIP a trainer may
# upload, and what it may unpack to (a ZIP bomb is refused on these).
PACKAGE_MAX_UPLOAD_BYTES = env_int("PACKAGE_MAX_UPLOAD_MB", 200) * 1024 * 1024
PACKAGE_MAX_UNPACKED_BYTES = env_int("PACKAGE_MAX_UNPACKED_MB", 500) * 1024 * 1024
PACKAGE_MAX_FILES = env_int("PACKAGE_MAX_FILES", 5000)
# xAPI statements of package attempts are also sent to the city's LRS when set
# (its endpoint, e.g. https://lrs.city.example/xapi/; docs/packages.md).
XAPI_FORWARD_URL = env_str("XAPI_FORWARD_URL")
XAPI_FORWARD_USERNAME = env_str("XAPI_FORWARD_USERNAME")
XAPI_FORWARD_PASSWORD = env_str("XAPI_FORWARD_PASSWORD")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "key",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "zip",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Documents stream from media storage through Wagtail's view, which checks the
# collection's privacy, on every backend (never a redirect to the blob).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Nothing in the admin calls out to the internet: intranets are offline.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False

# --- Forms --------------------------------------------------------------------

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Product ------------------------------------------------------------------

# Browsing the course catalogue needs a login unless this is switched on.
CATALOGUE_PUBLIC = env_bool("CATALOGUE_PUBLIC")

# Logs go to standard error: text by default, one JSON object per line with
# LOG_FORMAT=json; every line carries the request id (training_site.observability).
LOG_FORMAT = env_str("LOG_FORMAT", "text")
if LOG_FORMAT not in {"text", "json"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be text or json, not {LOG_FORMAT!r}")
LOG_LEVEL = env_str("LOG_LEVEL", "WARNING").upper()
if LOG_LEVEL not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
    raise ImproperlyConfigured(
        f"LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, not {LOG_LEVEL!r}"
    )
# One line per request (production's default; runserver prints its own).
LOG_ACCESS = env_bool("LOG_ACCESS", default=False)
LOGGING = logging_config(log_format=LOG_FORMAT, level=LOG_LEVEL, access=LOG_ACCESS)
