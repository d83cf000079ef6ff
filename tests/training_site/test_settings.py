"""Settings: secure by default, production refuses to start half-configured."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(args, env_overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DATABASE_URL",
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",  # set for the browser tests only
        }
    }
    env.update(
        env_overrides, DJANGO_SETTINGS_MODULE="training_site.settings.production"
    )
    return subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without(missing, production_env):
    env = {k: v for k, v in production_env.items() if k != missing}
    result = _run(["check"], env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


def test_production_refuses_a_short_secret_key(production_env):
    result = _run(["check"], {**production_env, "SECRET_KEY": "too-short"})
    assert result.returncode != 0
    assert "at least 50" in result.stderr


def test_production_passes_the_deployment_checklist(production_env):
    result = _run(["check", "--deploy", "--fail-level", "WARNING"], production_env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_base_settings_are_secure_by_default():
    from training_site.settings import base

    assert base.DEBUG is False
    assert os.environ.get("SECRET_KEY", "") == base.SECRET_KEY
    assert base.SESSION_COOKIE_HTTPONLY is True
    assert base.SESSION_COOKIE_AGE <= 60 * 60
    min_length = next(
        v["OPTIONS"]["min_length"]
        for v in base.AUTH_PASSWORD_VALIDATORS
        if v["NAME"].endswith("MinimumLengthValidator")
    )
    assert min_length == 12


def test_wagtail_makes_no_outbound_calls():
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False
    assert settings.WAGTAIL_ENABLE_WHATS_NEW_BANNER is False


def test_locale_and_tasks_are_explicit():
    assert settings.TIME_ZONE == "America/Toronto"
    assert settings.LANGUAGE_CODE == "en-ca"
    assert settings.TASKS["default"]["BACKEND"].endswith("ImmediateBackend")


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DATABASE_URL", "postgres//training@db.internal/training"),
        ("DATABASE_URL", "mysqlx://db.internal/training"),
        ("EMAIL_PORT", "twenty-five"),
        ("DB_CONN_MAX_AGE", "1 minute"),
        ("CACHE_URL", "memcached://cache.internal:11211"),
        ("SECURE_SSL_REDIRECT", "sometimes"),
        ("LOG_FORMAT", "xml"),
        ("LOG_LEVEL", "chatty"),
        ("LOG_ACCESS", "sometimes"),
    ],
)
def test_a_bad_value_stops_the_start_with_one_line_naming_it(
    variable, value, production_env
):
    result = _run(["check"], {**production_env, variable: value})
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0, result.stderr
    assert result.stderr.startswith(f"ImproperlyConfigured: {variable} ")
