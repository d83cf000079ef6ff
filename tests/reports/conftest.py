"""Fixtures the reports tests share: a team, and two divisions, with every state."""

from datetime import timedelta

from django.utils import timezone

import pytest

from assignments.models import AssignedLearner, Assignment
from assignments.services import assignment_create
from assignments.tallies import tallies_rebuild
from tests.courses.factories import make_course
from tests.people.factories import (
    EmployeeFactory,
    OrgUnitFactory,
    RoleProfileFactory,
    UserFactory,
)
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


@pytest.fixture
def data(personas, org):
    """Two divisions, two courses, every status once.

    Public Works (the personas' division), course A assigned to all staff:
      Alice completed on time, Charlie completed late, Bob overdue,
      Dana in progress, Tess and Lee not started.
    Parks: Pat overdue on A, Sam exempt on A (left out of the counts);
      course B for Parks only: Pat completed on time, Sam not started.
    """
    today = timezone.localdate()
    parks = OrgUnitFactory(code="PARKS", name="Parks")
    gardens = OrgUnitFactory(code="GARDENS", name="Gardens", parent=parks)
    pat = EmployeeFactory(
        user=UserFactory(username="pat"),
        first_name="Pat",
        last_name="=Gardener",  # a formula-like name: the CSV must defuse it
        org_unit=gardens,
    )
    sam = EmployeeFactory(
        user=UserFactory(username="sam"),
        first_name="Sam",
        last_name="Sower",
        org_unit=gardens,
    )
    analyst = RoleProfileFactory(name="Analyst")
    alice = personas["employee"].employee
    alice.role_profile = analyst
    alice.save(update_fields=["role_profile"])

    course_a = make_course(title="Accessibility basics", modules=1)
    course_b = make_course(title="Tree safety", modules=1)
    later = today + timedelta(days=30)
    a = assignment_create(
        actor=personas["ld_admin"],
        course=course_a,
        target=Assignment.Target.EVERYONE,
        due_date=later,
    ).assignment
    b = assignment_create(
        actor=personas["ld_admin"],
        course=course_b,
        target=Assignment.Target.ORG_UNIT,
        target_unit=parks,
        due_date=later,
    ).assignment
    yesterday = timezone.now() - timedelta(days=1)

    def set_(assignment, user, **fields):
        if "completed_at" in fields:  # as the progress sync records it
            fields["completed_on"] = timezone.localdate(fields["completed_at"])
        updated = AssignedLearner.objects.filter(
            assignment=assignment, user=user
        ).update(**fields)
        assert updated == 1

    set_(a, personas["employee"], completed_at=yesterday, due_on=later)
    set_(a, personas["peer"], completed_at=yesterday, due_on=today - timedelta(10))
    set_(a, personas["manager"], due_on=today - timedelta(days=5))
    set_(a, personas["other_manager"], started_at=timezone.now())
    set_(a, pat.user, due_on=today - timedelta(days=1))
    set_(a, sam.user, exempted_at=timezone.now(), exempt_reason="On leave")
    set_(b, pat.user, completed_at=yesterday)
    tallies_rebuild()  # the updates above went around the services
    return {
        "a": a,
        "b": b,
        "public_works": org["division"],
        "team_a": org["team_a"],
        "parks": parks,
        "gardens": gardens,
        "course_a": course_a,
        "course_b": course_b,
        "analyst": analyst,
        "pat": pat,
        "sam": sam,
    }
