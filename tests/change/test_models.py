from datetime import date

from django.db import IntegrityError, transaction

import pytest

from change.models import CheckInResponse, CheckInRound
from change.respondents import respondent_key
from tests.change.factories import CheckInRoundFactory, InitiativeFactory


def test_a_round_is_upcoming_then_open_then_closed_from_its_dates(db):
    checkin_round = CheckInRoundFactory(
        opens_on=date(2026, 3, 1), closes_on=date(2026, 3, 14)
    )
    assert checkin_round.state_on(date(2026, 2, 28)) == CheckInRound.State.UPCOMING
    assert checkin_round.state_on(date(2026, 3, 1)) == CheckInRound.State.OPEN
    assert checkin_round.state_on(date(2026, 3, 14)) == CheckInRound.State.OPEN
    assert checkin_round.state_on(date(2026, 3, 15)) == CheckInRound.State.CLOSED
    rounds = CheckInRound.objects.all()
    assert list(rounds.open_on(date(2026, 3, 14))) == [checkin_round]
    assert list(rounds.closed_on(date(2026, 3, 14))) == []
    assert list(rounds.closed_on(date(2026, 3, 15))) == [checkin_round]


def test_a_round_cannot_close_before_it_opens(db):
    with pytest.raises(IntegrityError):
        CheckInRoundFactory(opens_on=date(2026, 3, 2), closes_on=date(2026, 3, 1))


def test_the_respondent_key_is_stable_per_initiative_and_differs_between_them(db):
    key = respondent_key(initiative_id=1, employee_id=7)
    assert key == respondent_key(initiative_id=1, employee_id=7)
    assert key != respondent_key(initiative_id=2, employee_id=7)
    assert key != respondent_key(initiative_id=1, employee_id=8)
    assert len(key) == 64


def test_the_key_depends_on_the_secret(settings):
    settings.CHANGE_RESPONDENT_KEY_SECRET = ""
    derived = respondent_key(initiative_id=1, employee_id=7)
    settings.CHANGE_RESPONDENT_KEY_SECRET = "held-outside-the-database"
    assert respondent_key(initiative_id=1, employee_id=7) != derived


def test_one_response_per_key_per_round_and_scores_stay_within_one_to_five(org):
    checkin_round = CheckInRoundFactory(initiative=InitiativeFactory())
    scores = {"understand": 4, "commit": 4, "learn": 4, "apply": 4, "sustain": 4}
    CheckInResponse.objects.create(
        round=checkin_round, respondent_key="k", unit=org["team_a"], **scores
    )
    with transaction.atomic(), pytest.raises(IntegrityError):
        CheckInResponse.objects.create(
            round=checkin_round, respondent_key="k", unit=org["team_a"], **scores
        )
    with transaction.atomic(), pytest.raises(IntegrityError):
        CheckInResponse.objects.create(
            round=checkin_round,
            respondent_key="other",
            unit=org["team_a"],
            **{**scores, "learn": 6},
        )
