"""Production keeps database connections open, checked before reuse; the env decides."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PRINT_DATABASE = (
    "import json; from django.conf import settings; d = settings.DATABASES['default'];"
    " print(json.dumps([d['CONN_MAX_AGE'], d.get('CONN_HEALTH_CHECKS')]))"
)
CLEARED = {
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "DB_CONN_MAX_AGE",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


def _database_settings(settings_module: str, production_env, **env_overrides) -> list:
    env = {k: v for k, v in os.environ.items() if k not in CLEARED}
    env.update(production_env, **env_overrides, DJANGO_SETTINGS_MODULE=settings_module)
    result = subprocess.run(  # noqa: S603 (our own interpreter)
        # Settings only, not the apps: what the settings module alone decides.
        [sys.executable, "-c", PRINT_DATABASE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_keeps_connections_for_a_minute_with_health_checks(production_env):
    production = _database_settings("training_site.settings.production", production_env)
    assert production == [60, True]


@pytest.mark.parametrize("age", ["0", "300"])
def test_db_conn_max_age_overrides_the_production_default(age, production_env):
    assert _database_settings(
        "training_site.settings.production", production_env, DB_CONN_MAX_AGE=age
    ) == [int(age), True]


def test_development_closes_connections_after_each_request(production_env):
    # `runserver` starts a thread per request; kept connections would pile up.
    assert _database_settings("training_site.settings.dev", production_env)[0] == 0
