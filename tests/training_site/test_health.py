"""The probes: /health/live/ always, /health/ready/ only with every dependency."""

import logging
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from certificates.tasks import render_certificate
from tests.personas import OK, every_persona

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
ALL_OK = {"database": "ok", "cache": "ok", "storage": "ok", "tasks": "ok"}


def test_everyone_may_probe_both(persona_matrix):
    for name in ("health-live", "health-ready"):
        responses = persona_matrix(reverse(name), every_persona(OK))
        assert responses["anonymous"]["Cache-Control"].startswith("max-age=0")


def test_live_answers_without_the_database(client):
    # No django_db mark: any database query here would fail the test.
    response = client.get("/health/live/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {}}


@pytest.mark.django_db
def test_ready_checks_each_dependency(client):
    response = client.get("/health/ready/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": ALL_OK}


@pytest.mark.django_db
def test_an_unreachable_cache_is_not_ready_and_not_logged_as_an_error(
    client, settings, caplog
):
    # Nothing listens on port 1: every cache call fails to connect.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    with caplog.at_level(logging.WARNING):
        response = client.get("/health/ready/")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "checks": {**ALL_OK, "cache": "failing"},
    }
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


@pytest.mark.django_db
def test_unwritable_storage_is_not_ready(client, settings, tmp_path):
    not_a_folder = tmp_path / "media"
    not_a_folder.write_text("a file where the media folder should be")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(not_a_folder)},
        },
    }
    response = client.get("/health/ready/")
    assert response.status_code == 503
    assert response.json()["checks"] == {**ALL_OK, "storage": "failing"}


@pytest.mark.django_db
def test_a_task_waiting_too_long_is_not_ready(client, settings):
    settings.TASKS = DATABASE_TASKS
    settings.HEALTH_TASK_QUEUE_MAX_AGE_SECONDS = 600
    render_certificate.enqueue(certificate_id=1)
    assert client.get("/health/ready/").status_code == 200  # just queued

    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=11))
    response = client.get("/health/ready/")
    assert response.status_code == 503
    assert response.json()["checks"] == {**ALL_OK, "tasks": "failing"}

    # A task scheduled for later waits from its run_after, not from when queued.
    DBTaskResult.objects.update(run_after=timezone.now() - timedelta(minutes=1))
    assert client.get("/health/ready/").status_code == 200
