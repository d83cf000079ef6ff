"""Simultaneous first visits to stale results: computed once, queued once, no error.

Threads, each with its own connection, released together. PostgreSQL only:
the snapshot row lock is what serialises them, and SQLite has no row locks.
"""

from django.db import connection

import pytest
from django_tasks.signals import task_enqueued

from change import readiness as readiness_module
from change import results
from change.models import ReadinessResult, ReadinessSnapshot
from change.readiness import readiness
from tests.change.builders import answer, closed_round, staff
from tests.change.factories import InitiativeFactory
from tests.concurrency import all_at_once

SIMULTANEOUS = 6

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks: PostgreSQL only"
)


@pytest.fixture
def crew(org):
    initiative = InitiativeFactory(units=[org["section"]])
    baseline = closed_round(initiative)
    for person in staff(org["team_a"], 10):
        answer(baseline, person, learn=2)
    return initiative


def _visits(initiative):
    return [
        lambda: readiness(initiative=initiative, unit_paths=None)
        for _ in range(SIMULTANEOUS)
    ]


def _crew_row(dashboard):
    return next(row for row in dashboard.rows if row.name == "Road Crew A")


@pytest.mark.django_db(transaction=True)
def test_simultaneous_first_visits_compute_the_results_once(crew, org, monkeypatch):
    computed = []
    real = results._computed

    def counting(*args, **kwargs):
        computed.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(results, "_computed", counting)

    dashboards = all_at_once(_visits(crew))

    assert len(computed) == 1
    assert [_crew_row(d).summary.responses for d in dashboards] == [10] * SIMULTANEOUS
    assert ReadinessSnapshot.objects.count() == 1
    stored = ReadinessResult.objects.filter(
        initiative=crew, unit=org["team_a"], role_profile=None
    )
    assert stored.count() == 1


@pytest.mark.django_db(transaction=True)
def test_simultaneous_visits_to_a_large_initiative_queue_one_refresh(
    crew, settings, monkeypatch
):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    monkeypatch.setattr(readiness_module, "INLINE_ANSWERS", 5)
    # Each thread has a backend of its own: count what all of them announce.
    queued = []

    def record(sender, task_result, **kwargs):
        if task_result.task.name == "refresh_readiness_results":
            queued.append(task_result)

    task_enqueued.connect(record, weak=False)
    try:
        dashboards = all_at_once(_visits(crew))
    finally:
        task_enqueued.disconnect(record)

    assert all(d.preparing for d in dashboards)
    assert len(queued) == 1
    assert ReadinessSnapshot.objects.count() == 1
