"""While a round is open the dashboard shows only how many answered, coarsely."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from change.models import CheckInInvitation
from change.readiness import readiness
from change.results import readiness_results_refresh
from tests.change.builders import staff
from tests.change.factories import CheckInRoundFactory, InitiativeFactory


def _open_round(initiative, people, *, answered):
    checkin_round = CheckInRoundFactory(
        initiative=initiative,
        name="First week",
        opens_on=timezone.localdate() - timedelta(days=2),
        closes_on=timezone.localdate() + timedelta(days=5),
    )
    for n, person in enumerate(people):
        CheckInInvitation.objects.create(
            round=checkin_round, employee=person, responded=n < answered
        )
    return checkin_round


def _row(dashboard, name):
    return next(row for row in dashboard.rows if row.name == name)


@pytest.mark.parametrize(("invited", "rate"), [(9, None), (10, 60), (13, 50)])
def test_a_unit_shows_its_rate_so_far_from_ten_invited(org, invited, rate):
    initiative = InitiativeFactory(units=[org["team_a"]])
    # 6 of 10 answered: 60%; 6 of 13 (46%) reads 50%.
    _open_round(initiative, staff(org["team_a"], invited), answered=6)

    dashboard = readiness(initiative=initiative, unit_paths=None)

    assert _row(dashboard, "Road Crew A").open_rate == rate
    assert _row(dashboard, "Road Crew A").summary.hidden  # no answers shown


def test_the_page_says_it_and_shows_no_answers(org, client_for, ld_admin):
    initiative = InitiativeFactory(units=[org["team_a"]])
    _open_round(initiative, staff(org["team_a"], 10), answered=7)

    page = client_for(ld_admin).get(reverse("change:readiness", args=[initiative.slug]))

    text = page.content.decode()
    assert "Answered so far: First week" in text
    assert "about 70%" in text
    assert "Readiness by stage" not in text


def test_once_closed_the_round_has_no_rate_so_far(org):
    initiative = InitiativeFactory(units=[org["team_a"]])
    checkin_round = _open_round(initiative, staff(org["team_a"], 10), answered=7)

    later = readiness(
        initiative=initiative,
        unit_paths=None,
        today=checkin_round.closes_on + timedelta(days=1),
    )

    assert later.open_round is None
    assert _row(later, "Road Crew A").open_rate is None


@pytest.mark.parametrize("people", [10, 40])
def test_the_rates_cost_one_query_at_any_size(org, people, django_assert_num_queries):
    initiative = InitiativeFactory(units=[org["section"]])
    _open_round(initiative, staff(org["team_a"], people), answered=5)
    readiness_results_refresh(initiative=initiative)

    # With no round closed there is no invited count and no stored row to
    # read; one of the eight reads the rates.
    with django_assert_num_queries(8):
        dashboard = readiness(initiative=initiative, unit_paths=None)
    assert _row(dashboard, "Road Crew A").open_rate is not None
