"""The person search behind the assign form: only people in scope, by name, number or unit.

Personas (tests/conftest.py): Bob manages Team A (Alice); Dana manages Team B
(Charlie); Tess is a trainer; Lee is an L&D admin.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from assignments.scope import PEOPLE_SEARCH_LIMIT
from people.models import Employee
from tests.assignments.people_search.helpers import (
    ASSIGNERS_ONLY,
    EVERYONE,
    FINDS,
    SEARCH,
    crew,
    names,
    search,
)
from tests.people.factories import OrgUnitFactory

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
