"""The assign form's person search: only people in scope, by name, number or unit.

Personas (tests/conftest.py): Bob manages Team A (Alice); Dana manages Team B
(Charlie); Tess is a trainer; Lee is an L&D admin.
"""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from assignments.models import AssignedLearner, Assignment
from assignments.scope import PEOPLE_SEARCH_LIMIT
from people.models import Employee
from tests.courses.factories import make_course
from tests.people.factories import EmployeeFactory, OrgUnitFactory, UserFactory
from tests.personas import LOGIN, every_persona

SEARCH = "assignments:people-search"
Target = Assignment.Target
ASSIGNERS_ONLY = every_persona(
    403, anonymous=LOGIN, manager=200, other_manager=200, ld_admin=200
)
EVERYONE = [
    "Alice Arsenault",
    "Bob Bouchard",
    "Charlie Chen",
    "Dana Dubois",
    "Tess Trainer",
    "Lee Learning",
]
# Whom each assigner may find: their own people, never themselves.
FINDS = {
    "manager": {"Alice Arsenault"},
    "other_manager": {"Charlie Chen"},
    "ld_admin": set(EVERYONE) - {"Lee Learning"},
}


def search(client, query: str):
    return client.get(reverse(SEARCH), {"q": query})


def names(response) -> set[str]:
    return {person["name"] for person in response.json()["results"]}


def crew(org, manager, n: int, *, unit=None, first="Crew", last=None) -> Employee:
    user = UserFactory(username=f"crew{n}", first_name=first, last_name=last or "M")
    return EmployeeFactory(
        user=user,
        org_unit=unit or org["team_a"],
        manager=manager.employee,
        first_name=first,
        last_name=last or f"M{n:03d}",
        employee_number=f"77{n:04d}",
    )


def form_data(course, **overrides) -> dict:
    data = {
        "item": f"course:{course.pk}",
        "target": Target.EMPLOYEE,
        "due_rule": Assignment.DueRule.FIXED,
        "due_date": (timezone.localdate() + timedelta(days=30)).isoformat(),
        "person": "",
        "target_employee": "",
        "target_unit": "",
        "reason": "",
    }
    return {**data, **overrides}


def assigned_usernames() -> set[str]:
    return set(AssignedLearner.objects.values_list("user__username", flat=True))


@pytest.fixture
def course(db):
    return make_course(title="Working with open data", modules=1)


# --- the search view ---------------------------------------------------------------


@pytest.mark.django_db
def test_people_search_for_every_persona_returns_only_their_scope(
    personas, client_for, persona_matrix
):
    def search_everyone(client, _persona):
        return {name: search(client, name) for name in EVERYONE}

    searches = persona_matrix(reverse(SEARCH), ASSIGNERS_ONLY, request=search_everyone)
    for persona, expected in ASSIGNERS_ONLY.items():
        client = client_for(personas[persona])
        if expected == 200:
            for name, response in searches[persona].items():
                found = names(response)
                assert found == {name} & FINDS[persona], (persona, name, found)
            # A manager's search never reaches another team, by any route.
            for other in EVERYONE:
                employee = Employee.objects.get(user__first_name=other.split()[0])
                by_number = names(search(client, employee.employee_number))
                assert by_number == {other} & FINDS[persona], (persona, other)
            by_unit = names(search(client, "Road Crew"))
            crews = {"Alice Arsenault", "Bob Bouchard", "Charlie Chen", "Dana Dubois"}
            assert by_unit == crews & FINDS[persona], persona


@pytest.mark.django_db
def test_results_show_name_number_and_unit_to_tell_namesakes_apart(
    personas, org, client_for
):
    bob = personas["manager"]
    night = OrgUnitFactory(code="NIGHT", name="Night Crew", parent=org["team_a"])
    day = crew(org, bob, 1, first="Alex", last="Martin")
    evening = crew(org, bob, 2, unit=night, first="Alex", last="Martin")
    # Dana's Alex Martin is someone Bob must never see.
    dana = personas["other_manager"]
    crew(org, dana, 3, unit=org["team_b"], first="Alex", last="Martin")
    results = search(client_for(bob), "alex mar").json()["results"]
    assert sorted(results, key=lambda r: r["employee_number"]) == [
        {
            "id": day.pk,
            "name": "Alex Martin",
            "employee_number": "770001",
            "unit": "Road Crew A",
            "label": "Alex Martin (770001)",
        },
        {
            "id": evening.pk,
            "name": "Alex Martin",
            "employee_number": "770002",
            "unit": "Night Crew",
            "label": "Alex Martin (770002)",
        },
    ]
    # Every word must match something: name, number or unit.
    assert names(search(client_for(bob), "alex night")) == {"Alex Martin"}
    assert len(search(client_for(bob), "alex night").json()["results"]) == 1


@pytest.mark.django_db
def test_short_queries_find_nobody_and_long_ones_are_capped(personas, org, client_for):
    bob = personas["manager"]
    for n in range(PEOPLE_SEARCH_LIMIT + 5):
        crew(org, bob, n)
    client = client_for(bob)
    assert search(client, "c").json() == {"results": [], "more": False}
    assert search(client, "").json() == {"results": [], "more": False}
    capped = search(client, "crew").json()
    assert len(capped["results"]) == PEOPLE_SEARCH_LIMIT
    assert capped["more"] is True
    assert "no-store" in search(client, "crew")["Cache-Control"]


def _queries(client, query: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert search(client, query).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["manager", "ld_admin"])
def test_people_search_queries_do_not_grow_with_the_matches(
    persona, personas, org, client_for, django_assert_max_num_queries
):
    bob = personas["manager"]
    client = client_for(personas[persona])
    for n in range(3):
        crew(org, bob, n)
    search(client, "crew")  # warm the session
    small = _queries(client, "crew")
    for n in range(3, 60):
        crew(org, bob, n)
    with django_assert_max_num_queries(small):
        results = search(client, "crew").json()["results"]
    assert len(results) == PEOPLE_SEARCH_LIMIT
    assert small <= 8


# --- the form: a search box backed by an id, and it works without JavaScript ------


@pytest.mark.django_db
def test_the_form_no_longer_lists_everyone_and_costs_the_same_for_any_org(
    personas, org, client_for
):
    lee = personas["ld_admin"]
    client = client_for(lee)
    url = reverse("assignments:assign")
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        page = client.get(url).text
    assert f'data-search-url="{reverse(SEARCH)}"' in page
    assert 'name="person"' in page and 'type="hidden" name="target_employee"' in page
    for n in range(40):
        crew(org, personas["manager"], n)
    with CaptureQueriesContext(connection) as large:
        page = client.get(url).text
    assert "Crew M0" not in page and "Alice Arsenault" not in page
    assert len(large.captured_queries) == len(small.captured_queries)


@pytest.mark.django_db
def test_without_javascript_an_employee_number_or_a_unique_name_is_enough(
    course, personas, org, client_for
):
    bob = personas["manager"]
    client = client_for(bob)
    url = reverse("assignments:assign")
    alice = personas["employee"].employee
    response = client.post(url, form_data(course, person=f" {alice.employee_number} "))
    assert response.status_code == 302
    assert assigned_usernames() == {"alice"}
    crew(org, bob, 7, first="Ravi", last="Shankar")
    response = client.post(
        url, form_data(course, person="ravi", reason="A second assignment")
    )
    assert response.status_code == 302
    assert assigned_usernames() == {"alice", "crew7"}


@pytest.mark.django_db
def test_several_matches_are_listed_with_their_numbers_and_nothing_is_assigned(
    course, personas, org, client_for
):
    bob = personas["manager"]
    crew(org, bob, 1, first="Alex", last="Martin")
    crew(org, bob, 2, first="Alex", last="Martin")
    response = client_for(bob).post(
        reverse("assignments:assign"), form_data(course, person="Alex Martin")
    )
    assert response.status_code == 200
    page = response.text
    assert "Several people match" in page
    assert "Alex Martin (770001, Road Crew A)" in page
    assert "Alex Martin (770002, Road Crew A)" in page
    assert 'value="Alex Martin"' in page  # what was typed stays
    assert not Assignment.objects.exists()


@pytest.mark.django_db
def test_typing_someone_out_of_scope_finds_nobody_and_names_nobody(
    course, personas, client_for
):
    charlie = personas["peer"].employee
    client = client_for(personas["manager"])
    for typed in [charlie.employee_number, "Charlie Chen", "Dana"]:
        response = client.post(
            reverse("assignments:assign"), form_data(course, person=typed)
        )
        assert response.status_code == 200, typed
        assert "Nobody you may assign to matches" in response.text, typed
        assert "Chen (" not in response.text and "Dubois (" not in response.text
    assert not Assignment.objects.exists()
    # An id posted from outside the scope is a 404, as for any such URL.
    response = client.post(
        reverse("assignments:assign"),
        form_data(course, target_employee=charlie.pk, person="Charlie Chen"),
    )
    assert response.status_code == 404


@pytest.mark.django_db
def test_the_typed_text_wins_over_a_stale_chosen_id(course, personas, org, client_for):
    """Without JavaScript a preselected id stays in the page; a new number overrides it."""
    bob = personas["manager"]
    alice = personas["employee"].employee
    other = crew(org, bob, 5)
    response = client_for(bob).post(
        reverse("assignments:assign"),
        form_data(course, target_employee=alice.pk, person=other.employee_number),
    )
    assert response.status_code == 302
    assert assigned_usernames() == {"crew5"}


@pytest.mark.django_db
def test_a_chosen_person_is_assigned_by_id(course, personas, client_for):
    alice = personas["employee"].employee
    response = client_for(personas["manager"]).post(
        reverse("assignments:assign"),
        form_data(
            course,
            target_employee=alice.pk,
            person=f"Alice Arsenault ({alice.employee_number})",
        ),
    )
    assert response.status_code == 302
    assert assigned_usernames() == {"alice"}


@pytest.mark.django_db
def test_unit_codes_and_names_of_other_teams_find_nobody(personas, org, client_for):
    """A manager typing another team's code or name finds none of its people."""
    client = client_for(personas["manager"])
    assert names(search(client, "team-a")) == {"Alice Arsenault"}
    for typed in ["TEAM-B", "team-b", "Road Crew B", "SEC", "DIV", "Public Works"]:
        assert names(search(client, typed)) == set(), typed


@pytest.mark.django_db
def test_people_who_left_are_never_found_or_assigned(course, personas, org, client_for):
    """An inactive employee in the team: not by name, number or unit, not by the form."""
    bob = personas["manager"]
    gone = crew(org, bob, 9, first="Gwen", last="Gone")
    Employee.objects.filter(pk=gone.pk).update(is_active=False)
    client = client_for(bob)
    for typed in ["Gwen", "Gone", gone.employee_number, "TEAM-A", "Road Crew A"]:
        assert "Gwen Gone" not in names(search(client, typed)), typed
    for person in [gone.employee_number, "Gwen Gone"]:
        response = client.post(
            reverse("assignments:assign"), form_data(course, person=person)
        )
        assert response.status_code == 200, person
        assert "Nobody you may assign to matches" in response.text, person
    response = client.post(
        reverse("assignments:assign"),
        form_data(course, target_employee=gone.pk, person="Gwen Gone"),
    )
    assert response.status_code == 404
    assert not Assignment.objects.exists()


@pytest.mark.django_db
def test_what_was_typed_is_shown_back_as_text_not_markup(course, personas, client_for):
    typed = '<img src=x onerror="alert(1)">'
    response = client_for(personas["manager"]).post(
        reverse("assignments:assign"), form_data(course, person=typed)
    )
    assert response.status_code == 200
    assert "Nobody you may assign to matches" in response.text
    assert "<img src=x" not in response.text
    assert "&lt;img src=x" in response.text


# --- accents and case: French and Polish names, typed any way -------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "typed, found",
    [
        ("Émile", "Émile Lévesque"),
        ("émile", "Émile Lévesque"),
        ("emile", "Émile Lévesque"),
        ("EMILE", "Émile Lévesque"),
        ("LÉVESQUE", "Émile Lévesque"),
        ("levesque", "Émile Lévesque"),
        ("émile lev", "Émile Lévesque"),
        ("wozniak", "Zoë Woźniak"),
        ("WOŹNIAK", "Zoë Woźniak"),
        ("zoe", "Zoë Woźniak"),
        ("Hélène", "Hélène O’Brien"),  # found by her preferred name
        ("o'brien", "Hélène O’Brien"),
        ("obrien", "Hélène O’Brien"),
        ("strasse", "Jürgen Straße"),
    ],
)
def test_names_are_found_whatever_the_accents_and_case_typed(
    typed, found, personas, org, client_for
):
    bob = personas["manager"]
    crew(org, bob, 1, first="Émile", last="Lévesque")
    crew(org, bob, 2, first="Zoë", last="Woźniak")
    helene = crew(org, bob, 3, first="Marie", last="O’Brien")
    helene.preferred_name = "Hélène"
    helene.save()
    crew(org, bob, 4, first="Jürgen", last="Straße")
    # Dana's namesake is someone Bob must never find, however it is typed.
    crew(
        org,
        personas["other_manager"],
        5,
        unit=org["team_b"],
        first="Émile",
        last="Lévesque",
    )
    response = search(client_for(bob), typed)
    assert [r["name"] for r in response.json()["results"]] == [found]


@pytest.mark.django_db
def test_a_rename_is_found_by_the_new_name_only(personas, org, client_for):
    bob = personas["manager"]
    person = crew(org, bob, 1, first="Emily", last="Leveque")
    person.first_name, person.last_name = "Émilie", "Lévêque"
    person.save(update_fields=["first_name", "last_name"])
    client = client_for(bob)
    assert names(search(client, "emilie leveque")) == {"Émilie Lévêque"}
    assert names(search(client, "emily")) == set()


@pytest.mark.django_db
def test_without_javascript_an_unaccented_unique_name_is_enough(
    course, personas, org, client_for
):
    bob = personas["manager"]
    crew(org, bob, 7, first="Émile", last="Lévesque")
    response = client_for(bob).post(
        reverse("assignments:assign"), form_data(course, person="emile levesque")
    )
    assert response.status_code == 302
    assert assigned_usernames() == {"crew7"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "typed", ["Déneigement", "déneigement", "DÉNEIGEMENT", "deneig"]
)
def test_units_are_found_whatever_the_accents_and_case_typed(
    typed, personas, org, client_for
):
    bob = personas["manager"]
    snow = OrgUnitFactory(code="SNOW", name="Déneigement", parent=org["team_a"])
    crew(org, bob, 1, unit=snow, first="Ravi", last="Shankar")
    other = OrgUnitFactory(code="SNOW-B", name="Déneigement", parent=org["team_b"])
    crew(org, personas["other_manager"], 2, unit=other, first="Rita", last="Ora")
    assert names(search(client_for(bob), typed)) == {"Ravi Shankar"}
