"""The readiness dashboard page and its CSV: who may see them, and what they show."""

import csv
import io

from django.urls import reverse

import pytest

from change.models import Initiative
from change.results import readiness_results_refresh
from change.services import change_leads_sync
from tests.change.builders import answer, closed_round, staff
from tests.change.factories import InitiativeFactory
from tests.people.factories import EmployeeFactory, OrgUnitFactory, UserFactory
from tests.personas import LOGIN, OK


@pytest.fixture
def rollout(org, employee, manager):
    """Road Crew A (Alice and her manager Bob, plus ten more) answered a round."""
    initiative = InitiativeFactory(units=[org["team_a"]], name="311 rollout")
    baseline = closed_round(initiative)
    # Commit spread over 4 and 5, so that cell is not one answer for all.
    for person, commit in zip(staff(org["team_a"], 10), [4, 5] * 5, strict=True):
        answer(baseline, person, learn=2, commit=commit)
    return initiative


def _url(initiative, **params):
    url = reverse("change:readiness", args=[initiative.slug])
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"{url}?{query}" if query else url


def test_who_may_open_the_dashboard(rollout, persona_matrix):
    # Bob heads the affected team; Dana heads another one; Charlie is not affected.
    persona_matrix(
        _url(rollout),
        {
            "anonymous": LOGIN,
            "employee": 403,
            "peer": 403,
            "manager": OK,
            "other_manager": 403,
            "trainer": 403,
            "ld_admin": OK,
        },
    )


def test_the_csv_follows_the_same_rule(rollout, persona_matrix):
    persona_matrix(
        _url(rollout, format="csv"),
        {
            "anonymous": LOGIN,
            "employee": 403,
            "peer": 403,
            "manager": OK,
            "other_manager": 403,
            "trainer": 403,
            "ld_admin": OK,
        },
    )


def test_a_change_lead_and_the_sponsor_see_it_and_a_stranger_does_not(
    rollout, client_for, org
):
    lead = UserFactory(username="lena")
    rollout.change_leads.set([lead])
    sponsor = EmployeeFactory(org_unit=org["division"])
    rollout.sponsor = sponsor
    rollout.save()
    stranger = EmployeeFactory(org_unit=org["team_b"])

    assert client_for(lead).get(_url(rollout)).status_code == 200
    assert client_for(sponsor.user).get(_url(rollout)).status_code == 200
    assert client_for(stranger.user).get(_url(rollout)).status_code == 403


def test_a_manager_is_refused_while_the_initiative_is_only_planned(
    rollout, client_for, manager, ld_admin
):
    rollout.status = Initiative.Status.PLANNED
    rollout.save()

    assert client_for(manager).get(_url(rollout)).status_code == 403
    assert client_for(ld_admin).get(_url(rollout)).status_code == 200


def test_the_page_shows_numbers_in_cells_and_the_trend_table(
    rollout, client_for, ld_admin
):
    # Two more, held up at Commit: ten of twelve still at Learn.
    baseline = rollout.rounds.get()
    for person in staff(rollout.units.get(), 2):
        answer(baseline, person, commit=3)
    page = client_for(ld_admin).get(_url(rollout)).content.decode()

    assert "Readiness: 311 rollout" in page
    assert "Road Crew A" in page
    # Commit: five 4s, five 5s and two 3s.
    assert str(round((20 + 25 + 6) / 12, 1)) in page and "83% at 4–5" in page
    # Understand: everyone gave 5, which a mean of 5.0 would tell of each.
    assert "Most scored 5" in page and "100% at 4–5" not in page
    assert "Most people are held up at Learn." in page
    assert "<svg" in page and "Ready across rounds" in page


def test_a_manager_sees_their_team_and_not_the_whole_initiative(
    rollout, client_for, manager
):
    page = client_for(manager).get(_url(rollout)).content.decode()

    assert "Road Crew A" in page
    assert "Everyone affected" not in page


def test_the_roads_sub_unit_is_hidden_on_the_page(org, client_for, ld_admin):
    initiative = InitiativeFactory(units=[org["section"]])
    baseline = closed_round(initiative)
    night = OrgUnitFactory(code="NIGHT", name="Night crew", parent=org["section"])
    for person in staff(night, 5):
        answer(baseline, person)
    answer(baseline, staff(org["section"], 1)[0], apply=2)

    page = client_for(ld_admin).get(_url(initiative)).content.decode()

    assert "hidden to protect a smaller group" in page


def test_the_csv_holds_aggregates_only(rollout, client_for, ld_admin):
    response = client_for(ld_admin).get(_url(rollout, format="csv"))

    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    header, *body = rows
    assert header[:5] == ["Unit", "Affected", "Trained", "Invited", "Responses (about)"]
    team = next(row for row in body if row[0] == "Road Crew A")
    assert team[1] == "12"  # Alice, Bob and the ten who answered
    assert team[4] == "10"
    assert "most" in team
    # No respondent keys, no names, no comments: the answers never leave.
    assert not any("Alice" in cell for row in body for cell in row)


@pytest.mark.parametrize("people", [6, 30])
def test_the_page_costs_the_same_queries_at_any_size(
    org, client_for, ld_admin, people, django_assert_max_num_queries
):
    initiative = InitiativeFactory(units=[org["section"]])
    baseline = closed_round(initiative)
    for unit in (org["team_a"], org["team_b"]):
        for person in staff(unit, people):
            answer(baseline, person)
    client = client_for(ld_admin)
    # The daily run after the round closed stored the results.
    readiness_results_refresh(initiative=initiative)

    # One more than before: whether the initiative has usage data (change.adoption).
    with django_assert_max_num_queries(28):
        assert client.get(_url(initiative)).status_code == 200


def test_a_change_lead_finds_the_dashboard_in_the_initiatives_admin(
    rollout, client_for
):
    lead = UserFactory(username="lena")
    rollout.change_leads.set([lead])
    change_leads_sync()

    listing = client_for(lead).get(reverse("change_initiative:index"))

    assert listing.status_code == 200
    assert f'href="{_url(rollout)}"' in listing.content.decode()
