"""Tests: fast hashing, in-memory cache and e-mail, Immediate tasks, no outbound calls."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, cache_settings, env_str

DEBUG = False
ENVIRONMENT = "test"
# seed_demo and its content; never installed in production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]
SECRET_KEY = "test-only-insecure-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# In memory, unless CACHE_URL is set: only the servers of the shared-cache test
# set it (tests/training_site/test_shared_cache.py); the suite leaves it unset.
CACHES = cache_settings(env_str("CACHE_URL"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files straight from the finders: tests never run collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
WAGTAILADMIN_BASE_URL = "http://testserver"
# The browser tests share this process with the live server; keep media on disk
# where they need it by overriding per test.
# One folder per pytest-xdist worker, so that parallel tests never share files.
MEDIA_ROOT = env_str("TEST_MEDIA_ROOT", "/tmp/training-tracker-test-media") + (  # noqa: S108
    f"-{env_str('PYTEST_XDIST_WORKER')}" if env_str("PYTEST_XDIST_WORKER") else ""
)

# A file-backed test database lets `pytest --reuse-db` skip the (slow) migrations
# between local runs: TEST_DB_NAME=/dev/shm/training-test.sqlite3. CI leaves it
# unset and gets a fresh in-memory database.
if env_str("TEST_DB_NAME") and DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": env_str("TEST_DB_NAME")}  # noqa: F405
