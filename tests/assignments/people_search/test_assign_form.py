"""The assign form's person box: a search backed by an id, that works without JavaScript.

Personas (tests/conftest.py): Bob manages Team A (Alice); Dana manages Team B
(Charlie); Tess is a trainer; Lee is an L&D admin.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from assignments.models import Assignment
from people.models import Employee
from tests.assignments.people_search.helpers import (
    SEARCH,
    assigned_usernames,
    crew,
    form_data,
    names,
    search,
)

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
