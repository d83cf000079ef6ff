"""Query counts stay flat as data grows: My skills, the review list, the matrix."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from skills.models import Skill
from skills.selectors import skills_matrix
from tests.courses.factories import make_course
from tests.people.factories import EmployeeFactory
from tests.skills.factories import (
    add_outcome,
    make_category,
    make_role,
    make_skill,
    set_target,
)
from tests.skills.helpers import review, submit


def _grow(staffed, *, skills: int, courses: int) -> list:
    """More skills on the CSR role, with courses that close gaps in them."""
    extra = [make_skill() for _ in range(skills)]
    for skill in extra:
        set_target(staffed["role"], skill, 3)
    for i in range(courses):
        add_outcome(
            make_course(modules=1),
            extra[i % len(extra)] if extra else staffed["skills"]["data"],
            4,
        )
    return [s for s in [*staffed["skills"].values(), *extra] if s.code != "drones"]


def _team(manager, org, role, size: int) -> list:
    return [
        EmployeeFactory(
            manager=manager.employee, org_unit=org["team_a"], role_profile=role
        ).user
        for _ in range(size)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(("skills", "courses", "rounds"), [(0, 0, 1), (12, 8, 3)])
def test_my_skills_costs_the_same_however_much_there_is(
    client_for,
    employee,
    manager,
    staffed,
    django_assert_max_num_queries,
    skills,
    courses,
    rounds,
):
    role_skills = _grow(staffed, skills=skills, courses=courses)
    for _ in range(rounds):
        done = submit(employee, dict.fromkeys(role_skills, 1))
        review(manager, done, dict.fromkeys(role_skills, 2))
    client = client_for(employee)
    client.get(reverse("skills:my-skills"))  # warm the session and site caches
    with django_assert_max_num_queries(10):
        response = client.get(reverse("skills:my-skills"))
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("size", [1, 15])
def test_the_review_list_costs_the_same_for_one_or_many(
    client_for, org, employee, manager, staffed, django_assert_max_num_queries, size
):
    people = [employee, *_team(manager, org, staffed["role"], size - 1)]
    for person in people:
        submit(person, {s: 2 for s in staffed["skills"].values() if s.code != "drones"})
    client = client_for(manager)
    client.get(reverse("skills:review-list"))
    with django_assert_max_num_queries(8):
        response = client.get(reverse("skills:review-list"))
    assert response.text.count("Review<span") == size


@pytest.mark.django_db
@pytest.mark.parametrize(("size", "skills"), [(2, 0), (30, 10)])
def test_the_matrix_selector_is_a_constant_number_of_queries(
    org, employee, manager, staffed, django_assert_max_num_queries, size, skills
):
    role_skills = _grow(staffed, skills=skills, courses=0)
    people = [employee, *_team(manager, org, staffed["role"], size - 1)]
    for person in people:
        submit(person, dict.fromkeys(role_skills, 2))
    # The scope (two), the filter choices (two), targets, skills, people, levels:
    # the removed team_skill_matrix read six, without the page's filter choices.
    with django_assert_max_num_queries(8):
        matrix = skills_matrix(user=manager)
        rows = matrix.rows(matrix.people)
    assert len(rows) == size
    assert len(matrix.skills) == len(role_skills)
    person, cells = rows[0]
    assert {c.level for c in cells} == {2}
    assert {c.gap for c in cells} == {0, 1}


@pytest.mark.parametrize("name", ["skills_skill:index", "skills_roletarget:index"])
def test_framework_admin_lists_cost_the_same_for_3_and_30_skills(
    client_for, ld_admin, name
):
    client = client_for(ld_admin)
    url = reverse(name)
    client.get(url)
    counts = []
    for size in (3, 30):
        while Skill.objects.count() < size:
            # A category and a role each: every row's related columns differ.
            n = Skill.objects.count()
            skill = make_skill(f"Listed skill {n:03d}", category=make_category())
            set_target(make_role(f"R{skill.pk}", f"Role {skill.pk}"), skill, 2)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        assert skill.name in response.text  # the newest row is listed
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
