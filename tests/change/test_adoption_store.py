"""Adoption figures are computed in the background, stored, and refreshed when
usage, the roster, the readiness results or the day change."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

import pytest
from django_tasks import default_task_backend

from change import adoption as adoption_module
from change import privacy
from change.adoption import adoption
from change.adoption_results import adoption_results_refresh
from change.models import AdoptionResult, AdoptionSnapshot, UsageDay
from change.readiness import readiness
from change.tasks import refresh_readiness_results
from change.usage import usage_post
from people.models import RosterImport
from people.signals import roster_applied
from tests.change.builders import answer, closed_round, staff, used
from tests.change.factories import InitiativeFactory

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def queued_tasks(settings):
    """Tasks are queued and not run, as with the database backend and no worker."""
    settings.TASKS = DUMMY_TASKS
    default_task_backend.clear()
    return default_task_backend.results


def _refreshes(queued_tasks) -> list:
    return [t for t in queued_tasks if t.task.name == "refresh_adoption_results"]


def _crew_a(found):
    return next(f for r, f in found.rows if r.name == "Road Crew A")


def _figures(initiative, **kwargs):
    dashboard = readiness(initiative=initiative, unit_paths=None, **kwargs)
    return adoption(dashboard=dashboard, **kwargs)


def _item(person, *, days_ago=1, count=2):
    day = timezone.localdate() - timedelta(days=days_ago)
    return {"employee_number": person.employee_number, "date": f"{day}", "count": count}


@pytest.fixture
def crew(org):
    """Road Crew A: ten people, three using the tool; its figures stored."""
    initiative = InitiativeFactory(units=[org["team_a"]])
    people = staff(org["team_a"], 10)
    for person in people[:3]:
        used(initiative, person, days_ago=2)
    _figures(initiative)  # the first visit computes them (a small initiative)
    return initiative, people


def test_the_dashboard_reads_the_stored_figures_not_the_usage(crew):
    initiative, people = crew
    # Written behind the service's back: nothing says the figures are stale.
    for person in people[3:6]:
        used(initiative, person)

    assert _crew_a(_figures(initiative)).using == 3
    assert AdoptionResult.objects.filter(initiative=initiative).exists()


def test_posted_usage_refreshes_the_figures_after_commit(
    crew, django_capture_on_commit_callbacks
):
    initiative, people = crew

    with django_capture_on_commit_callbacks(execute=True):
        result = usage_post(initiative=initiative, items=[_item(people[5])])

    assert result.created == 1
    assert _crew_a(_figures(initiative)).using == 4


def test_usage_posted_while_a_refresh_is_queued_queues_no_other(
    crew, queued_tasks, django_capture_on_commit_callbacks
):
    initiative, people = crew
    for person in people[4:7]:
        with django_capture_on_commit_callbacks(execute=True):
            usage_post(initiative=initiative, items=[_item(person)])
    assert len(_refreshes(queued_tasks)) == 1

    # The refresh starts (and takes in all three), so what comes next queues again.
    adoption_results_refresh(initiative=initiative)
    with django_capture_on_commit_callbacks(execute=True):
        usage_post(initiative=initiative, items=[_item(people[8])])

    assert len(_refreshes(queued_tasks)) == 2
    assert _crew_a(_figures(initiative)).using == 7


def test_posting_the_same_usage_again_queues_nothing(
    crew, queued_tasks, django_capture_on_commit_callbacks
):
    initiative, people = crew
    # The three users' days, exactly as stored.
    items = [_item(person, days_ago=2, count=3) for person in people[:3]]

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        usage_post(initiative=initiative, items=items)

    assert callbacks == []
    assert _refreshes(queued_tasks) == []


def test_a_large_initiative_is_queued_and_the_last_figures_shown(
    crew, queued_tasks, monkeypatch, django_capture_on_commit_callbacks
):
    initiative, people = crew
    monkeypatch.setattr(adoption_module, "INLINE_USAGE_DAYS", 2)
    with django_capture_on_commit_callbacks(execute=True):
        usage_post(initiative=initiative, items=[_item(people[5])])

    found = _figures(initiative)

    assert found.preparing is True
    assert found.computed_at is not None
    assert _crew_a(found).using == 3  # as stored, until the job has run
    assert len(_refreshes(queued_tasks)) == 1


def test_the_first_figures_of_a_large_initiative_are_being_prepared(
    org, queued_tasks, monkeypatch, client_for, ld_admin
):
    monkeypatch.setattr(adoption_module, "INLINE_USAGE_DAYS", 0)
    initiative = InitiativeFactory(units=[org["team_a"]])
    used(initiative, staff(org["team_a"], 1)[0])

    found = _figures(initiative)
    page = client_for(ld_admin).get(f"/change/{initiative.slug}/readiness/")

    assert found.has_data and found.computed_at is None
    assert all(figures is None for _row, figures in found.rows)
    assert "Adoption figures are being prepared." in page.content.decode()
    assert len(_refreshes(queued_tasks)) == 1


def test_the_window_moves_with_the_day(crew):
    initiative, _people = crew
    later = timezone.localdate() + timedelta(days=28)

    found = _figures(initiative, today=later)

    # The three used it three days before that window began.
    assert (_crew_a(found).using, found.until) == (0, later)


def test_the_daily_run_queues_every_initiative_with_usage(crew, org, queued_tasks):
    InitiativeFactory(units=[org["team_b"]])  # no usage: nothing to refresh
    tomorrow = timezone.localdate() + timedelta(days=1)

    call_command("send_change_checkins", date=f"{tomorrow}", stdout=None)

    assert [t.kwargs["initiative_id"] for t in _refreshes(queued_tasks)] == [crew[0].pk]


def test_a_roster_import_makes_the_figures_stale(
    crew, queued_tasks, django_capture_on_commit_callbacks
):
    initiative, _people = crew
    before = AdoptionSnapshot.objects.get(initiative=initiative).inputs

    with django_capture_on_commit_callbacks(execute=True):
        roster_applied.send(
            sender=RosterImport,
            import_record=RosterImport.objects.create(sha256="0" * 64),
        )

    assert AdoptionSnapshot.objects.get(initiative=initiative).inputs == before + 1
    assert len(_refreshes(queued_tasks)) == 1


def test_the_readiness_refresh_also_refreshes_the_adoption_figures(org):
    initiative = InitiativeFactory(units=[org["team_a"]])
    latest = closed_round(initiative)
    people = staff(org["team_a"], 12)
    for person in people:
        answer(latest, person, learn=2)
    for person in people[:5]:
        used(initiative, person)

    refresh_readiness_results.call(initiative_id=initiative.pk)

    snapshot = AdoptionSnapshot.objects.get(initiative=initiative)
    assert snapshot.readiness_round == latest
    crew_a = AdoptionResult.objects.get(
        initiative=initiative, unit=org["team_a"], role_profile=None
    )
    assert crew_a.using == 5
    # Seven not using, all stuck: told in words, never as the count of seven.
    assert crew_a.not_ready == {
        "count": None,
        "hidden": "",
        "among": 5,
        "most": "not_ready",
    }


def test_a_hidden_cell_stores_why_and_no_count(org):
    # Crew A: seven answered, two use the tool (tests/change/test_adoption.py).
    initiative = InitiativeFactory(units=[org["team_a"]])
    latest = closed_round(initiative)
    people = staff(org["team_a"], 7)
    for person in people:
        answer(latest, person, learn=2)
    for person in people[:2]:
        used(initiative, person)

    _figures(initiative)

    stored = AdoptionResult.objects.get(
        initiative=initiative, unit=org["team_a"], role_profile=None
    )
    assert stored.not_ready == {
        "count": None,
        "hidden": privacy.PROTECTS_ANOTHER,
        "among": None,
        "most": "",
    }
    assert UsageDay.objects.count() == 2
