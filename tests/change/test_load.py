"""Change load: which units carry which go-lives in which month (change/load.py)."""

from datetime import date

from django.test import override_settings

import pytest

from change.load import change_load, go_live_clashes
from change.models import Initiative
from people.models import OrgUnit
from tests.change.factories import InitiativeFactory
from tests.people.factories import EmployeeFactory, OrgUnitFactory, RoleProfileFactory

MARCH = date(2027, 3, 1)
APRIL = date(2027, 4, 1)


@pytest.fixture
def crews(org):
    """Two people in each of Road Crew A and B; nobody sits in the section itself."""
    for unit in (org["team_a"], org["team_b"]):
        EmployeeFactory.create_batch(2, org_unit=unit)
    return org


def _counts(load, month=MARCH) -> dict[str, int]:
    index = load.months.index(month)
    return {row.unit.name: row.cells[index].count for row in load.rows}


def _fresh(unit) -> OrgUnit:
    return OrgUnit.objects.get(pk=unit.pk)  # treebeard counts children in the row


def _drill(org, unit="division", **kwargs):
    return change_load(unit_paths=None, parent=_fresh(org[unit]), start=MARCH, **kwargs)


def test_a_team_s_go_live_rolls_up_to_its_section_and_division(crews):
    InitiativeFactory(units=[crews["team_a"]], go_live=date(2027, 3, 15))

    assert _counts(change_load(unit_paths=None, start=MARCH)) == {"Public Works": 1}
    assert _counts(_drill(crews, "section")) == {
        "Roads": 1,
        "Road Crew A": 1,
        "Road Crew B": 0,
    }
    assert _counts(_drill(crews, "section"), APRIL) == {
        "Roads": 0,
        "Road Crew A": 0,
        "Road Crew B": 0,
    }


def test_a_unit_counts_each_initiative_once_however_many_teams_it_reaches(crews):
    both = InitiativeFactory(
        units=[crews["team_a"], crews["team_b"]], go_live=date(2027, 3, 2)
    )
    InitiativeFactory(units=[crews["team_b"]], go_live=date(2027, 3, 30))

    counts = _counts(_drill(crews, "section"))

    assert counts == {"Roads": 2, "Road Crew A": 1, "Road Crew B": 2}
    section = _drill(crews, "section").rows[0]
    assert section.cells[0].initiatives[0] == both


def test_a_role_profile_reaches_the_units_where_people_hold_it(crews):
    inspector = RoleProfileFactory(code="INSP", name="Inspector")
    EmployeeFactory(org_unit=crews["team_b"], role_profile=inspector)
    elsewhere = OrgUnitFactory(code="PARKS", name="Parks")
    InitiativeFactory(role_profiles=[inspector], go_live=date(2027, 3, 9))

    assert _counts(_drill(crews, "section")) == {
        "Roads": 1,
        "Road Crew A": 0,
        "Road Crew B": 1,
    }
    top = _counts(change_load(unit_paths=None, start=MARCH))
    assert top == {"Parks": 0, "Public Works": 1}
    assert elsewhere.pk  # a division with nobody holding the role carries nothing


def test_by_unit_or_by_role_an_initiative_counts_once(crews):
    inspector = RoleProfileFactory(code="INSP", name="Inspector")
    EmployeeFactory(org_unit=crews["team_a"], role_profile=inspector)
    InitiativeFactory(
        units=[crews["team_a"]], role_profiles=[inspector], go_live=date(2027, 3, 9)
    )

    assert _counts(_drill(crews, "section"))["Road Crew A"] == 1


def test_closed_initiatives_do_not_count_and_planned_ones_do(crews):
    for status in Initiative.Status:
        InitiativeFactory(
            units=[crews["team_a"]], status=status, go_live=date(2027, 3, 9)
        )

    cell = _drill(crews, "section").rows[0].cells[0]

    assert sorted(i.status for i in cell.initiatives) == ["active", "planned"]


def test_a_go_live_counts_in_its_own_month_and_only_inside_the_window(crews):
    for day in (
        date(2027, 2, 28),  # before the window
        date(2027, 3, 31),
        date(2027, 4, 1),
        date(2028, 2, 29),  # the window's last day
        date(2028, 3, 1),  # after it
    ):
        InitiativeFactory(units=[crews["team_a"]], go_live=day)

    load = change_load(unit_paths=None, start=date(2027, 3, 20))

    assert load.months[0] == MARCH and load.months[-1] == date(2028, 2, 1)
    assert [cell.count for cell in load.rows[0].cells] == [1, 1, *[0] * 9, 1]


def test_a_unit_where_nobody_active_sits_carries_nothing(org):
    EmployeeFactory(org_unit=org["team_a"], is_active=False)
    InitiativeFactory(units=[org["section"]], go_live=date(2027, 3, 9))

    assert _counts(_drill(org, "section")) == {
        "Roads": 0,
        "Road Crew A": 0,
        "Road Crew B": 0,
    }


def test_more_go_lives_than_the_limit_are_flagged(crews):
    for day in (3, 10, 17):
        InitiativeFactory(units=[crews["team_a"]], go_live=date(2027, 3, day))

    default = change_load(unit_paths=None, start=MARCH)
    with override_settings(CHANGE_LOAD_LIMIT=3):
        relaxed = change_load(unit_paths=None, start=MARCH)

    cell = default.rows[0].cells[0]
    assert (cell.count, cell.limit, cell.over, cell.band) == (3, 2, True, "over")
    assert [c.unit.name for c in default.over] == ["Public Works"]
    assert (relaxed.rows[0].cells[0].over, relaxed.rows[0].cells[0].band) == (
        False,
        "at",
    )
    assert relaxed.over == []


def test_a_manager_s_top_level_is_the_units_they_head(crews):
    InitiativeFactory(units=[crews["team_b"]], go_live=date(2027, 3, 9))

    load = change_load(unit_paths=[crews["team_a"].path], start=MARCH)

    assert _counts(load) == {"Road Crew A": 0}


def test_the_form_names_the_outermost_unit_a_go_live_would_put_over_the_limit(crews):
    InitiativeFactory(units=[crews["team_a"]], go_live=date(2027, 3, 3))
    InitiativeFactory(units=[crews["team_b"]], go_live=date(2027, 3, 20))
    InitiativeFactory(units=[crews["team_b"]], go_live=date(2027, 4, 20))
    mine = InitiativeFactory(units=[crews["team_b"]], go_live=date(2027, 5, 1))

    clashes = go_live_clashes(
        go_live=date(2027, 3, 25),
        unit_paths=[crews["team_b"].path],
        role_profile_ids=[],
        initiative_id=mine.pk,
    )

    # Road Crew B would carry 2 (at the limit); Roads and Public Works 3.
    assert [(c.unit.name, c.count) for c in clashes] == [("Public Works", 3)]
    assert len(clashes[0].others) == 2
    assert (
        go_live_clashes(
            go_live=date(2027, 4, 2),
            unit_paths=[crews["team_b"].path],
            role_profile_ids=[],
            initiative_id=mine.pk,
        )
        == []
    )


@pytest.mark.parametrize("size", [1, 4])
def test_the_table_costs_the_same_queries_at_any_size(
    org, size, django_assert_num_queries
):
    role = RoleProfileFactory(code="R", name="Role")
    for n in range(size * 3):
        division = OrgUnitFactory(code=f"D{n}", name=f"Division {n}")
        team = OrgUnitFactory(code=f"T{n}", name=f"Team {n}", parent=division)
        EmployeeFactory.create_batch(size, org_unit=team, role_profile=role)
        InitiativeFactory(units=[team], go_live=date(2027, 3 + n % 9, 1))
    InitiativeFactory(role_profiles=[role], go_live=MARCH)
    parent = _fresh(org["division"])

    with django_assert_num_queries(5):
        top = change_load(unit_paths=None, start=MARCH)
    with django_assert_num_queries(5):
        change_load(unit_paths=None, parent=parent, start=MARCH)

    assert len(top.rows) == size * 3 + 1
