"""Mandatory training: who an assignment reaches, their due dates, and at what cost."""

from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from assignments.models import AssignedLearner, Assignment, AssignmentTally
from assignments.selectors import due_dates_for, learner_rows
from assignments.services import (
    AssignmentError,
    assignment_create,
    assignment_expand,
    assignments_expand_all,
)
from assignments.tallies import tallies_rebuild
from courses.models import Enrolment, LearningPathCourse, LearningPathPage
from people.models import Employee
from people.roster import roster_import
from tests.assignments.helpers import TODAY, assign_unit, complete, learner
from tests.courses.factories import make_course
from tests.people.factories import EmployeeFactory, RoleProfileFactory, UserFactory
from tests.people.roster.helpers import person, to_csv

Status = AssignedLearner.Status


# --- expansion --------------------------------------------------------------------


def test_a_unit_assignment_covers_its_sub_units_and_enrols_everyone(
    org, personas, course
):
    gone = EmployeeFactory(org_unit=org["team_a"], is_active=False)
    expansion = assign_unit(org["section"], course)

    covered = set(
        AssignedLearner.objects.filter(assignment=expansion.assignment).values_list(
            "user__username", flat=True
        )
    )
    # The section and both teams below it; not the division above, not leavers.
    assert covered == {"alice", "bob", "charlie", "dana"}
    assert expansion.added == 4
    assert gone.user.username not in covered
    enrolments = Enrolment.objects.filter(course=course)
    assert set(enrolments.values_list("user__username", flat=True)) == covered
    assert set(enrolments.values_list("source", flat=True)) == {"assigned"}


def test_expanding_again_adds_nobody_and_keeps_an_existing_enrolment(
    org, personas, course
):
    existing = Enrolment.objects.create(user=personas["employee"], course=course)
    expansion = assign_unit(org["team_a"], course)

    assert assignment_expand(assignment=expansion.assignment, today=TODAY) == 0
    assert AssignedLearner.objects.count() == 2
    existing.refresh_from_db()
    assert existing.source == "self"  # enrolled by choice before it was assigned


def test_people_who_join_the_unit_in_a_roster_import_get_the_training(db, course):
    rows = [
        person("1", "Grace", "Oyelaran", "DIV", "Public Works"),
        person("2", "Luc", "Bergeron", "TM", "Road Crew", "DIV", "1"),
    ]
    roster_import(data=to_csv(rows))
    team = Employee.objects.get(employee_number="2").org_unit
    expansion = assign_unit(team, course)
    assert expansion.added == 1

    rows.append(person("3", "Priya", "Raman", "TM", "Road Crew", "DIV", "2"))
    roster_import(data=to_csv(rows))

    newcomer = Employee.objects.get(employee_number="3").user
    assert learner(newcomer, expansion.assignment).due_on == TODAY + timedelta(days=30)
    assert Enrolment.objects.filter(user=newcomer, course=course).exists()


def test_a_newcomer_after_the_fixed_date_gets_the_newcomer_window(
    org, personas, course
):
    assignment = assign_unit(
        org["team_a"],
        course,
        due_date=TODAY - timedelta(days=5),
        today=TODAY - timedelta(days=40),
    ).assignment
    # Those there when it was given out keep the date, and are overdue now.
    alice = learner(personas["employee"], assignment)
    assert alice.due_on == TODAY - timedelta(days=5)
    assert alice.status_on(TODAY) == Status.OVERDUE

    # A new hire the daily job adds after the date: 30 days from joining.
    hire = EmployeeFactory(org_unit=org["team_a"]).user
    assert assignments_expand_all(today=TODAY) == 1
    row = learner(hire, assignment)
    assert (row.assigned_on, row.due_on, row.original_due_on) == (
        TODAY,
        TODAY + timedelta(days=30),
        TODAY + timedelta(days=30),
    )
    assert row.status_on(TODAY) == Status.NOT_STARTED  # not overdue on day one

    # The window is the assignment's own.
    Assignment.objects.filter(pk=assignment.pk).update(newcomer_days=10)
    assignment.refresh_from_db()
    transfer = EmployeeFactory(org_unit=org["team_a"]).user
    assert assignment_expand(assignment=assignment, today=TODAY) == 1
    assert learner(transfer, assignment).due_on == TODAY + timedelta(days=10)


def test_a_newcomer_before_the_fixed_date_gets_the_date(org, personas, course):
    assignment = assign_unit(org["team_a"], course).assignment  # due in 30 days
    hire = EmployeeFactory(org_unit=org["team_a"]).user
    assert assignment_expand(assignment=assignment, today=TODAY + timedelta(1)) == 1
    assert learner(hire, assignment).due_on == TODAY + timedelta(days=30)


def test_role_profile_and_team_targets(org, personas, course):
    analyst = RoleProfileFactory(name="Data analyst")
    Employee.objects.filter(user=personas["peer"]).update(role_profile=analyst)
    by_role = assignment_create(
        actor=personas["ld_admin"],
        course=course,
        target=Assignment.Target.ROLE_PROFILE,
        target_role=analyst,
        due_date=TODAY,
    )
    by_team = assignment_create(
        actor=personas["manager"],
        course=course,
        target=Assignment.Target.TEAM,
        target_employee=personas["manager"].employee,
        due_date=TODAY,
    )
    assert [row.user for row in by_role.assignment.learners.all()] == [personas["peer"]]
    # Everyone below Bob, never Bob himself.
    assert [row.user for row in by_team.assignment.learners.all()] == [
        personas["employee"]
    ]


def test_a_learning_path_enrols_each_of_its_courses(org, personas, course):
    second = make_course(title="Plain language", modules=1)
    catalogue = course.get_parent()
    path = LearningPathPage(title="New staff", slug="new-staff")
    catalogue.add_child(instance=path)
    for order, item in enumerate([course, second]):
        LearningPathCourse.objects.create(path=path, course=item, sort_order=order)
    assignment = assignment_create(
        actor=None,
        learning_path=path,
        target=Assignment.Target.EMPLOYEE,
        target_employee=personas["employee"].employee,
        due_date=TODAY,
    ).assignment
    alice = personas["employee"]
    assert Enrolment.objects.filter(user=alice).count() == 2

    complete(alice, course)
    assert learner(alice, assignment).completed_at is None  # one of two courses
    complete(alice, second)
    assert learner(alice, assignment).completed_at is not None


def test_an_assignment_needs_a_published_course_a_target_and_a_due_date(org, personas):
    draft = make_course(live=False)
    with pytest.raises(AssignmentError) as error:
        assign_unit(org["team_a"], draft)
    assert error.value.code == "not_live"
    with pytest.raises(AssignmentError) as error:
        assignment_create(
            actor=None, course=make_course(), target=Assignment.Target.ORG_UNIT
        )
    assert error.value.code == "no_target"
    with pytest.raises(AssignmentError) as error:
        assignment_create(
            actor=None,
            course=make_course(),
            target=Assignment.Target.ORG_UNIT,
            target_unit=org["team_a"],
            due_rule=Assignment.DueRule.AFTER_HIRE,
        )
    assert error.value.code == "no_due_days"
    assert not Assignment.objects.exists()


# --- due dates ------------------------------------------------------------------


def test_relative_due_dates_count_from_assignment_or_from_hire(org, personas, course):
    Employee.objects.filter(user=personas["employee"]).update(
        hire_date=date(2026, 11, 1)
    )
    Employee.objects.filter(user=personas["manager"]).update(hire_date=None)
    after_hire = assign_unit(
        org["team_a"], course, rule=Assignment.DueRule.AFTER_HIRE, due_days=90
    ).assignment
    after_assignment = assign_unit(
        org["team_a"],
        make_course(),
        rule=Assignment.DueRule.AFTER_ASSIGNMENT,
        due_days=30,
    ).assignment

    assert learner(personas["employee"], after_hire).due_on == date(2027, 1, 30)
    # No hire date on record: counted from the day they were assigned.
    assert learner(personas["manager"], after_hire).due_on == TODAY + timedelta(90)
    assert learner(personas["employee"], after_assignment).due_on == date(2026, 12, 26)


# --- speed -----------------------------------------------------------------------


def _people(unit, count):
    for _ in range(count):
        EmployeeFactory(org_unit=unit, user=UserFactory())


def test_expansion_costs_the_same_queries_at_any_size(
    org, course, django_capture_on_commit_callbacks
):
    _people(org["team_a"], 5)
    _people(org["team_b"], 60)
    tallies_rebuild()  # so that expanding also counts the report tallies again
    counts = []
    for unit in (org["team_a"], org["team_b"]):
        with (
            CaptureQueriesContext(connection) as queries,
            django_capture_on_commit_callbacks(execute=True),
        ):
            assign_unit(unit, course)
        counts.append(len(queries))
    assert AssignedLearner.objects.count() == 65
    # Create (with Wagtail's reference index of the course), select newcomers,
    # one insert each for learners and enrolments, progress, recertification,
    # and, after the commit, the assignment's report tallies. (18 run alone:
    # Wagtail's reference index of the course costs 5 more once it has been
    # configured by an earlier test.)
    assert counts[0] == counts[1] <= 23, counts
    assert AssignmentTally.objects.get(org_unit=org["team_b"]).assigned == 60


def _training_queries(queries) -> int:
    """The statements on training tables: the expansion's, not the import's own."""
    return sum('"courses_' in query["sql"] for query in queries.captured_queries)


def test_expansion_after_an_import_costs_the_same_queries_for_10_or_100_people(
    db, django_capture_on_commit_callbacks
):
    reverse("wagtailadmin_home")  # Wagtail's hooks first, so test order is moot
    rows = [person("1", "Head", "Person", "DIV", "Division")]
    roster_import(data=to_csv(rows))
    division = Employee.objects.get(employee_number="1").org_unit
    courses = [make_course(title=f"Course {n}", modules=1) for n in range(4)]
    for n, course in enumerate(courses[:2]):
        assignment_create(
            actor=None,
            course=course,
            target=Assignment.Target.EVERYONE,
            due_date=TODAY - timedelta(days=n),  # past: newcomers get 30 days
            today=TODAY,
        )
    assign_unit(division, courses[2], rule=Assignment.DueRule.AFTER_HIRE, due_days=90)
    assign_unit(
        division, courses[3], rule=Assignment.DueRule.AFTER_ASSIGNMENT, due_days=7
    )
    tallies_rebuild()  # so that expanding also counts the report tallies again
    counts = []
    for joining in (10, 100):
        start = len(rows) + 1
        rows += [
            # In up to 50 new teams: tallies to count in as many units.
            person(str(n), f"N{n}", f"L{n}", f"T{n % 50}", f"T {n % 50}", "DIV", "1")
            for n in range(start, start + joining)
        ]
        with (
            CaptureQueriesContext(connection) as queries,
            django_capture_on_commit_callbacks(execute=True),
        ):
            roster_import(data=to_csv(rows))
        counts.append(_training_queries(queries))

    # The group assignments (1); per assignment, whether anyone is new, their
    # progress, their enrolments, their learner rows (4 x 4); one check for
    # expiring completions (1); after the commit, one recount of all four
    # assignments: lock, delete, INSERT ... SELECT (3).
    assert counts[0] == counts[1] <= 21, counts
    newcomer = Employee.objects.get(employee_number=str(len(rows))).user
    assert AssignedLearner.objects.filter(user=newcomer).count() == 4
    assert Enrolment.objects.filter(user=newcomer).count() == 4
    tallies = AssignmentTally.objects.filter(assignment__course=courses[0])
    assert sum(tallies.values_list("assigned", flat=True)) == len(rows)
    assert tallies.count() == 51  # the division and its 50 teams


@pytest.mark.parametrize("size", [3, 30])
def test_my_learning_rows_cost_two_queries_at_any_size(org, personas, size):
    alice = personas["employee"]
    for _ in range(size):
        assign_unit(org["team_a"], make_course(modules=1))
    with CaptureQueriesContext(connection) as queries:
        rows = learner_rows(user=alice, today=TODAY)
        due_dates_for(user=alice)
    assert len(rows) == size
    assert len(queries) == 2
