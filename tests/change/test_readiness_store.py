"""Readiness results are computed once, stored, and recomputed when they go stale."""

from datetime import timedelta

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest
from django_tasks import default_task_backend

from change import readiness as readiness_module
from change.models import CheckInResponse, ReadinessResult, ReadinessSnapshot
from change.readiness import ALL, readiness
from change.results import readiness_results_refresh
from change.selectors import affected_employees
from people.models import RosterImport
from people.signals import roster_applied
from tests.change.builders import answer, closed_round, staff
from tests.change.factories import CheckInRoundFactory, InitiativeFactory
from tests.people.factories import EmployeeFactory, OrgUnitFactory, RoleProfileFactory

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def _row(dashboard, name):
    return next(row for row in dashboard.rows if row.name == name)


@pytest.fixture
def crew(org):
    """Road Crew A: ten answers in a baseline that has closed."""
    initiative = InitiativeFactory(units=[org["section"]])
    baseline = closed_round(initiative, weeks_ago=4)
    for person in staff(org["team_a"], 10):
        answer(baseline, person, learn=2)
    return initiative


@pytest.fixture
def queued_tasks(settings):
    """Tasks are queued and not run, as with the database backend and no worker."""
    settings.TASKS = DUMMY_TASKS
    default_task_backend.clear()
    return default_task_backend.results


def _refreshes(queued_tasks) -> list:
    return [t for t in queued_tasks if t.task.name == "refresh_readiness_results"]


def test_the_dashboard_reads_the_stored_results_not_the_answers(crew):
    readiness_results_refresh(initiative=crew)
    # Answers of a closed round never change; were they read again, this would show.
    CheckInResponse.objects.all().delete()

    row = _row(readiness(initiative=crew, unit_paths=None), "Road Crew A")

    assert row.summary.responses == 10
    assert row.summary.barriers.most == 3
    assert ReadinessResult.objects.filter(initiative=crew).exists()


def test_a_round_that_closes_since_is_computed_on_the_next_visit(crew, org):
    later = CheckInRoundFactory(
        initiative=crew,
        name="After go-live",
        opens_on=timezone.localdate() - timedelta(days=3),
        closes_on=timezone.localdate() + timedelta(days=3),
    )
    for person in staff(org["team_b"], 6):
        answer(later, person)
    first = readiness(initiative=crew, unit_paths=None)
    assert [r.name for r in first.closed] == ["Baseline"]

    after = readiness(
        initiative=crew, unit_paths=None, today=later.closes_on + timedelta(days=1)
    )

    assert [r.name for r in after.closed] == ["Baseline", "After go-live"]
    assert after.chosen == later
    assert _row(after, "Road Crew B").summary.responses == 5
    assert not after.preparing


def test_a_unit_moved_to_another_parent_is_counted_there(crew, org):
    readiness(initiative=crew, unit_paths=None)
    streets = OrgUnitFactory(code="STR", name="Streets", parent=org["division"])
    crew.units.add(streets)
    org["team_a"].refresh_from_db()
    org["team_a"].move(streets, "sorted-child")

    dashboard = readiness(initiative=crew, unit_paths=None)

    assert _row(dashboard, "Streets").summary.responses == 10
    # Roads has nobody left, and no answers: it is no longer listed.
    assert "Roads" not in [row.name for row in dashboard.rows]


def test_a_large_initiative_is_prepared_in_the_background(
    crew, org, queued_tasks, monkeypatch, client_for, ld_admin
):
    monkeypatch.setattr(readiness_module, "INLINE_ANSWERS", 5)
    url = reverse("change:readiness", args=[crew.slug])
    client = client_for(ld_admin)

    page = client.get(url).content.decode()
    client.get(url)  # a second visit while it is queued queues nothing more

    assert "Results are being prepared." in page
    assert "Road Crew A" not in page and "Most people are held up" not in page
    (queued,) = _refreshes(queued_tasks)
    assert queued.kwargs["initiative_id"] == crew.pk
    queued.task.call(**queued.kwargs)  # the worker's turn
    page = client.get(url).content.decode()
    assert "Results are being prepared." not in page
    assert "Most people are held up at Learn." in page


def test_while_newer_results_are_prepared_the_last_ones_are_shown(
    crew, org, queued_tasks, monkeypatch
):
    readiness_results_refresh(initiative=crew)
    later = closed_round(crew, name="Before go-live", weeks_ago=1)
    for person in staff(org["team_b"], 6):
        answer(later, person)
    monkeypatch.setattr(readiness_module, "INLINE_ANSWERS", 5)

    dashboard = readiness(initiative=crew, unit_paths=None)

    assert dashboard.preparing
    assert [r.name for r in dashboard.closed] == ["Baseline"]
    assert _row(dashboard, "Road Crew A").summary.responses == 10
    assert len(_refreshes(queued_tasks)) == 1


def test_the_daily_run_computes_initiatives_whose_rounds_closed(crew, capsys):
    call_command("send_change_checkins")
    assert "Queued 1 readiness result refresh(es)." in capsys.readouterr().out
    assert ReadinessSnapshot.objects.get(initiative=crew).computed_at is not None

    call_command("send_change_checkins")

    assert "Queued 0 readiness result refresh(es)." in capsys.readouterr().out


def test_a_roster_import_that_moves_a_unit_refreshes_the_results(
    crew, org, django_capture_on_commit_callbacks
):
    before = readiness_results_refresh(initiative=crew).key
    streets = OrgUnitFactory(code="STR", name="Streets", parent=org["division"])
    org["team_a"].refresh_from_db()
    org["team_a"].move(streets, "sorted-child")

    with django_capture_on_commit_callbacks(execute=True):
        roster_applied.send(
            sender=RosterImport,
            import_record=RosterImport.objects.create(sha256="0" * 64),
        )

    snapshot = ReadinessSnapshot.objects.get(initiative=crew)
    assert snapshot.key != before
    assert streets.pk in snapshot.units


def test_a_new_sibling_unit_alone_does_not_make_the_results_stale(crew, org):
    key = readiness_results_refresh(initiative=crew).key
    # treebeard renumbers siblings' paths on an insert; nobody moved.
    OrgUnitFactory(code="AAA", name="A first crew", parent=org["section"])

    readiness(initiative=crew, unit_paths=None)

    assert ReadinessSnapshot.objects.get(initiative=crew).key == key


def test_the_funnel_counts_exactly_the_affected_people(org):
    inspector = RoleProfileFactory(name="Inspector")
    elsewhere = OrgUnitFactory(code="PARKS", name="Parks")
    initiative = InitiativeFactory(units=[org["section"]], role_profiles=[inspector])
    staff(org["team_a"], 3)
    staff(org["team_b"], 2, role_profile=inspector)
    staff(elsewhere, 4, role_profile=inspector)
    staff(elsewhere, 5)  # neither in the units nor of the role
    EmployeeFactory(org_unit=org["team_a"], is_active=False)

    dashboard = readiness(initiative=initiative, unit_paths=None)

    rows = {row.key: row.affected for row in dashboard.rows}
    assert rows[ALL] == affected_employees(initiative=initiative).count() == 9
    assert rows[org["section"].pk] == 5
    assert rows[elsewhere.pk] == 4


@pytest.mark.parametrize("people", [6, 30])
def test_a_refresh_costs_the_same_queries_at_any_size(
    org, people, django_assert_num_queries
):
    initiative = InitiativeFactory(units=[org["section"]])
    rounds = [closed_round(initiative, name=f"R{n}", weeks_ago=2 + n) for n in (0, 2)]
    for unit in (org["team_a"], org["team_b"]):
        for person in staff(unit, people):
            for checkin_round in rounds:
                answer(checkin_round, person, learn=2 + people % 3)

    with django_assert_num_queries(13):
        readiness_results_refresh(initiative=initiative)
