"""Mandatory training per learner: statuses, extensions, exemptions, recertification."""

from datetime import timedelta

from django.utils import timezone

import pytest

from assignments.models import AssignedLearner, AssignmentEvent
from assignments.recertification import assignments_recertify
from assignments.selectors import due_dates_for, learner_rows
from assignments.services import (
    AssignmentError,
    learner_exempt,
    learner_exemption_lift,
    learner_extend,
)
from certificates.models import Certificate
from courses.dates import add_months
from courses.models import Enrolment, ModuleCompletion, PastCompletion
from courses.services import module_complete
from tests.assignments.helpers import TODAY, assign_unit, complete, learner
from tests.courses.factories import make_course, modules_of

Status = AssignedLearner.Status


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
