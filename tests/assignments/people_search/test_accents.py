"""The person search finds French and Polish names (and units) typed any way."""

from django.urls import reverse

import pytest

from tests.assignments.people_search.helpers import (
    assigned_usernames,
    crew,
    form_data,
    names,
    search,
)
from tests.people.factories import OrgUnitFactory

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
