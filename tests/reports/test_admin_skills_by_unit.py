"""The org-wide Skills by unit report: its figures against a reference, and its cost."""

import csv
import io
import random

from django.db import connection
from django.urls import reverse

import pytest

from people.models import Employee
from skills.models import Assessment, CurrentSkillLevel, RoleSkillTarget
from skills.selectors import (
    SMALL_CELL,
    levels_at_target,
    skills_by_unit,
    team_report_people,
    unit_role_headcounts,
)
from skills.services import levels_refresh
from tests.people.factories import EmployeeFactory, OrgUnitFactory
from tests.skills.factories import make_category, make_role, make_skill, set_target

URL = reverse("org_skills_by_unit")


@pytest.fixture
def framework(db):
    """Two roles over three skills in two categories; one skill nobody targets."""
    data, digital = make_category("Data", sort_order=1), make_category("Digital")
    skills = [
        make_skill("Data literacy", code="data", category=data),
        make_skill("Data analysis", code="analysis", category=data),
        make_skill("Cybersecurity", code="cyber", category=digital),
        make_skill("Untargeted", code="none", category=digital),
    ]
    csr, analyst = make_role("CSR", "Customer service"), make_role("AN", "Analyst")
    set_target(csr, skills[0], 2)
    set_target(csr, skills[2], 3)
    set_target(analyst, skills[0], 3)
    set_target(analyst, skills[1], 2)
    return {"skills": skills, "roles": [csr, analyst, None], "data": data}


def _populate(org, framework, *, seed: int, people: int) -> None:
    """People spread over the org's units with mixed roles, activity and ratings."""
    rng = random.Random(seed)
    units = [*org.values(), OrgUnitFactory(code=f"X{seed}", parent=org["division"])]
    for _ in range(people):
        person = EmployeeFactory(
            org_unit=rng.choice(units),
            role_profile=rng.choice(framework["roles"]),
            is_active=rng.random() > 0.1,
        )
        for skill in framework["skills"]:
            if rng.random() < 0.8:
                Assessment.objects.create(
                    employee=person,
                    skill=skill,
                    kind=rng.choice(["self", "manager"]),
                    level=rng.randint(0, 4),
                )
                levels_refresh(pairs=[(person.pk, skill.pk)])


def _reference(*, user, category=None) -> dict:
    """The report computed the slow, obvious way: person by person, in Python."""
    own = user.employee.pk
    targets = {
        (t.role_profile_id, t.skill_id): t.level
        for t in RoleSkillTarget.objects.select_related("skill")
        if category is None or t.skill.category_id == category.pk
    }
    levels = {
        (c.employee_id, c.skill_id): c.level for c in CurrentSkillLevel.objects.all()
    }
    headcount, people, met = {}, {}, {}
    for person in Employee.objects.filter(is_active=True).exclude(pk=own):
        unit = person.org_unit.code
        headcount[unit] = headcount.get(unit, 0) + 1
        for (role, skill), target in targets.items():
            if role == person.role_profile_id:
                people[unit, skill] = people.get((unit, skill), 0) + 1
                reached = levels.get((person.pk, skill), -1) >= target
                met[unit, skill] = met.get((unit, skill), 0) + reached
    skills = sorted({skill for _role, skill in targets})
    return {
        unit: {
            "people": n,
            "cells": {
                skill: (
                    people.get((unit, skill), 0),
                    None
                    if people.get((unit, skill), 0) < SMALL_CELL
                    else met.get((unit, skill), 0),
                )
                for skill in skills
            },
        }
        for unit, n in headcount.items()
    }


def _report(**kwargs) -> dict:
    report = skills_by_unit(**kwargs)
    return _figures(report, report["rows"])


def _figures(report: dict, rows) -> dict:
    return {
        unit.code: {
            "people": n,
            "cells": {
                skill.pk: (cell.people, cell.met)
                for skill, cell in zip(report["skills"], cells, strict=True)
            },
        }
        for unit, n, cells in rows
    }


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_figures_equal_a_person_by_person_reference(org, ld_admin, framework, seed):
    _populate(org, framework, seed=seed, people=60)

    report = _report(user=ld_admin)

    assert report == _reference(user=ld_admin)
    cells = [c for unit in report.values() for c in unit["cells"].values()]
    assert any(met is None for _n, met in cells), "some cells must be small"
    assert any(met for _n, met in cells), "some cells must be shown"
    by_category = _report(user=ld_admin, category_id=framework["data"].pk)
    assert by_category == _reference(user=ld_admin, category=framework["data"])


@pytest.mark.parametrize("seed", [5, 6])
def test_each_page_of_rows_counts_its_own_units(org, ld_admin, framework, seed):
    """A page reads a slice of the rows, whose levels are counted for it alone."""
    _populate(org, framework, seed=seed, people=60)
    reference = _reference(user=ld_admin)
    report = skills_by_unit(user=ld_admin)
    rows = report["rows"]
    assert len(rows) == len(reference) >= 4

    for start in range(0, len(rows), 2):
        page = _figures(report, rows[start : start + 2])
        assert page == {code: reference[code] for code in page}
    unit = rows[1][0]  # one row alone, as indexing reads it
    assert _figures(report, [rows[1]]) == {unit.code: reference[unit.code]}


def test_a_known_unit_reads_as_counted_by_hand(org, ld_admin, framework):
    data, _analysis, cyber, _none = framework["skills"]
    csr = framework["roles"][0]
    team = [EmployeeFactory(org_unit=org["team_b"], role_profile=csr) for _ in range(6)]
    for person, level in zip(team, [0, 1, 2, 3, 4], strict=False):  # 6th: unrated
        Assessment.objects.create(
            employee=person, skill=data, kind="manager", level=level
        )
        levels_refresh(pairs=[(person.pk, data.pk)])

    report = skills_by_unit(user=ld_admin)

    [(headcount, cells)] = [(n, c) for u, n, c in report["rows"] if u.code == "TEAM-B"]
    by_skill = dict(zip(report["skills"], cells, strict=True))
    # Levels 2, 3 and 4 reach the CSR target of 2: 3 of 6 people.
    assert headcount == 6
    assert (by_skill[data].people, by_skill[data].met, by_skill[data].percent) == (
        6,
        3,
        50,
    )
    assert (by_skill[cyber].people, by_skill[cyber].met) == (6, 0)  # nobody rated


def _csv(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_page_and_export_show_the_same_figures(client_for, org, ld_admin, framework):
    _populate(org, framework, seed=4, people=60)
    reference = _reference(user=ld_admin)
    client = client_for(ld_admin)

    header, *lines = _csv(client.get(URL, {"export": "csv"}))
    page = client.get(URL)

    assert header[:2] == ["Unit", "People"]
    assert {line[1] for line in lines} == {
        str(unit["people"]) for unit in reference.values()
    }
    assert len(lines) == len(reference)
    assert "hidden" in {cell for line in lines for cell in line}
    for line in lines:
        assert line[0] in page.text


def _grow(org, framework, *, people: int) -> None:
    unit = OrgUnitFactory(parent=org["section"])
    for i in range(people):
        person = EmployeeFactory(
            org_unit=unit if i % 2 else org["team_a"],
            role_profile=framework["roles"][i % 2],
        )
        for skill in framework["skills"]:
            Assessment.objects.create(
                employee=person, skill=skill, kind="self", level=i % 5
            )
        levels_refresh(pairs=[(person.pk, s.pk) for s in framework["skills"]])


@pytest.mark.parametrize("people", [3, 40])
@pytest.mark.parametrize(
    ("params", "queries"),
    [
        # session, user, groups (permission) and the selector's six: choices
        # (two), targets, skills, headcounts, levels at target; then the
        # filter form's two choice lists and Wagtail's page furniture.
        ({}, 19),
        ({"export": "csv"}, 13),
        ({"export": "xlsx"}, 13),
    ],
)
def test_report_and_exports_cost_the_same_for_small_and_large_orgs(
    client_for,
    org,
    ld_admin,
    framework,
    django_assert_max_num_queries,
    people,
    params,
    queries,
):
    _grow(org, framework, people=people)
    client = client_for(ld_admin)
    client.get(URL)  # warm the session and site caches
    with django_assert_max_num_queries(queries):
        response = client.get(URL, params)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200


@pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's plan text; PostgreSQL's differs"
)
def test_levels_at_target_are_counted_from_an_index_alone(org, ld_admin, framework):
    """The report's biggest query reads (employee, skill, level) without the table."""
    _grow(org, framework, people=40)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # as a live database has statistics
    people = Employee.objects.active()

    plan = levels_at_target(people=people).explain()  # as the report asks

    level_lines = [line for line in plan.splitlines() if "currentskilllevel" in line]
    assert level_lines and all("COVERING INDEX" in line for line in level_lines), plan


@pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's plan text; PostgreSQL's differs"
)
def test_headcounts_per_unit_and_role_are_counted_from_an_index_alone(
    org, ld_admin, framework
):
    """The report's scan of everyone in scope reads no employee row itself."""
    _grow(org, framework, people=40)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    people = team_report_people(user=ld_admin)
    plan = unit_role_headcounts(people=people).explain()  # as the report asks

    assert "COVERING INDEX employee_unit_role_active" in plan, plan
