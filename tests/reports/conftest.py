"""Fixtures the reports tests share: a team with one assignment in every state."""

from datetime import timedelta

from django.utils import timezone

import pytest

from assignments.models import AssignedLearner, Assignment
from assignments.services import assignment_create
from tests.courses.factories import make_course
from tests.reports.builders import TODAY, finish, team_of


@pytest.fixture
def known(org, personas):
    """Bob's team (Alice + 3) under one assignment in four different states."""
    alice = personas["employee"].employee
    on_time, late, overdue = team_of(personas["manager"], 3)
    course = make_course(title="Accessibility for public service", modules=1)
    assignment = assignment_create(
        actor=personas["manager"],
        course=course,
        target=Assignment.Target.TEAM,
        target_employee=personas["manager"].employee,
        due_date=TODAY - timedelta(days=10),
    ).assignment
    learners = AssignedLearner.objects.filter(assignment=assignment)
    finish(learners.filter(user=on_time.user), TODAY - timedelta(days=20))
    finish(learners.filter(user=late.user), TODAY - timedelta(days=2))
    # Alice was given more time and has started; `overdue` has not.
    learners.filter(user=alice.user).update(
        due_on=TODAY + timedelta(days=30), started_at=timezone.now()
    )
    # Dana's person has the same course assigned, but is not Bob's.
    assignment_create(
        actor=None,
        course=course,
        target=Assignment.Target.EMPLOYEE,
        target_employee=personas["peer"].employee,
        due_date=TODAY - timedelta(days=1),
    )
    return {
        "assignment": assignment,
        "on_time": on_time,
        "late": late,
        "overdue": overdue,
        "alice": alice,
    }
