"""Linked training: mandatory assignments for exactly the affected people."""

from datetime import date, timedelta

import pytest

from assignments.models import AssignedLearner
from assignments.services import assignment_create, assignments_expand_all
from change.models import Initiative
from change.services import initiative_create, initiative_training_sync
from lib.errors import DomainError
from tests.change.factories import InitiativeFactory
from tests.courses.factories import make_course
from tests.people.factories import EmployeeFactory, RoleProfileFactory


def _assigned(initiative) -> set[int]:
    return set(
        AssignedLearner.objects.filter(
            assignment__in=initiative.assignments.filter(is_active=True)
        ).values_list("user", flat=True)
    )


@pytest.fixture
def rollout(org, employee, manager, peer, ld_admin):
    course = make_course(title="The 311 system")
    initiative = InitiativeFactory(units=[org["team_a"]])
    initiative.courses.set([course])
    return initiative


def test_linked_training_is_due_before_go_live_for_the_affected_people(
    rollout, employee, manager, ld_admin
):
    sync = initiative_training_sync(initiative=rollout, actor=ld_admin)
    assert (sync.created, sync.people_added) == (1, 2)
    assert _assigned(rollout) == {employee.pk, manager.pk}
    assignment = rollout.assignments.get()
    assert assignment.due_date == rollout.go_live - timedelta(days=7)
    assert "going live" in assignment.reason


def test_syncing_again_changes_nothing(rollout, ld_admin):
    initiative_training_sync(initiative=rollout, actor=ld_admin)
    again = initiative_training_sync(initiative=rollout, actor=ld_admin)
    assert (again.created, again.deactivated, again.people_added) == (0, 0, 0)
    assert rollout.assignments.count() == 1


def test_a_role_profile_gets_its_own_assignment_and_the_union_is_covered(
    rollout, org, peer, employee, manager, ld_admin
):
    inspector = RoleProfileFactory(name="Inspector")
    peer.employee.role_profile = inspector
    peer.employee.save()
    rollout.role_profiles.set([inspector])
    initiative_training_sync(initiative=rollout, actor=ld_admin)
    assert rollout.assignments.count() == 2
    assert _assigned(rollout) == {employee.pk, manager.pk, peer.pk}


def test_a_unit_taken_off_withdraws_its_assignment_and_keeps_its_history(
    rollout, org, ld_admin
):
    initiative_training_sync(initiative=rollout, actor=ld_admin)
    rollout.units.set([org["team_b"]])
    sync = initiative_training_sync(initiative=rollout, actor=ld_admin)
    assert sync.deactivated == 1
    assert rollout.assignments.filter(is_active=False).count() == 1
    assert AssignedLearner.objects.count() == 2 + 2  # old rows kept, team B added


def test_a_planned_initiative_assigns_nothing_yet(rollout, ld_admin):
    rollout.status = Initiative.Status.PLANNED
    rollout.save()
    sync = initiative_training_sync(initiative=rollout, actor=ld_admin)
    assert sync.created == 0
    assert not AssignedLearner.objects.exists()


def test_a_new_hire_in_an_affected_unit_gets_the_training_after_the_roster(
    rollout, org, ld_admin
):
    initiative_training_sync(initiative=rollout, actor=ld_admin)
    hire = EmployeeFactory(org_unit=org["team_a"])
    assignments_expand_all()
    assert hire.user_id in _assigned(rollout)


def test_an_initiative_counts_training_already_assigned_instead_of_copying_it(
    org, employee, manager, ld_admin
):
    course = make_course(title="The 311 system")
    existing = assignment_create(
        actor=ld_admin,
        target="org_unit",
        course=course,
        target_unit=org["team_a"],
        due_date=date.today() + timedelta(days=10),
    ).assignment
    initiative = initiative_create(
        actor=ld_admin,
        name="311",
        slug="311",
        tool_name="the 311 system",
        why="Calls get lost.",
        go_live=date.today() + timedelta(days=30),
        status=Initiative.Status.ACTIVE,
        units=[org["team_a"]],
        courses=[course],
        existing_training=[existing],
    )
    assert list(initiative.assignments.all()) == [existing]
    assert initiative.rounds.count() == 4 and initiative.barrier_actions.count() == 5
    with pytest.raises(DomainError) as refused:
        initiative_create(
            actor=ld_admin,
            name="Other",
            slug="other",
            tool_name="x",
            why="y",
            go_live=date.today(),
            units=[org["team_b"]],
            courses=[course],
            existing_training=[existing],
        )
    assert refused.value.code == "training_not_linked"
