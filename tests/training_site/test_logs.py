"""Request ids, the access log and JSON log lines, as an operator reads them."""

import io
import json
import logging
import subprocess
import sys
from pathlib import Path

from django.urls import include, path

import pytest

from training_site.observability import (
    JsonFormatter,
    RequestContextFilter,
    logging_config,
)

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


def _boom(request):
    raise RuntimeError("the lesson store is unreachable")


urlpatterns = [path("boom/", _boom), path("", include("training_site.urls"))]


@pytest.fixture
def json_lines():
    """What the access log and Django's error log write, as JSON lines."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestContextFilter())
    loggers = [logging.getLogger(n) for n in ("training_site.access", "django.request")]
    saved = [(lg.level, lg.propagate) for lg in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False

    def read() -> list[dict]:
        return [json.loads(line) for line in stream.getvalue().splitlines()]

    yield read
    for logger, (level, propagate) in zip(loggers, saved, strict=True):
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


def test_every_response_carries_a_request_id_and_keeps_a_sane_incoming_one(client):
    first = client.get("/health/live/")["X-Request-ID"]
    second = client.get("/health/live/")["X-Request-ID"]
    assert len(first) == 32 and first != second
    proxied = client.get("/health/live/", HTTP_X_REQUEST_ID="nginx-5f2b9c1e")
    assert proxied["X-Request-ID"] == "nginx-5f2b9c1e"
    # A header that could break a log line is replaced, not repeated.
    forged = client.get("/health/live/", HTTP_X_REQUEST_ID='x" injected\nline')
    assert len(forged["X-Request-ID"]) == 32


def test_the_access_log_has_one_json_line_per_request_with_the_user(
    employee, client, json_lines
):
    client.force_login(employee)
    response = client.get("/my/learning/?page=1", HTTP_USER_AGENT="Firefox/128")
    client.get("/no-such-page/")
    lines = [line for line in json_lines() if line["logger"] == "training_site.access"]
    assert [(line["path"], line["status"]) for line in lines] == [
        ("/my/learning/?page=1", response.status_code),
        ("/no-such-page/", 404),
    ]
    first = lines[0]
    assert first["request_id"] == response["X-Request-ID"]
    assert first["user_id"] == str(employee.pk)
    assert first["method"] == "GET"
    assert first["user_agent"] == "Firefox/128"
    assert first["logger"] == "training_site.access"
    assert isinstance(first["duration_ms"], float)
    assert first["time"].endswith("+00:00")


@pytest.mark.urls(__name__)
def test_an_error_is_one_line_with_its_traceback_request_and_id(client, json_lines):
    client.raise_request_exception = False
    response = client.get("/boom/?lesson=7")
    assert response.status_code == 500
    error, access = json_lines()
    assert error["level"] == "ERROR"
    assert error["logger"] == "django.request"
    assert error["path"] == "/boom/?lesson=7"
    assert error["method"] == "GET"
    assert error["status"] == 500
    assert "RuntimeError: the lesson store is unreachable" in error["exception"]
    assert error["request_id"] == access["request_id"] == response["X-Request-ID"]


def test_text_lines_carry_the_request_id_too():
    config = logging_config(log_format="text", level="WARNING", access=True)
    assert "[%(request_id)s]" in config["formatters"]["default"]["format"]
    assert config["loggers"]["training_site.access"]["level"] == "INFO"
    quiet = logging_config(log_format="json", level="WARNING", access=False)
    assert quiet["loggers"]["training_site.access"]["level"] == "WARNING"


def test_production_writes_json_lines_from_the_environment(tmp_path):
    """The settings module, as gunicorn loads it, configures JSON and the access log."""
    script = (
        "import django, logging; django.setup(); "
        "logging.getLogger('training_site.access').info('probe', extra={'status': 200})"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "training_site.settings.production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "learning.city.example",
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        "LOG_FORMAT": "json",
    }
    result = subprocess.run(  # noqa: S603 (our own interpreter)
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert line["message"] == "probe"
    assert line["status"] == 200
    assert line["request_id"] == "-"
