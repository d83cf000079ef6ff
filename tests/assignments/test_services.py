"""Mandatory training: expansion, due dates, statuses, extensions, exemptions, recertification."""

from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from assignments.models import (
    AssignedLearner,
    Assignment,
    AssignmentEvent,
    AssignmentTally,
)
from assignments.recertification import assignments_recertify
from assignments.selectors import due_dates_for, learner_rows
from assignments.services import (
    AssignmentError,
    assignment_create,
    assignment_expand,
    assignments_expand_all,
    learner_exempt,
    learner_exemption_lift,
    learner_extend,
)
from assignments.tallies import tallies_rebuild
from certificates.models import Certificate
from courses.dates import add_months
from courses.models import (
    Enrolment,
    LearningPathCourse,
    LearningPathPage,
    ModuleCompletion,
    PastCompletion,
)
from courses.services import module_complete
from people.models import Employee
from people.roster import roster_import
from tests.courses.factories import make_course, modules_of
from tests.people.factories import EmployeeFactory, RoleProfileFactory, UserFactory
from tests.people.roster.helpers import person, to_csv

Status = AssignedLearner.Status
TODAY = date(2026, 11, 26)


@pytest.fixture
def course(db):
    return make_course(title="Accessibility for public service (AODA)", modules=2)


def assign_unit(unit, course, *, today=TODAY, **due):
    due = due or {"due_date": TODAY + timedelta(days=30)}
    rule = Assignment.DueRule.FIXED if "due_date" in due else due.pop("rule")
    return assignment_create(
        actor=None,
        course=course,
        target=Assignment.Target.ORG_UNIT,
        target_unit=unit,
        due_rule=rule,
        today=today,
        **due,
    )


def learner(user, assignment) -> AssignedLearner:
    return AssignedLearner.objects.get(user=user, assignment=assignment)


def complete(user, course):
    for module in modules_of(course):
        module_complete(user=user, module=module)


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


# --- statuses --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days_left", "started", "expected"),
    [
        (15, False, Status.NOT_STARTED),
        (15, True, Status.IN_PROGRESS),
        (14, False, Status.DUE_SOON),
        (0, True, Status.DUE_SOON),
        (-1, False, Status.OVERDUE),
        (-1, True, Status.OVERDUE),
    ],
)
def test_status_at_the_boundaries(org, personas, course, days_left, started, expected):
    assignment = assign_unit(
        org["team_a"], course, due_date=TODAY + timedelta(days=days_left)
    ).assignment
    row = learner(personas["employee"], assignment)
    if started:
        AssignedLearner.objects.filter(pk=row.pk).update(started_at=timezone.now())
        row.refresh_from_db()

    in_sql = AssignedLearner.objects.with_status(today=TODAY).get(pk=row.pk).status
    assert in_sql == row.status_on(TODAY) == expected


def test_progress_moves_the_status_from_not_started_to_completed(org, personas, course):
    alice = personas["employee"]
    assignment = assign_unit(org["team_a"], course).assignment
    first, second = modules_of(course)

    module_complete(user=alice, module=first)
    assert learner(alice, assignment).status_on(TODAY) == Status.IN_PROGRESS
    module_complete(user=alice, module=second)
    row = learner(alice, assignment)
    assert row.status_on(TODAY) == Status.COMPLETED
    assert row.completed_on_time


def test_a_valid_earlier_completion_counts_as_done(org, personas, course):
    alice = personas["employee"]
    complete(alice, course)
    assignment = assign_unit(org["team_a"], course).assignment

    assert learner(alice, assignment).status_on(TODAY) == Status.COMPLETED
    assert learner(personas["manager"], assignment).status_on(TODAY) == (
        Status.NOT_STARTED
    )


def test_my_learning_rows_put_open_work_first_by_due_date(org, personas, course):
    alice = personas["employee"]
    late = assign_unit(
        org["team_a"], make_course(title="Late"), due_date=TODAY - timedelta(1)
    )
    soon = assign_unit(
        org["team_a"], make_course(title="Soon"), due_date=TODAY + timedelta(5)
    )
    done = assign_unit(org["team_a"], course, due_date=TODAY + timedelta(2))
    complete(alice, course)

    rows = learner_rows(user=alice, today=TODAY)
    assert [row.assignment for row in rows] == [
        late.assignment,
        soon.assignment,
        done.assignment,
    ]
    assert [row.status for row in rows] == [
        Status.OVERDUE,
        Status.DUE_SOON,
        Status.COMPLETED,
    ]
    due = due_dates_for(user=alice)
    assert due[late.assignment.course_id] == TODAY - timedelta(1)
    assert course.pk not in due  # done: nothing is due


# --- extensions and exemptions ------------------------------------------------------


def test_an_extension_moves_the_date_and_is_logged(org, personas, course):
    row = learner(personas["employee"], assign_unit(org["team_a"], course).assignment)
    before = row.due_on
    learner_extend(
        learner=row,
        actor=personas["manager"],
        due_on=before + timedelta(days=21),
        reason="On leave for three weeks",
    )
    row.refresh_from_db()
    assert row.due_on == before + timedelta(days=21)
    assert row.original_due_on == before
    event = row.events.get()
    assert (event.kind, event.actor, event.old_due_on, event.new_due_on) == (
        AssignmentEvent.Kind.EXTENDED,
        personas["manager"],
        before,
        row.due_on,
    )

    with pytest.raises(AssignmentError) as error:
        learner_extend(
            learner=row, actor=personas["manager"], due_on=before, reason="Oops"
        )
    assert error.value.code == "not_later"
    with pytest.raises(AssignmentError) as error:
        learner_extend(
            learner=row,
            actor=personas["manager"],
            due_on=row.due_on + timedelta(1),
            reason="  ",
        )
    assert error.value.code == "no_reason"
    assert row.events.count() == 1


def test_an_exemption_needs_a_reason_is_logged_and_can_be_lifted(org, personas, course):
    row = learner(
        personas["employee"],
        assign_unit(org["team_a"], course, due_date=TODAY - timedelta(3)).assignment,
    )
    with pytest.raises(AssignmentError):
        learner_exempt(learner=row, actor=personas["manager"], reason="")

    learner_exempt(
        learner=row, actor=personas["manager"], reason="Completed at previous employer"
    )
    learner_exempt(learner=row, actor=personas["manager"], reason="Twice")
    row.refresh_from_db()
    assert row.status_on(TODAY) == Status.EXEMPT
    assert row.exempt_reason == "Completed at previous employer"
    assert not AssignedLearner.objects.overdue(today=TODAY).filter(pk=row.pk).exists()

    learner_exemption_lift(learner=row, actor=personas["ld_admin"], reason="Not valid")
    row.refresh_from_db()
    assert row.status_on(TODAY) == Status.OVERDUE
    assert list(row.events.values_list("kind", flat=True)) == [
        "exempted",
        "exemption_lifted",
    ]


# --- recertification ---------------------------------------------------------------


@pytest.fixture
def yearly(db):
    return make_course(
        title="Privacy and records (MFIPPA)",
        modules=2,
        validity_months=12,
        recertification_window_days=60,
    )


def test_recertification_reopens_from_the_window_with_a_new_due_date(
    org, personas, yearly, django_capture_on_commit_callbacks
):
    alice = personas["employee"]
    assignment = assign_unit(org["team_a"], yearly).assignment
    with django_capture_on_commit_callbacks(execute=True):
        complete(alice, yearly)
    first_certificate = Certificate.objects.get(user=alice)
    row = learner(alice, assignment)
    completed_on = timezone.localdate(row.completed_at)
    expires_on = add_months(completed_on, 12)
    assert row.expires_on == expires_on == first_certificate.expires_on

    # The day before the window opens nothing happens; on its first day it re-opens.
    assert assignments_recertify(today=expires_on - timedelta(days=61)) == 0
    assert assignments_recertify(today=expires_on - timedelta(days=60)) == 1
    assert assignments_recertify(today=expires_on - timedelta(days=60)) == 0

    row.refresh_from_db()
    assert (row.cycle, row.completed_at, row.due_on) == (2, None, expires_on)
    assert row.status_on(expires_on - timedelta(days=60)) == Status.NOT_STARTED
    assert row.status_on(expires_on - timedelta(days=14)) == Status.DUE_SOON
    assert row.events.get().kind == AssignmentEvent.Kind.REOPENED
    enrolment = Enrolment.objects.get(user=alice, course=yearly)
    assert enrolment.completed_at is None
    assert not ModuleCompletion.objects.filter(enrolment=enrolment).exists()
    past = PastCompletion.objects.get(enrolment=enrolment)
    assert past.expires_on == expires_on

    # Completing again issues a new certificate that supersedes the old one.
    with django_capture_on_commit_callbacks(execute=True):
        complete(alice, yearly)
    row.refresh_from_db()
    assert row.completed_at is not None
    first_certificate.refresh_from_db()
    second = Certificate.objects.exclude(pk=first_certificate.pk).get(user=alice)
    assert first_certificate.superseded_by == second
    assert Certificate.objects.filter(user=alice).count() == 2


def test_an_expired_completion_does_not_count_for_a_new_assignment(
    org, personas, yearly
):
    alice = personas["employee"]
    complete(alice, yearly)
    completed_at = timezone.now() - timedelta(days=400)
    Enrolment.objects.filter(user=alice).update(completed_at=completed_at)

    assignment = assign_unit(org["team_a"], yearly, today=timezone.localdate())
    row = learner(alice, assignment.assignment)
    assert row.completed_at is None
    # Due on the assignment's own date, not on the long-past expiry.
    assert row.due_on == TODAY + timedelta(days=30)
    assert PastCompletion.objects.filter(enrolment__user=alice).count() == 1


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
