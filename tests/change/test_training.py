"""Linked training: mandatory assignments for exactly the affected people."""

from datetime import date, timedelta

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Sum
from django.urls import reverse

import pytest

from assignments.models import AssignedLearner
from assignments.selectors import learner_rows, report_tallies
from assignments.services import (
    assignment_create,
    assignments_expand_all,
    learner_extend,
)
from assignments.tallies import tallies_rebuild
from change.models import Initiative
from change.readiness import readiness
from change.services import initiative_create, initiative_training_sync
from lib.errors import DomainError
from tests.assignments.helpers import complete
from tests.change.factories import InitiativeFactory
from tests.courses.factories import make_course
from tests.people.factories import EmployeeFactory, RoleProfileFactory


def _assigned(initiative) -> set[int]:
    return set(
        AssignedLearner.objects.filter(
            assignment__in=initiative.assignments.filter(is_active=True)
        ).values_list("user", flat=True)
    )


def _counting_existing_training(org, course, ld_admin, *, due):
    """Team A's own assignment of `course`, and an initiative that counts it."""
    existing = assignment_create(
        actor=ld_admin,
        target="org_unit",
        course=course,
        target_unit=org["team_a"],
        due_date=due,
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
    return existing, initiative


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
    existing, initiative = _counting_existing_training(
        org, course, ld_admin, due=date.today() + timedelta(days=10)
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


# --- one course per person, and due dates that follow go-live --------------------


@pytest.fixture
def both_ways(rollout, org, employee, manager, peer, ld_admin):
    """Team A is affected, and so is every inspector: Alice (in Team A) and Charlie."""
    inspector = RoleProfileFactory(name="Inspector")
    for user in (employee, peer):
        user.employee.role_profile = inspector
        user.employee.save()
    rollout.role_profiles.set([inspector])
    initiative_training_sync(initiative=rollout, actor=ld_admin)
    return rollout


def test_someone_affected_through_a_unit_and_a_role_gets_the_course_once(
    both_ways, client_for, employee, manager, peer
):
    course = both_ways.courses.get()
    rows = AssignedLearner.objects.filter(assignment__in=both_ways.assignments.all())
    assert sorted(rows.values_list("user", flat=True)) == sorted(
        [employee.pk, manager.pk, peer.pk]
    )
    mine = [r for r in learner_rows(user=employee) if r.assignment.course == course]
    assert len(mine) == 1
    page = client_for(employee).get(reverse("training_site:my-learning")).text
    assigned = page.split('class="list-group assigned-to-you"')[1].split("</ul>")[0]
    assert assigned.count("The 311 system") == 1


def test_they_count_once_in_readiness_and_in_the_assignment_reports(
    both_ways, employee, manager, peer
):
    course = both_ways.courses.get()
    for user in (employee, manager, peer):
        complete(user, course)
    top = readiness(initiative=both_ways, unit_paths=None).rows[0]
    assert (top.affected, top.trained) == (3, 3)
    tallies_rebuild()
    assigned = report_tallies(course_id=course.pk).aggregate(n=Sum("assigned"))["n"]
    assert assigned == 3


def test_the_next_save_tidies_people_covered_twice_before(
    both_ways, employee, ld_admin
):
    # As the initiatives saved before groups existed left them: Alice twice.
    both_ways.assignments.update(audience_group="")
    role = both_ways.assignments.get(target="role_profile")
    AssignedLearner.objects.create(
        assignment=role,
        user=employee,
        assigned_on=date.today(),
        due_on=role.due_date,
        original_due_on=role.due_date,
    )
    initiative_training_sync(initiative=both_ways, actor=ld_admin)
    assert AssignedLearner.objects.filter(user=employee).count() == 1


def test_taking_the_unit_off_leaves_its_inspectors_the_roles_assignment(
    both_ways, org, employee, peer, ld_admin
):
    both_ways.units.set([])
    initiative_training_sync(initiative=both_ways, actor=ld_admin)
    assert _assigned(both_ways) == {employee.pk, peer.pk}


def test_moving_go_live_moves_the_due_dates_and_keeps_an_extension(
    both_ways, employee, manager, ld_admin
):
    unit = both_ways.assignments.get(target="org_unit")
    extended = both_ways.go_live + timedelta(days=30)
    learner_extend(
        learner=AssignedLearner.objects.get(user=manager, assignment=unit),
        actor=ld_admin,
        due_on=extended,
        reason="On leave",
    )
    both_ways.go_live -= timedelta(days=14)
    both_ways.save()
    initiative_training_sync(initiative=both_ways, actor=ld_admin)
    new_due = both_ways.go_live - timedelta(days=7)
    assert set(both_ways.assignments.values_list("due_date", flat=True)) == {new_due}
    assert AssignedLearner.objects.get(user=employee).due_on == new_due
    assert AssignedLearner.objects.get(user=manager).due_on == extended
    unit.refresh_from_db()
    assert both_ways.go_live.isoformat() in unit.reason


def test_more_days_before_go_live_moves_the_due_dates_too(rollout, employee, ld_admin):
    initiative_training_sync(initiative=rollout, actor=ld_admin)
    rollout.training_due_days_before = 21
    rollout.save()
    initiative_training_sync(initiative=rollout, actor=ld_admin)
    due = rollout.go_live - timedelta(days=21)
    assert AssignedLearner.objects.get(user=employee).due_on == due


def test_training_counted_from_elsewhere_keeps_its_own_date(org, employee, ld_admin):
    course = make_course(title="The 311 system")
    own_date = date.today() + timedelta(days=10)
    existing, initiative = _counting_existing_training(
        org, course, ld_admin, due=own_date
    )
    initiative.go_live += timedelta(days=7)
    initiative.save()
    initiative_training_sync(initiative=initiative, actor=ld_admin)
    existing.refresh_from_db()
    assert existing.due_date == own_date


@pytest.mark.django_db(transaction=True)
def test_the_migration_remembers_the_date_existing_training_was_given(
    rollout, org, ld_admin
):
    # Shipped initiatives have no date remembered: the migration takes the
    # one their assignments are due on, so a go-live moved before it is
    # followed on the next save.
    initiative_training_sync(initiative=rollout, actor=ld_admin)
    given = rollout.assignments.get().due_date
    before = [("change", "0005_readiness_results")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    rollout.go_live += timedelta(days=10)  # moved while dates did not follow
    executor.loader.project_state(before).apps.get_model(
        "change", "Initiative"
    ).objects.filter(pk=rollout.pk).update(go_live=rollout.go_live)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    rollout.refresh_from_db()
    assert rollout.linked_training_due_on == given
    initiative_training_sync(initiative=rollout, actor=ld_admin)
    assert rollout.assignments.get().due_date == given + timedelta(days=10)
