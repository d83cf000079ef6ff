"""Assigning training on the site: who may use each page, and only within their scope.

Personas (tests/conftest.py): Bob manages Team A (Alice); Dana manages Team B
(Charlie); Tess is a trainer; Lee is an L&D admin.
"""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from assignments.models import AssignedLearner, Assignment, AssignmentEvent
from people.models import Employee
from tests.assignments.helpers import form_data, messages_of, today
from tests.courses.factories import make_course
from tests.people.factories import RoleProfileFactory
from tests.personas import LOGIN, every_persona

Target = Assignment.Target


@pytest.fixture
def course(db):
    # Not the folder's course: these tests read its title in the messages.
    return make_course(title="Working with open data", modules=2)


# --- who may use each page -------------------------------------------------------

ASSIGNERS_ONLY = every_persona(
    403, anonymous=LOGIN, manager=200, other_manager=200, ld_admin=200
)
# Bob's assignment covers Alice only: Dana manages nobody under it (404).
IN_SCOPE_ONLY = every_persona(
    403, anonymous=LOGIN, manager=200, other_manager=404, ld_admin=200
)


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["assignments:assign", "assignments:list"])
def test_assign_and_list_are_for_managers_and_ld_admins(
    url_name, persona_matrix, team_assignment
):
    persona_matrix(reverse(url_name), ASSIGNERS_ONLY)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url_name",
    ["assignments:detail", "assignments:learner-extend", "assignments:learner-exempt"],
)
def test_assignment_and_learner_pages_for_every_persona(
    url_name, persona_matrix, team_assignment, alice_row
):
    pk = team_assignment.pk if url_name == "assignments:detail" else alice_row.pk
    persona_matrix(reverse(url_name, args=[pk]), IN_SCOPE_ONLY)


@pytest.mark.django_db
def test_assign_post_for_every_persona(course, personas, persona_matrix):
    expected = every_persona(
        403, anonymous=LOGIN, manager=302, other_manager=302, ld_admin=302
    )
    lee_target = {"target_employee": personas["manager"].employee.pk}

    def assign(client, persona):
        data = form_data(course, **(lee_target if persona == "ld_admin" else {}))
        return client.post(reverse("assignments:assign"), data)

    persona_matrix(reverse("assignments:assign"), expected, request=assign)
    # Bob, Dana and Lee (for Bob's team) each assigned once.
    assert Assignment.objects.count() == 3
    assert set(AssignedLearner.objects.values_list("user__username", flat=True)) == {
        "alice",
        "charlie",
    }


@pytest.mark.django_db
def test_extend_and_exempt_posts_for_every_persona(persona_matrix, alice_row):
    expected = every_persona(
        403, anonymous=LOGIN, manager=302, other_manager=404, ld_admin=302
    )
    days = iter(range(40, 50))

    def extend_then_exempt(client, _persona):
        due_on = (today() + timedelta(days=next(days))).isoformat()
        return {
            "extend": client.post(
                reverse("assignments:learner-extend", args=[alice_row.pk]),
                {"due_on": due_on, "reason": "Leave"},
            ),
            "exempt": client.post(
                reverse("assignments:learner-exempt", args=[alice_row.pk]),
                {"reason": "Trained elsewhere"},
            ),
        }

    persona_matrix(None, expected, request=extend_then_exempt, label="extend, exempt")
    actors = list(
        AssignmentEvent.objects.filter(learner=alice_row).values_list(
            "kind", "actor__username"
        )
    )
    # Bob extends and exempts; Lee extends (exempting again changes nothing).
    assert actors == [
        (AssignmentEvent.Kind.EXTENDED, "bob"),
        (AssignmentEvent.Kind.EXEMPTED, "bob"),
        (AssignmentEvent.Kind.EXTENDED, "lee"),
    ]


@pytest.mark.django_db
def test_lifting_an_exemption_is_a_post_for_people_in_scope(persona_matrix, alice_row):
    url = reverse("assignments:learner-exemption-lift", args=[alice_row.pk])
    expected = every_persona(
        403, anonymous=LOGIN, manager=302, other_manager=404, ld_admin=302
    )
    lifted = {}

    def lift(client, persona):
        assert client.get(url).status_code == 405, persona
        AssignedLearner.objects.filter(pk=alice_row.pk).update(
            exempted_at=timezone.now(), exempt_reason="Trained elsewhere"
        )
        response = client.post(url)
        lifted[persona] = (
            AssignedLearner.objects.get(pk=alice_row.pk).exempted_at is None
        )
        return response

    persona_matrix(url, expected, method="post", request=lift)
    for persona, outcome in expected.items():
        assert lifted[persona] == (outcome == 302), persona


# --- scope: a manager cannot reach outside it -------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "target,field,whom",
    [
        (Target.EMPLOYEE, "target_employee", "peer"),  # Charlie, Dana's report
        (Target.EMPLOYEE, "target_employee", "manager"),  # Bob himself
        (Target.EMPLOYEE, "target_employee", "other_manager"),
        (Target.ORG_UNIT, "target_unit", "team_b"),  # Dana's unit
        (Target.ORG_UNIT, "target_unit", "section"),  # above Bob's unit
    ],
)
def test_manager_cannot_assign_outside_their_scope(
    target, field, whom, course, personas, org, client_for
):
    value = org[whom].pk if field == "target_unit" else personas[whom].employee.pk
    client = client_for(personas["manager"])
    data = form_data(course, target=target, **{field: value})
    assert client.post(reverse("assignments:assign"), data).status_code == 404
    assert not Assignment.objects.exists()


@pytest.mark.django_db
def test_the_form_offers_a_manager_only_their_people_and_units(
    course, personas, org, client_for
):
    client = client_for(personas["manager"])
    page = client.get(reverse("assignments:assign")).text
    assert "Everyone below me" in page
    assert org["team_a"].name in page
    for outsider in ["Charlie Chen", "Dana Dubois", org["team_b"].name, "Role profile"]:
        assert outsider not in page
    assert f'value="course:{course.pk}"' in page
    # People are found by the search box: tests/assignments/test_people_search.py.
    search = reverse("assignments:people-search")
    found = client.get(search, {"q": "Road Crew"}).json()["results"]
    assert [person["name"] for person in found] == ["Alice Arsenault"]


@pytest.mark.django_db
def test_preselecting_a_person_is_scoped_too(personas, client_for):
    client = client_for(personas["manager"])
    alice = personas["employee"].employee
    page = client.get(reverse("assignments:assign"), {"employee": alice.pk}).text
    assert f'name="target_employee" value="{alice.pk}"' in page
    assert f'value="Alice Arsenault ({alice.employee_number})"' in page
    assert re.search(r'value="employee"[^>]*checked', page)
    charlie = personas["peer"].employee
    for bad in [charlie.pk, "abc", 999999]:
        response = client.get(reverse("assignments:assign"), {"employee": bad})
        assert response.status_code == 404, bad


@pytest.mark.django_db
def test_manager_assigns_a_unit_they_head_and_one_person(
    course, personas, org, client_for
):
    client = client_for(personas["manager"])
    unit = form_data(course, target=Target.ORG_UNIT, target_unit=org["team_a"].pk)
    assert client.post(reverse("assignments:assign"), unit).status_code == 302
    alice = personas["employee"].employee
    person = form_data(course, target=Target.EMPLOYEE, target_employee=alice.pk)
    person["due_rule"], person["due_days"] = Assignment.DueRule.AFTER_ASSIGNMENT, 10
    assert client.post(reverse("assignments:assign"), person).status_code == 302
    rows = AssignedLearner.objects.filter(user=alice.user).order_by("pk")
    assert [r.assignment.target for r in rows] == [Target.ORG_UNIT, Target.EMPLOYEE]
    assert rows[1].due_on == today() + timedelta(days=10)


@pytest.mark.django_db
def test_ld_admin_may_assign_a_role_profile_anywhere(course, personas, client_for):
    role = RoleProfileFactory(name="Road crew")
    Employee.objects.filter(user=personas["peer"]).update(role_profile=role)
    client = client_for(personas["ld_admin"])
    assert "Road crew" in client.get(reverse("assignments:assign")).text
    data = form_data(course, target=Target.ROLE_PROFILE, target_role=role.pk)
    response = client.post(reverse("assignments:assign"), data)
    assert response.status_code == 302
    assert messages_of(response) == ["Assigned Working with open data to 1 person"]
    assert list(AssignedLearner.objects.values_list("user__username", flat=True)) == [
        "charlie"
    ]
