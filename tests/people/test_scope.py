"""Whom each user may see: the scope selector and the permission functions on it."""

from django.contrib.auth.models import AnonymousUser

import pytest

from people.permissions import user_can_manage_employee, user_can_view_employee
from people.roles import user_is_manager
from people.selectors import employee_scope_for_user
from tests.people.factories import EmployeeFactory, OrgUnitFactory, UserFactory


def _names(user):
    return set(
        employee_scope_for_user(user=user).values_list("user__username", flat=True)
    )


@pytest.mark.django_db
def test_scope_for_each_persona(personas):
    everyone = {"alice", "bob", "charlie", "dana", "tess", "lee"}
    assert _names(personas["employee"]) == {"alice"}
    assert _names(personas["peer"]) == {"charlie"}
    assert _names(personas["manager"]) == {"bob", "alice"}
    assert _names(personas["other_manager"]) == {"dana", "charlie"}
    assert _names(personas["trainer"]) == {"tess"}
    assert _names(personas["ld_admin"]) == everyone
    assert employee_scope_for_user(user=AnonymousUser()).count() == 0


@pytest.mark.django_db
def test_a_manager_never_sees_a_peer_team(personas):
    manager, peer = personas["manager"], personas["peer"]
    assert not user_can_view_employee(manager, peer.employee)
    assert not user_can_manage_employee(manager, peer.employee)
    assert user_can_view_employee(manager, personas["employee"].employee)
    assert user_can_manage_employee(manager, personas["employee"].employee)


@pytest.mark.django_db
def test_nobody_manages_themselves_and_employees_only_see_themselves(personas):
    alice = personas["employee"]
    assert user_can_view_employee(alice, alice.employee)
    assert not user_can_manage_employee(alice, alice.employee)
    assert not user_can_view_employee(alice, personas["manager"].employee)


@pytest.mark.django_db
def test_user_without_an_employee_profile_sees_nobody(db):
    user = UserFactory(username="contractor")
    assert employee_scope_for_user(user=user).count() == 0
    assert not user_is_manager(user)


@pytest.mark.django_db
def test_reporting_line_counts_at_any_depth(org):
    # director > manager > lead > worker, all in one unit nobody heads
    chain = [EmployeeFactory(org_unit=org["division"])]
    for _ in range(5):
        chain.append(EmployeeFactory(org_unit=org["division"], manager=chain[-1]))
    top = chain[0].user
    assert set(employee_scope_for_user(user=top)) == set(chain)
    middle = chain[2].user
    assert set(employee_scope_for_user(user=middle)) == set(chain[2:])


@pytest.mark.django_db
def test_heading_a_unit_covers_its_sub_units_at_any_depth(org):
    director = EmployeeFactory(org_unit=org["division"])
    org["division"].head = director
    org["division"].save(update_fields=["head"])
    deep = OrgUnitFactory(parent=OrgUnitFactory(parent=org["team_b"]))
    far_away = EmployeeFactory(org_unit=deep)  # no manager of record at all
    outside = EmployeeFactory(org_unit=OrgUnitFactory(code="OTHER-DIV"))
    scope = set(employee_scope_for_user(user=director.user))
    assert far_away in scope
    assert outside not in scope
    assert user_is_manager(director.user)


@pytest.mark.django_db
def test_a_manager_cycle_in_the_data_does_not_loop(org):
    a = EmployeeFactory(org_unit=org["team_a"])
    b = EmployeeFactory(org_unit=org["team_a"], manager=a)
    a.manager = b
    a.save(update_fields=["manager"])
    assert set(employee_scope_for_user(user=a.user)) == {a, b}


@pytest.mark.django_db
def test_inactive_people_stay_in_scope_for_history_but_not_in_active(personas):
    alice = personas["employee"].employee
    alice.is_active = False
    alice.save(update_fields=["is_active"])
    scope = employee_scope_for_user(user=personas["manager"])
    assert alice in scope
    assert alice not in scope.active()


@pytest.mark.django_db
def test_a_manager_whose_people_all_left_is_no_longer_a_manager(personas):
    bob = personas["manager"]
    alice = personas["employee"].employee
    alice.is_active = False
    alice.save(update_fields=["is_active"])
    bob.employee.headed_units.update(head=None)
    bob = type(bob).objects.get(pk=bob.pk)
    assert not user_is_manager(bob)


def _build_org(*, levels: int, width: int):
    """A tree `levels` deep with `width` children per unit; each unit headed, people chained."""
    root = OrgUnitFactory()
    head = EmployeeFactory(org_unit=root)
    root.head = head
    root.save(update_fields=["head"])
    frontier = [(root, head)]
    for _ in range(levels - 1):
        next_frontier = []
        for unit, boss in frontier:
            for _ in range(width):
                child = OrgUnitFactory(parent=unit)
                lead = EmployeeFactory(org_unit=child, manager=boss)
                EmployeeFactory(org_unit=child, manager=lead)
                child.head = lead
                child.save(update_fields=["head"])
                next_frontier.append((child, lead))
        frontier = next_frontier
    return head.user


@pytest.mark.django_db
@pytest.mark.parametrize("levels,width", [(2, 2), (5, 3)])
def test_scope_costs_the_same_queries_whatever_the_org_size(
    levels, width, django_assert_num_queries
):
    head = _build_org(levels=levels, width=width)
    head = type(head).objects.get(pk=head.pk)  # fresh: nothing cached
    expected = 1 + sum(2 * width**d for d in range(1, levels))
    # Their groups (the L&D check), their employee row, the units they head,
    # and the scope itself.
    with django_assert_num_queries(4):
        assert len(list(employee_scope_for_user(user=head))) == expected
