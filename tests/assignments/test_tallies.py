"""Report tallies equal a live count of the learner rows after every kind of change."""

from datetime import timedelta
from unittest import mock

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assignments.models import (
    AssignedLearner,
    Assignment,
    AssignmentTally,
    AssignmentTallyBuild,
)
from assignments.recertification import assignments_recertify
from assignments.selectors import TRAINING_FIGURES
from assignments.services import (
    assignment_create,
    assignments_expand_all,
    learner_exempt,
    learner_exemption_lift,
    learner_extend,
)
from assignments.tallies import (
    tallies_are_current,
    tallies_ensure_current,
    tallies_rebuild,
    tallies_recount,
)
from courses.models import Enrolment
from courses.services import enrolment_visit, module_complete
from people.models import Employee
from people.roster import roster_import
from reports.admin.selectors import training_by_division, training_by_division_live
from tests.assignments.counts import live, tallied
from tests.courses.factories import make_course, modules_of
from tests.people.factories import EmployeeFactory, OrgUnitFactory, UserFactory
from tests.people.roster.helpers import person, to_csv


def division_figures(rows) -> dict:
    return {
        (row.label, row.assignment.pk): tuple(
            getattr(row, figure) for figure in TRAINING_FIGURES
        )
        for row in rows
    }


def admin_move(client, employee: Employee, unit) -> None:
    """Move one person to `unit` through the people admin's edit form."""
    response = client.post(
        reverse("people_employee:edit", args=[employee.pk]),
        {
            "job_title": employee.job_title,
            "org_unit": unit.pk,
            "manager": employee.manager_id or "",
            "role_profile": employee.role_profile_id or "",
            "is_active": "on" if employee.is_active else "",
        },
    )
    assert response.status_code == 302, response.status_code


def admin_delete_user(client, user) -> None:
    """Delete a user (and so their employee record) through Wagtail's user admin."""
    response = client.post(reverse("wagtailusers_users:delete", args=[user.pk]))
    assert response.status_code == 302, response.status_code


def assert_tallies_match(step: str) -> None:
    assert tallies_are_current(), step
    assert tallied() == live(), step
    everyone = AssignedLearner.objects.all()
    assert division_figures(training_by_division()) == division_figures(
        training_by_division_live(learners=everyone)
    ), step


def complete(user, course) -> None:
    for module in modules_of(course):
        module_complete(user=user, module=module)


def start(user, course) -> None:
    enrolment = Enrolment.objects.get(user=user, course=course)
    enrolment_visit(enrolment=enrolment, module=modules_of(course)[0])


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what the block leaves for after its commit, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def admin(client_for):
    """A superuser in the Wagtail admin, where people are moved and deleted one by one."""
    return client_for(UserFactory(is_superuser=True))


@pytest.fixture
def world(org, committed):
    """Two divisions, seven people, an all-staff course and an overdue one for Parks."""
    parks = OrgUnitFactory(code="PARKS", name="Parks")
    gardens = OrgUnitFactory(code="GARDENS", name="Gardens", parent=parks)
    places = [org["team_a"]] * 3 + [org["team_b"]] * 2 + [gardens] * 2
    people = [EmployeeFactory(org_unit=unit, user=UserFactory()) for unit in places]
    yearly = make_course(title="Yearly safety", modules=2, validity_months=12)
    trees = make_course(title="Tree safety", modules=1)
    tallies_rebuild()
    today = timezone.localdate()
    with committed():
        everyone, parks_only = _assign(yearly, trees, parks, today)
    return {
        **org,
        "parks": parks,
        "gardens": gardens,
        "people": people,
        "yearly": yearly,
        "trees": trees,
        "everyone": everyone,
        "parks_only": parks_only,
    }


def _assign(yearly, trees, parks, today):
    everyone = assignment_create(
        actor=None,
        course=yearly,
        target=Assignment.Target.EVERYONE,
        due_date=today + timedelta(days=10),
    ).assignment
    parks_only = assignment_create(
        actor=None,
        course=trees,
        target=Assignment.Target.ORG_UNIT,
        target_unit=parks,
        due_date=today - timedelta(days=1),
    ).assignment
    return everyone, parks_only


def test_every_change_through_the_services_keeps_the_tallies_right(world, committed):
    people, yearly = world["people"], world["yearly"]
    assert_tallies_match("assigned")
    assert len(tallied()) == 4  # all staff in three units, Parks' course in one

    with committed():
        start(people[0].user, yearly)
    assert_tallies_match("started")
    with committed():
        complete(people[1].user, yearly)
        complete(people[5].user, world["trees"])  # late: it was due yesterday
    assert_tallies_match("completed")

    admin = UserFactory()
    overdue = AssignedLearner.objects.get(
        user=people[6].user, assignment=world["parks_only"]
    )
    with committed():
        learner_extend(
            learner=overdue,
            actor=admin,
            due_on=timezone.localdate() + timedelta(days=5),
            reason="Storm clean-up",
        )
    assert_tallies_match("extended")
    mine = AssignedLearner.objects.get(
        user=people[2].user, assignment=world["everyone"]
    )
    with committed():
        learner_exempt(learner=mine, actor=admin, reason="On leave")
    assert_tallies_match("exempted")
    with committed():
        learner_exemption_lift(learner=mine, actor=admin, reason="Back")
    assert_tallies_match("exemption lifted")

    # A completion entering its recertification window re-opens (today or later).
    done = AssignedLearner.objects.get(
        user=people[1].user, assignment=world["everyone"]
    )
    with committed():
        assert assignments_recertify(today=done.expires_on - timedelta(days=30)) == 1
    assert_tallies_match("re-opened")


def test_nothing_is_recounted_before_the_change_commits(world, committed):
    before = tallied()
    with committed():
        complete(world["people"][0].user, world["yearly"])
        assert tallied() == before  # still inside the transaction
    assert tallied() != before


def test_people_moving_joining_and_leaving_keep_the_tallies_right(
    world, committed, admin
):
    people = world["people"]
    with committed():
        complete(people[0].user, world["yearly"])

    mover = Employee.objects.get(pk=people[0].pk)
    with committed():
        admin_move(admin, mover, world["gardens"])
    assert_tallies_match("moved to another division")

    with committed():
        newcomer = EmployeeFactory(org_unit=world["team_b"], user=UserFactory())
    assert_tallies_match("joined, not yet assigned")
    # The newcomer gets the all-staff course, the mover Parks' course.
    with committed():
        assert assignments_expand_all() == 2
    assert_tallies_match("joined and assigned")
    assert (world["everyone"].pk, world["team_b"].pk) in tallied()

    with committed():
        admin_delete_user(admin, people[3].user)
        admin_delete_user(admin, people[4].user)
        admin_delete_user(admin, newcomer.user)
    assert_tallies_match("left")
    assert (world["everyone"].pk, world["team_b"].pk) not in tallied()


@pytest.mark.parametrize("change", ["move", "deactivate and move"])
def test_a_roster_import_that_moves_people_keeps_the_tallies_right(
    db, committed, change
):
    rows = [
        person("1", "Grace", "Oyelaran", "DIV", "Public Works"),
        person("2", "Luc", "Bergeron", "TM1", "Road Crew", "DIV", "1"),
        person("3", "Priya", "Raman", "TM1", "Road Crew", "DIV", "1"),
    ]
    roster_import(data=to_csv(rows))
    tallies_rebuild()
    with committed():
        assignment_create(
            actor=None,
            course=make_course(modules=1),
            target=Assignment.Target.EVERYONE,
            due_date=timezone.localdate(),
        )
    assert_tallies_match("assigned")
    status = "inactive" if change == "deactivate and move" else "active"
    rows[2] = person("3", "Priya", "Raman", "TM2", "Bridges", "DIV", "1", status=status)
    with committed():
        result = roster_import(data=to_csv(rows), allow_mass_deactivation=True)
    assert result.applied and result.updated + result.deactivated == 1
    assert_tallies_match("moved by the import")


# --- the date ------------------------------------------------------------------------


def test_the_next_day_counts_again_before_anyone_reads(world, committed):
    start(world["people"][0].user, world["yearly"])
    learner = AssignedLearner.objects.get(
        user=world["people"][0].user, assignment=world["everyone"]
    )
    AssignedLearner.objects.filter(pk=learner.pk).update(
        due_on=timezone.localdate()  # due today: due soon, not yet overdue
    )
    tallies_rebuild()
    key = (world["everyone"].pk, world["team_a"].pk)
    figures = dict(zip(TRAINING_FIGURES, tallied()[key], strict=True))
    # Started, but due today: "due soon" like the unit's two others (due in
    # 10 days), never also "in progress" (one status per person), not overdue.
    assert (figures["due_soon"], figures["in_progress"], figures["overdue"]) == (
        3,
        0,
        0,
    )

    tomorrow = timezone.localdate() + timedelta(days=1)
    with mock.patch("django.utils.timezone.localdate", return_value=tomorrow):
        assert not tallies_are_current()
        # A change on a day not yet counted leaves the tallies to the next reader.
        with committed():
            tallies_recount(assignment_ids=[world["everyone"].pk])
        assert AssignmentTallyBuild.objects.get().counted_for < tomorrow
        tallies_ensure_current()
        assert AssignmentTallyBuild.objects.get().counted_for == tomorrow
        figures = dict(zip(TRAINING_FIGURES, tallied()[key], strict=True))
        assert (figures["due_soon"], figures["in_progress"], figures["overdue"]) == (
            2,
            0,
            1,
        )
        assert tallied() == live()


def test_a_first_read_builds_the_tallies(world, admin):
    AssignmentTally.objects.all().delete()
    AssignmentTallyBuild.objects.all().delete()
    assert not tallies_are_current()
    assert admin.get(reverse("org_training_by_division")).status_code == 200
    rows = training_by_division()
    assert {row.label for row in rows} == {"Public Works", "Parks"}
    assert tallied() == live()


def test_the_daily_job_counts_the_tallies_for_the_day(world, capsys):
    from django.core.management import call_command

    AssignmentTallyBuild.objects.update(counted_for=timezone.localdate() - timedelta(1))
    call_command("send_reminders")
    assert "Report tallies counted again: 4 rows." in capsys.readouterr().out
    assert tallies_are_current()


# --- cost --------------------------------------------------------------------------


def test_a_completion_recounts_in_the_same_few_queries_at_any_size(world, committed):
    def completion_queries(colleagues: int) -> list[str]:
        for _ in range(colleagues):
            EmployeeFactory(org_unit=world["team_a"], user=UserFactory())
        user = UserFactory()
        EmployeeFactory(org_unit=world["team_a"], user=user)
        with committed():
            assignments_expand_all()
        first, last = modules_of(world["yearly"])
        module_complete(user=user, module=first)
        with CaptureQueriesContext(connection) as queries, committed():
            module_complete(user=user, module=last)
        return [query["sql"] for query in queries.captured_queries]

    small, large = completion_queries(2), completion_queries(40)
    assert len(small) == len(large)
    recount = [sql for sql in large if "assignmenttally" in sql]
    # The build row lock, the group's existing rows, one upsert (the count
    # itself reads learner rows, for one unit only).
    assert len(recount) == 3, recount
    count = next(sql for sql in large if sql.startswith("SELECT") and "GROUP BY" in sql)
    assert '"org_unit_id" IN' in count
    assert_tallies_match("completed")


@pytest.mark.django_db(transaction=False)
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    steps=st.lists(
        st.tuples(
            st.sampled_from(["start", "complete", "extend", "exempt", "lift", "move"]),
            st.integers(0, 6),
            st.integers(0, 2),
        ),
        max_size=12,
    )
)
def test_any_sequence_of_changes_keeps_the_tallies_right(
    world, committed, admin, steps
):
    from django.db import transaction

    actor = UserFactory()
    units = [world["team_a"], world["team_b"], world["gardens"]]

    def act(action: str, who: int, where: int) -> None:
        employee = Employee.objects.get(pk=world["people"][who].pk)
        learner = (
            AssignedLearner.objects.filter(user=employee.user)
            .order_by("assignment_id")
            .select_related("assignment__course")[where % 2 :]
            .first()
        )
        if action == "move":
            admin_move(admin, employee, units[where])
        elif learner is None:
            return
        elif action == "start" and learner.started_at is None:
            start(employee.user, learner.assignment.course)
        elif action == "complete" and learner.completed_at is None:
            complete(employee.user, learner.assignment.course)
        elif action == "extend":
            learner_extend(
                learner=learner,
                actor=actor,
                due_on=learner.due_on + timedelta(days=7 * (where + 1)),
                reason="More time",
            )
        elif action == "exempt":
            learner_exempt(learner=learner, actor=actor, reason="Not needed")
        elif action == "lift":
            learner_exemption_lift(learner=learner, actor=actor)

    with transaction.atomic():
        for step in steps:
            with committed():
                act(*step)
        assert tallied() == live()
        transaction.set_rollback(True)
