import pytest

from change.selectors import affected_employees, initiatives_affecting
from people.models import OrgUnit
from tests.change.factories import InitiativeFactory
from tests.people.factories import EmployeeFactory, OrgUnitFactory, RoleProfileFactory


@pytest.fixture
def city(db):
    works = OrgUnitFactory(name="Public Works")
    roads = OrgUnitFactory(name="Roads", parent=works)
    crew = OrgUnitFactory(name="Road Crew", parent=roads)
    parks = OrgUnitFactory(name="Parks")
    # Units sort by name, so adding "Parks" renumbered the tree: read it afresh.
    works, roads, crew, parks = (
        OrgUnit.objects.get(pk=unit.pk) for unit in (works, roads, crew, parks)
    )
    inspector = RoleProfileFactory(name="Inspector")
    return {
        "works": works,
        "roads": roads,
        "crew": crew,
        "parks": parks,
        "inspector": inspector,
        "in_crew": EmployeeFactory(org_unit=crew),
        "in_works": EmployeeFactory(org_unit=works),
        "in_parks": EmployeeFactory(org_unit=parks),
        "parks_inspector": EmployeeFactory(org_unit=parks, role_profile=inspector),
    }


def _affected(initiative) -> set:
    return set(affected_employees(initiative=initiative))


def test_a_unit_affects_everyone_in_it_and_its_sub_units(city):
    initiative = InitiativeFactory(units=[city["roads"]])
    assert _affected(initiative) == {city["in_crew"]}
    initiative.units.set([city["works"]])
    assert _affected(initiative) == {city["in_crew"], city["in_works"]}


def test_a_role_profile_affects_its_holders_in_any_unit(city):
    initiative = InitiativeFactory(role_profiles=[city["inspector"]])
    assert _affected(initiative) == {city["parks_inspector"]}


def test_units_and_role_profiles_together_affect_either(city):
    # "Both" is the union: the permit portal for Public Works, and for the
    # inspectors who sit elsewhere (docs/change.md, "Who is affected").
    initiative = InitiativeFactory(
        units=[city["works"]], role_profiles=[city["inspector"]]
    )
    assert _affected(initiative) == {
        city["in_crew"],
        city["in_works"],
        city["parks_inspector"],
    }
    assert city["in_parks"] not in _affected(initiative)


def test_nobody_is_affected_by_an_initiative_without_units_or_roles(city):
    assert _affected(InitiativeFactory()) == set()


def test_the_audience_follows_the_roster(city):
    initiative = InitiativeFactory(units=[city["works"]])
    moved = city["in_works"]
    moved.org_unit = city["parks"]
    moved.save()
    leaver = city["in_crew"]
    leaver.is_active = False
    leaver.save()
    hire = EmployeeFactory(org_unit=city["crew"])
    assert _affected(initiative) == {hire}


def test_an_employee_sees_the_initiatives_that_affect_them_and_no_others(city):
    by_unit = InitiativeFactory(units=[city["works"]])
    by_role = InitiativeFactory(role_profiles=[city["inspector"]])
    both = InitiativeFactory(units=[city["crew"]], role_profiles=[city["inspector"]])
    elsewhere = InitiativeFactory(units=[city["parks"]])

    def affecting(person):
        return set(initiatives_affecting(employee=person))

    assert affecting(city["in_crew"]) == {by_unit, both}
    assert affecting(city["in_works"]) == {by_unit}
    assert affecting(city["parks_inspector"]) == {by_role, both, elsewhere}
    assert affecting(city["in_parks"]) == {elsewhere}
    # Both directions read the same rule.
    for initiative in (by_unit, by_role, both, elsewhere):
        for person in _affected(initiative):
            assert initiative in affecting(person)


def test_a_leaver_is_affected_by_nothing(city):
    InitiativeFactory(units=[city["works"]])
    leaver = city["in_works"]
    leaver.is_active = False
    leaver.save()
    assert not initiatives_affecting(employee=leaver).exists()


@pytest.mark.parametrize("size", [3, 30])
def test_the_audience_costs_the_same_queries_at_any_size(
    city, size, django_assert_num_queries
):
    units = [OrgUnitFactory(parent=city["works"]) for _ in range(size)]
    roles = [RoleProfileFactory() for _ in range(size)]
    for unit, role in zip(units, roles, strict=True):
        EmployeeFactory.create_batch(2, org_unit=unit)
        EmployeeFactory(org_unit=city["parks"], role_profile=role)
    initiative = InitiativeFactory(units=units, role_profiles=roles)
    with django_assert_num_queries(3):
        people = list(affected_employees(initiative=initiative))
    assert len(people) == 3 * size


@pytest.mark.parametrize("size", [3, 30])
def test_my_initiatives_cost_one_query_at_any_size(
    city, size, django_assert_num_queries
):
    for _ in range(size):
        InitiativeFactory(units=[city["works"]], role_profiles=[city["inspector"]])
        InitiativeFactory(units=[city["parks"]])
    person = (
        type(city["in_crew"])
        .objects.select_related("org_unit")
        .get(pk=city["in_crew"].pk)
    )
    with django_assert_num_queries(1):
        found = list(initiatives_affecting(employee=person))
    assert len(found) == size
