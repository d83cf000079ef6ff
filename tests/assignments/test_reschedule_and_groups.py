"""Moving an assignment's date, and assignments that reach each person once between them."""

from datetime import timedelta

import pytest

from assignments.models import AssignedLearner, Assignment, AssignmentEvent
from assignments.selectors import learner_rows
from assignments.services import (
    AssignmentError,
    assignment_create,
    assignment_group_deduplicate,
    assignment_reschedule,
    assignments_expand_all,
    learner_extend,
)
from tests.assignments.helpers import TODAY, assign_unit, complete, learner
from tests.courses.factories import make_course
from tests.people.factories import EmployeeFactory, RoleProfileFactory

DUE = TODAY + timedelta(days=30)


@pytest.fixture
def course(db):
    return make_course(title="The 311 system", modules=1)


@pytest.fixture
def crew_a(org, employee, manager, course):
    """Road Crew A (Alice and Bob) due on DUE."""
    return assign_unit(org["team_a"], course, due_date=DUE).assignment


# --- moving the date --------------------------------------------------------------


def test_moving_the_date_moves_everyones_own_date(crew_a, employee, manager):
    later = DUE + timedelta(days=14)
    assert assignment_reschedule(assignment=crew_a, due_date=later) == 2
    crew_a.refresh_from_db()
    assert crew_a.due_date == later
    for user in (employee, manager):
        row = learner(user, crew_a)
        assert (row.due_on, row.original_due_on) == (later, later)


def test_an_extension_is_never_shortened_and_a_completion_keeps_its_date(
    crew_a, employee, manager, ld_admin, course
):
    extended = DUE + timedelta(days=20)
    learner_extend(
        learner=learner(employee, crew_a),
        actor=ld_admin,
        due_on=extended,
        reason="On leave",
    )
    complete(manager, course)
    earlier = DUE - timedelta(days=10)
    assignment_reschedule(assignment=crew_a, due_date=earlier)
    alice = learner(employee, crew_a)
    assert (alice.due_on, alice.original_due_on) == (extended, earlier)
    assert learner(manager, crew_a).due_on == DUE  # the date they met
    # Moved past the extension: the extension gives way to the later date.
    assignment_reschedule(assignment=crew_a, due_date=extended + timedelta(days=5))
    assert learner(employee, crew_a).due_on == extended + timedelta(days=5)


def test_someone_assigned_after_the_new_date_gets_the_newcomer_window(
    org, crew_a, employee
):
    hire = EmployeeFactory(org_unit=org["team_a"])
    assignments_expand_all(today=TODAY + timedelta(days=5))
    newcomer = learner(hire.user, crew_a)
    assert newcomer.assigned_on == TODAY + timedelta(days=5)
    past = TODAY + timedelta(days=1)
    assignment_reschedule(assignment=crew_a, due_date=past)
    newcomer.refresh_from_db()
    window = newcomer.assigned_on + timedelta(days=crew_a.newcomer_days)
    assert (newcomer.due_on, newcomer.original_due_on) == (window, window)
    assert learner(employee, crew_a).due_on == past


def test_only_a_fixed_date_can_be_moved(org, course, employee):
    rolling = assign_unit(
        org["team_a"], course, rule=Assignment.DueRule.AFTER_ASSIGNMENT, due_days=30
    ).assignment
    with pytest.raises(AssignmentError) as refused:
        assignment_reschedule(assignment=rolling, due_date=DUE)
    assert refused.value.code == "not_fixed_date"


# --- groups: one course per person ----------------------------------------------


def _by_role(role, course, *, group="g"):
    return assignment_create(
        actor=None,
        target=Assignment.Target.ROLE_PROFILE,
        course=course,
        target_role=role,
        due_date=DUE,
        audience_group=group,
        today=TODAY,
    ).assignment


def _by_unit(unit, course, *, group="g"):
    return assignment_create(
        actor=None,
        target=Assignment.Target.ORG_UNIT,
        course=course,
        target_unit=unit,
        due_date=DUE,
        audience_group=group,
        today=TODAY,
    ).assignment


def test_assignments_of_one_group_reach_each_person_once(
    org, employee, manager, peer, course
):
    inspector = RoleProfileFactory(name="Inspector")
    for user in (employee, peer):
        user.employee.role_profile = inspector
        user.employee.save()
    unit = _by_unit(org["team_a"], course)
    role = _by_role(inspector, course)
    assert set(unit.learners.values_list("user", flat=True)) == {
        employee.pk,
        manager.pk,
    }
    assert set(role.learners.values_list("user", flat=True)) == {peer.pk}
    assert [row.assignment_id for row in learner_rows(user=employee)] == [unit.pk]
    # Without a group, the same two assignments cover Alice twice.
    loose = _by_role(inspector, course, group="")
    assert loose.learners.filter(user=employee).exists()


def test_a_newcomer_in_both_gets_it_once_after_the_roster(org, course):
    inspector = RoleProfileFactory(name="Inspector")
    unit = _by_unit(org["team_a"], course)
    role = _by_role(inspector, course)
    both = EmployeeFactory(org_unit=org["team_a"], role_profile=inspector)
    assignments_expand_all(today=TODAY)
    rows = AssignedLearner.objects.filter(user=both.user)
    assert rows.count() == 1 and rows.get().assignment in (unit, role)


def test_deduplicating_keeps_the_latest_date_and_the_history(
    org, employee, ld_admin, course
):
    inspector = RoleProfileFactory(name="Inspector")
    employee.employee.role_profile = inspector
    employee.employee.save()
    unit = _by_unit(org["team_a"], course, group="")
    role = _by_role(inspector, course, group="")  # made before groups: twice
    learner_extend(
        learner=learner(employee, unit),
        actor=ld_admin,
        due_on=DUE + timedelta(days=9),
        reason="On leave",
    )
    Assignment.objects.filter(pk__in=[unit.pk, role.pk]).update(audience_group="g")
    assert assignment_group_deduplicate(audience_group="g") == 1
    kept = AssignedLearner.objects.get(user=employee)
    assert (kept.assignment_id, kept.due_on) == (unit.pk, DUE + timedelta(days=9))
    assert AssignmentEvent.objects.get().learner == kept
    assert assignment_group_deduplicate(audience_group="g") == 0
