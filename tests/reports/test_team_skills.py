"""The manager's skills matrix and its aggregate by org unit: content, scope, cost."""

from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse

import pytest
from hypothesis import HealthCheck, given, settings

from people import roles
from people.roles import user_is_manager
from people.selectors import employee_scope_for_user
from skills.models import Assessment
from skills.selectors import SMALL_CELL, skills_by_unit, skills_matrix
from skills.services import levels_refresh
from tests.people.factories import EmployeeFactory
from tests.reports.builders import build_org, org_trees
from tests.skills.factories import (
    make_category,
    make_role,
    make_skill,
    rate,
    set_target,
)

MATRIX = reverse("reports:team-skills")
UNITS = reverse("reports:team-skills-units")


@pytest.fixture
def framework(db):
    """CSR targets Data literacy 3 (category Data) and Cybersecurity 2 (Digital)."""
    data = make_category("Data", sort_order=1)
    digital = make_category("Digital", sort_order=2)
    skills = {
        "data": make_skill("Data literacy", code="data-literacy", category=data),
        "cyber": make_skill("Cybersecurity", code="cyber", category=digital),
    }
    role = make_role("CSR", "Customer service representative")
    set_target(role, skills["data"], 3)
    set_target(role, skills["cyber"], 2)
    return {"role": role, "skills": skills, "data": data, "digital": digital}


@pytest.fixture
def staffed(framework, employee, peer, manager):
    """Alice (Bob's) and Charlie (Dana's) hold the CSR role."""
    for user in (employee, peer):
        user.employee.role_profile = framework["role"]
        user.employee.save(update_fields=["role_profile"])
    return framework


def _names(response) -> set[str]:
    return {person.display_name for person, _cells in response.context["rows"]}


def _team(manager, unit, role, size: int) -> list:
    return [
        EmployeeFactory(manager=manager.employee, org_unit=unit, role_profile=role)
        for _ in range(size)
    ]


# --- What the matrix says --------------------------------------------------------


def test_a_cell_carries_its_number_gap_and_unconfirmed_mark_not_only_colour(
    client_for, employee, manager, staffed
):
    skills = staffed["skills"]
    # Bob confirmed Data literacy at 1 (Alice said 2); her 1 in cyber is her own.
    rate(employee.employee, skills["data"], 2, kind="self")
    rate(employee.employee, skills["data"], 1, kind="manager")
    rate(employee.employee, skills["cyber"], 1, kind="self")

    response = client_for(manager).get(MATRIX)

    assert response.status_code == 200
    html = response.text
    assert "<caption" in html
    assert '<th scope="col">' in html
    # Each row is headed by the person, linking to their page.
    person_url = reverse("reports:team-person", args=[employee.employee.pk])
    assert (
        f'<th scope="row" class="fw-normal"><a href="{person_url}">Alice Arsenault</a>'
        in html
    )
    matrix = skills_matrix(user=manager)
    [(_person, (data, cyber))] = matrix.rows(matrix.people)
    assert (data.level, data.target, data.gap, data.confirmed) == (1, 3, 2, True)
    assert (cyber.level, cyber.target, cyber.gap, cyber.confirmed) == (1, 2, 1, False)
    # The number, the gap and the mark are text; the colour class only repeats it.
    assert 'class="cell gap-2">1 <span class="gap-text" aria-hidden="true">−2' in html
    assert "target 3, 2 levels below target" in html
    assert '1<span class="unconfirmed-mark" aria-hidden="true">*</span>' in html
    assert "(unconfirmed)" in html
    assert "unconfirmed: self-rated, not yet reviewed" in html


def test_the_matrix_shows_only_the_managers_people(
    client_for, employee, peer, manager, other_manager, trainer, ld_admin, staffed
):
    assert _names(client_for(manager).get(MATRIX)) == {"Alice Arsenault"}
    assert _names(client_for(other_manager).get(MATRIX)) == {"Charlie Chen"}
    # L&D admins see everyone but themselves.
    assert _names(client_for(ld_admin).get(MATRIX)) == {
        "Alice Arsenault",
        "Bob Bouchard",
        "Charlie Chen",
        "Dana Dubois",
        "Tess Trainer",
    }


def test_filter_by_category_narrows_the_skills(client_for, manager, staffed):
    response = client_for(manager).get(MATRIX, {"category": staffed["digital"].pk})
    assert [s.name for s in response.context["matrix"].skills] == ["Cybersecurity"]
    assert _names(response) == {"Alice Arsenault"}


def test_filter_by_unit_narrows_and_a_unit_outside_scope_cannot_widen(
    client_for, org, manager, ld_admin, staffed
):
    newcomer = _team(manager, org["team_b"], staffed["role"], 1)[0]
    client = client_for(manager)
    # Bob's report who sits in Team B: the filter narrows to her.
    in_b = client.get(MATRIX, {"unit": org["team_b"].pk})
    assert _names(in_b) == {newcomer.display_name}
    # The division contains Charlie and Dana too: still only Bob's people.
    division = client.get(MATRIX, {"unit": org["division"].pk})
    assert _names(division) == {"Alice Arsenault", newcomer.display_name}
    # Nonsense or unknown units never widen the scope either.
    assert _names(client.get(MATRIX, {"unit": "999999"})) == set()
    assert _names(client.get(MATRIX, {"unit": "x"})) == {
        "Alice Arsenault",
        newcomer.display_name,
    }
    # The export of a widened request is just as narrow.
    csv = client.get(MATRIX, {"unit": org["division"].pk, "format": "csv"})
    names = {line.split(",")[1] for line in _csv_lines(csv)[1:]}
    assert names == {"Alice Arsenault", newcomer.display_name}


def test_sort_by_gap_puts_the_largest_gap_first(client_for, org, manager, staffed):
    skills = staffed["skills"]
    ready, halfway = _team(manager, org["team_a"], staffed["role"], 2)
    rate(ready, skills["data"], 3)
    rate(ready, skills["cyber"], 2)
    rate(halfway, skills["data"], 2)
    # Alice has no rating at all: total gap 5; halfway 1 + 2 = 3; ready 0.
    response = client_for(manager).get(MATRIX, {"sort": "gap"})
    order = [person.pk for person, _cells in response.context["rows"]]
    assert order == [
        manager.employee.direct_reports.get(last_name="Arsenault").pk,
        halfway.pk,
        ready.pk,
    ]
    assert 'value="gap" selected' in response.text


def test_the_filter_form_is_labelled_and_uses_get(client_for, manager, staffed):
    html = client_for(manager).get(MATRIX).text
    assert '<form method="get"' in html
    for field in ("unit", "category", "sort"):
        assert f'<label for="filter-{field}"' in html
        assert f'id="filter-{field}" name="{field}"' in html


# --- The aggregate by org unit ------------------------------------------------------


def test_units_view_hides_cells_of_fewer_than_five_people(
    client_for, org, manager, staffed
):
    skills = staffed["skills"]
    # Team A: Alice + 4 = 5 people with the CSR role; Section: 4 people.
    crew = _team(manager, org["team_a"], staffed["role"], 4)
    small = _team(manager, org["section"], staffed["role"], SMALL_CELL - 1)
    for person in crew[:3]:
        rate(person, skills["data"], 3)
    for person in small:
        rate(person, skills["data"], 4)

    response = client_for(manager).get(UNITS)

    rows = {unit.code: cells for unit, _n, cells in response.context["rows"]}
    data, _cyber = rows["TEAM-A"]
    assert (data.people, data.met, data.percent) == (5, 3, 60)
    hidden, _ = rows["SEC"]
    assert hidden.hidden and hidden.met is None and hidden.percent is None
    html = response.text
    assert "60% " in html
    assert "fewer than 5" in html
    assert "100%" not in html  # the small unit's result is not shown anywhere
    csv = client_for(manager).get(UNITS, {"format": "csv"})
    lines = _csv_lines(csv)
    assert "SEC,Roads,Data,Data literacy,fewer than 5,fewer than 5" in lines
    assert "TEAM-A,Road Crew A,Data,Data literacy,5,60" in lines


def test_units_view_of_one_person_never_reveals_them(
    client_for, employee, manager, staffed
):
    rate(employee.employee, staffed["skills"]["data"], 3)
    response = client_for(manager).get(UNITS)
    [(unit, headcount, cells)] = response.context["rows"]
    assert (unit.code, headcount) == ("TEAM-A", 1)
    assert all(cell.hidden and cell.percent is None for cell in cells)


# --- Cost ------------------------------------------------------------------------


def _grow(manager, org, framework, *, people: int, skills: int) -> None:
    extra = [make_skill(category=framework["data"]) for _ in range(skills)]
    for skill in extra:
        set_target(framework["role"], skill, 2)
    for person in _team(manager, org["team_a"], framework["role"], people):
        for skill in [*framework["skills"].values(), *extra]:
            Assessment.objects.create(
                employee=person, skill=skill, kind="self", level=2
            )
        levels_refresh(pairs=[(person.pk, s.pk) for s in framework["skills"].values()])
        levels_refresh(pairs=[(person.pk, s.pk) for s in extra])


@pytest.mark.parametrize(("people", "skills"), [(1, 0), (25, 8)])
@pytest.mark.parametrize(
    ("url", "params", "queries"),
    [
        # session, user, employee, 2 for the role, scope (1), 2 filter choices,
        # targets, skills, count, people, levels; a unit filter adds the unit
        # and the unfiltered scope for the choices; sorting by gap, two queries
        # (levels reached, people in order) replace the count.
        (MATRIX, {}, 13),
        (MATRIX, {"sort": "gap", "category": "1", "unit": "1"}, 16),
        (MATRIX, {"format": "csv"}, 13),
        (MATRIX, {"format": "xlsx"}, 13),
        (UNITS, {}, 12),
        (UNITS, {"format": "csv"}, 12),
        (UNITS, {"category": "1", "unit": "1"}, 14),
    ],
)
def test_reports_cost_the_same_for_small_and_large_teams(
    client_for,
    org,
    manager,
    staffed,
    django_assert_max_num_queries,
    people,
    skills,
    url,
    params,
    queries,
):
    _grow(manager, org, staffed, people=people, skills=skills)
    client = client_for(manager)
    client.get(url)  # warm the session and site caches
    with django_assert_max_num_queries(queries):
        response = client.get(url, params)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200


@pytest.mark.parametrize("people", [2, 30])
def test_the_ld_admin_matrix_selector_is_constant_too(
    org, manager, ld_admin, staffed, django_assert_num_queries, people
):
    _grow(manager, org, staffed, people=people, skills=3)
    with django_assert_num_queries(9):
        matrix = skills_matrix(user=ld_admin, sort="gap")
        rows = matrix.rows(matrix.people)
    assert len(rows) == people + 4  # Alice, Bob, Charlie, Dana: everyone but Lee
    # The user's groups are cached on it by now: one query fewer. (Levels at
    # target are counted as the rows are read.)
    with django_assert_num_queries(6):
        rows = list(skills_by_unit(user=ld_admin)["rows"])
    assert sum(headcount for _u, headcount, _c in rows) == people + 4


# --- Scope is absolute: generated org trees -------------------------------------


def _csv_lines(response) -> list[str]:
    return b"".join(response.streaming_content).decode("utf-8-sig").splitlines()


@pytest.mark.django_db(transaction=False)
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(tree=org_trees)
def test_page_matrix_and_export_show_exactly_the_scope(client_for, framework, tree):
    with transaction.atomic():
        units, people = build_org(tree, framework)
        rate(people[-1], framework["skills"]["data"], 1)
        for person in people:
            user = person.user
            if not user_is_manager(user):
                continue
            expected = set(
                employee_scope_for_user(user=user)
                .active()
                .exclude(pk=person.pk)
                .values_list("employee_number", flat=True)
            )
            client = client_for(user)
            page = client.get(MATRIX)
            assert {p.employee_number for p, _c in page.context["rows"]} == expected
            matrix = skills_matrix(user=user)
            assert {p.employee_number for p in matrix.people} == expected
            export = _csv_lines(client.get(MATRIX, {"format": "csv"}))
            assert {line.split(",")[0] for line in export[1:]} == expected
            by_gap = client.get(MATRIX, {"sort": "gap", "format": "csv"})
            assert {line.split(",")[0] for line in _csv_lines(by_gap)[1:]} == expected
            # Narrowing to any unit (in scope or not) gives a subset, never more.
            narrowed = client.get(MATRIX, {"unit": units[tree["narrow_to"]].pk})
            assert {p.employee_number for p, _c in narrowed.context["rows"]} <= expected
            units_page = client.get(UNITS)
            assert sum(n for _u, n, _c in units_page.context["rows"]) == len(expected)
        transaction.set_rollback(True)


def test_ld_admins_without_an_employee_record_see_everyone(
    client_for, employee, peer, staffed, django_user_model
):
    admin = django_user_model.objects.create_user("hr-admin", password="x")
    admin.groups.add(Group.objects.get(name=roles.LD_ADMINS))
    names = _names(client_for(admin).get(MATRIX))
    assert {"Alice Arsenault", "Charlie Chen"} <= names
