from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

import pytest

from change.models import Initiative
from change.permissions import (
    user_can_check_in,
    user_can_create_initiative,
    user_can_manage_initiative,
    user_can_manage_initiatives,
    user_can_view_my_change,
)
from tests.change.factories import CheckInRoundFactory, InitiativeFactory


def _user(personas, name):
    return personas[name] or AnonymousUser()


@pytest.fixture
def led(org, manager):
    """Road Crew A's rollout, led by its manager; another initiative led by nobody."""
    ours = InitiativeFactory(units=[org["team_a"]], change_leads=[manager])
    theirs = InitiativeFactory(units=[org["team_b"]])
    return ours, theirs


def test_l_and_d_admins_manage_every_initiative_and_change_leads_only_theirs(
    personas, led
):
    ours, theirs = led
    may = {
        name: (
            user_can_manage_initiative(_user(personas, name), ours),
            user_can_manage_initiative(_user(personas, name), theirs),
            user_can_manage_initiatives(_user(personas, name)),
            user_can_create_initiative(_user(personas, name)),
        )
        for name in personas
    }
    assert may == {
        "anonymous": (False, False, False, False),
        "employee": (False, False, False, False),
        "peer": (False, False, False, False),
        "manager": (True, False, True, False),
        "other_manager": (False, False, False, False),
        "trainer": (False, False, False, False),
        "ld_admin": (True, True, True, True),
    }


def test_only_affected_people_check_in_while_a_round_is_open(personas, org):
    # Team A is affected; the division's staff (trainer, L&D admin) and team B are not.
    initiative = InitiativeFactory(units=[org["team_a"]])
    checkin_round = CheckInRoundFactory(initiative=initiative)
    allowed = {
        name
        for name in personas
        if user_can_check_in(_user(personas, name), checkin_round)
    }
    assert allowed == {"employee", "manager"}
    viewers = {
        name
        for name in personas
        if user_can_view_my_change(_user(personas, name), initiative)
    }
    assert viewers == {"employee", "manager"}


def test_nobody_checks_in_to_an_upcoming_or_closed_round(employee, org):
    initiative = InitiativeFactory(units=[org["team_a"]])
    today = timezone.localdate()
    upcoming = CheckInRoundFactory(
        initiative=initiative,
        opens_on=today + timedelta(days=1),
        closes_on=today + timedelta(days=5),
    )
    closed = CheckInRoundFactory(
        initiative=initiative,
        opens_on=today - timedelta(days=9),
        closes_on=today - timedelta(days=1),
    )
    assert not user_can_check_in(employee, upcoming)
    assert not user_can_check_in(employee, closed)


def test_a_planned_initiative_is_not_shown_and_a_closed_one_takes_no_answers(
    employee, org
):
    initiative = InitiativeFactory(
        units=[org["team_a"]], status=Initiative.Status.PLANNED
    )
    checkin_round = CheckInRoundFactory(initiative=initiative)
    assert not user_can_view_my_change(employee, initiative)
    assert not user_can_check_in(employee, checkin_round)
    initiative.status = Initiative.Status.CLOSED
    initiative.save()
    assert user_can_view_my_change(employee, initiative)
    assert not user_can_check_in(employee, checkin_round)


def test_a_leaver_no_longer_checks_in(employee, org):
    checkin_round = CheckInRoundFactory(
        initiative=InitiativeFactory(units=[org["team_a"]])
    )
    employee.employee.is_active = False
    employee.employee.save()
    assert not user_can_check_in(employee, checkin_round)
