"""Local development: debug on, console e-mail, SQLite unless DATABASE_URL says otherwise."""

import contextlib

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, STORAGES, env_list, env_str

DEBUG = True
ENVIRONMENT = "development"
# seed_demo and its content; never installed in production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Plain static files: no collectstatic needed while developing. Media follows
# MEDIA_STORAGE as in production (the folder MEDIA_ROOT unless set).
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

with contextlib.suppress(ImportError):
    from .local import *  # noqa: F403
