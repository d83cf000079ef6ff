"""Fixtures the assignments tests share: a course, and Bob's team assignment."""

from datetime import timedelta

import pytest

from assignments.models import AssignedLearner, Assignment
from assignments.services import assignment_create
from tests.assignments.helpers import today
from tests.courses.factories import make_course


@pytest.fixture
def course(db):
    return make_course(title="Accessibility for public service (AODA)", modules=2)


@pytest.fixture
def team_assignment(course, personas):
    """Bob's assignment to everyone below him: Alice."""
    bob = personas["manager"]
    return assignment_create(
        actor=bob,
        course=course,
        target=Assignment.Target.TEAM,
        target_employee=bob.employee,
        due_date=today() + timedelta(days=30),
        reason="Everyone publishes open data from next year.",
    ).assignment


@pytest.fixture
def alice_row(team_assignment, personas):
    return AssignedLearner.objects.get(
        assignment=team_assignment, user=personas["employee"]
    )
