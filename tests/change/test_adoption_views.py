"""The adoption section of the readiness dashboard and its CSV columns."""

import csv
import io

from django.urls import reverse

import pytest

from change.adoption_results import adoption_results_refresh
from change.results import readiness_results_refresh
from tests.change.builders import answer, closed_round, staff, trained, used
from tests.change.factories import InitiativeFactory
from tests.personas import LOGIN, OK

ADOPTION_COLUMNS = [
    "Using",
    "Adoption rate %",
    "Trained and using",
    "Trained, not using",
    "Using without training",
    "Not ready and not using",
]


@pytest.fixture
def roads(org, employee, manager, peer, other_manager, ld_admin):
    """All of Roads: Road Crew A (Bob's) trained and using; Crew B (Dana's) idle."""
    initiative = InitiativeFactory(units=[org["section"]], name="311 rollout")
    latest = closed_round(initiative)
    crew_a = staff(org["team_a"], 7)
    crew_b = staff(org["team_b"], 9)
    for person in crew_a + crew_b:
        answer(latest, person, learn=2 if person in crew_b else 4)
    trained(initiative, crew_a + crew_b, actor=ld_admin)
    for person in crew_a:
        used(initiative, person, days_ago=3)
    return initiative


def _url(initiative, **params):
    url = reverse("change:readiness", args=[initiative.slug])
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"{url}?{query}" if query else url


def _csv(response):
    header, *body = list(csv.reader(io.StringIO(response.content.decode())))
    return header, {row[0]: dict(zip(header, row, strict=True)) for row in body}


def test_who_may_open_the_dashboard_is_unchanged_by_usage_data(roads, persona_matrix):
    expected = {
        "anonymous": LOGIN,
        "employee": 403,
        "peer": 403,
        "manager": OK,
        "other_manager": OK,  # Dana heads Road Crew B, also affected
        "trainer": 403,
        "ld_admin": OK,
    }
    persona_matrix(_url(roads), expected)
    persona_matrix(_url(roads, format="csv"), expected)


def test_the_page_shows_the_using_column_and_the_quadrant(roads, client_for, ld_admin):
    page = client_for(ld_admin).get(_url(roads)).content.decode()

    assert "adoption of the new tool is not imported yet" not in page
    assert "Adoption of the new 311 system" in page
    assert (
        '<caption id="adoption-caption">Adoption rate and where to act, per unit.'
        in page
    )
    # Crew A: 7 of 9 using (Alice and Bob are affected, not using).
    assert "7 of 9" in page and "78%" in page
    assert "fewer than 5" in page
    # Crew B: nine trained, not using, all stuck at Learn in the last round.
    assert "80% or more of about 10 who answered" in page
    assert 'style="' not in page.split('id="adoption-heading"')[1]


def test_a_manager_of_another_team_sees_none_of_crew_as_figures(
    roads, client_for, other_manager
):
    # Dana heads Crew B: Crew A's, Roads' and everyone's figures are not hers.
    response = client_for(other_manager).get(_url(roads))
    page = response.content.decode()

    assert response.status_code == 200
    assert "Road Crew B" in page
    assert "Road Crew A" not in page and "Everyone affected" not in page
    assert "7 of 9" not in page and "7 of 20" not in page
    header, rows = _csv(client_for(other_manager).get(_url(roads, format="csv")))
    assert list(rows) == ["Road Crew B"]
    assert rows["Road Crew B"]["Using"] == "0"


def test_the_csv_has_the_adoption_columns(roads, client_for, ld_admin):
    header, rows = _csv(client_for(ld_admin).get(_url(roads, format="csv")))

    assert header[-6:] == ADOPTION_COLUMNS
    crew_a = rows["Road Crew A"]
    assert (crew_a["Using"], crew_a["Adoption rate %"]) == ("7", "78")
    assert crew_a["Trained and using"] == "7"
    assert crew_a["Trained, not using"] == "fewer than 5"
    crew_b = rows["Road Crew B"]
    assert crew_b["Trained, not using"] == "9"
    assert crew_b["Not ready and not using"] == "80% or more of about 10 who answered"


def test_without_usage_data_the_page_says_so(org, client_for, ld_admin):
    initiative = InitiativeFactory(units=[org["team_a"]])
    answer(closed_round(initiative), staff(org["team_a"], 1)[0])
    client = client_for(ld_admin)

    page = client.get(_url(initiative)).content.decode()
    header, rows = _csv(client.get(_url(initiative, format="csv")))

    assert "No usage data yet — import it in the admin." in page
    assert rows["Road Crew A"]["Using"] == ""


def test_without_usage_data_those_who_may_import_get_the_link(
    org, client_for, ld_admin, manager, other_manager
):
    # Bob (manager) leads this initiative; Dana heads a unit it affects.
    initiative = InitiativeFactory(units=[org["section"]], change_leads=[manager])
    answer(closed_round(initiative), staff(org["team_a"], 1)[0])
    link = reverse("change_usage:import", args=[initiative.pk])

    for persona in (ld_admin, manager):
        page = client_for(persona).get(_url(initiative)).content.decode()
        assert f'<a href="{link}">Import usage</a>' in page

    response = client_for(other_manager).get(_url(initiative))
    assert response.status_code == 200
    assert "No usage data yet" in response.content.decode()
    assert link not in response.content.decode()


@pytest.mark.parametrize("people", [6, 30])
def test_the_page_with_usage_costs_the_same_queries_at_any_size(
    org, client_for, ld_admin, people, django_assert_max_num_queries
):
    initiative = InitiativeFactory(units=[org["section"]])
    latest = closed_round(initiative)
    everyone = []
    for unit in (org["team_a"], org["team_b"]):
        for person in staff(unit, people):
            answer(latest, person)
            everyone.append(person)
    trained(initiative, everyone[::2], actor=ld_admin)
    for person in everyone[::3]:
        used(initiative, person)
    client = client_for(ld_admin)
    # The background run after the round closed stored the results, and the
    # adoption figures beside them.
    readiness_results_refresh(initiative=initiative)
    adoption_results_refresh(initiative=initiative)

    with django_assert_max_num_queries(30):
        assert client.get(_url(initiative)).status_code == 200
