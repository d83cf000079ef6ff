"""A double or simultaneous check-in submit: one response, the last answers, no error.

Threads, each with its own connection, released together. On PostgreSQL the
unique (round, key) and the response's row lock serialise them; SQLite needs a database file (in memory,
its shared cache fails instead of waiting, which is no test of the product).
"""

from datetime import timedelta

from django.db import connection
from django.utils import timezone

import pytest

from change.models import CheckInInvitation, CheckInResponse
from change.services import checkin_submit
from tests.change.factories import CheckInRoundFactory, InitiativeFactory
from tests.concurrency import all_at_once

SIMULTANEOUS = 8

pytestmark = pytest.mark.skipif(
    connection.vendor == "sqlite"
    and connection.settings_dict["TEST"].get("NAME") in (None, "", ":memory:"),
    reason="SQLite in memory cannot show locking: set TEST_DB_NAME",
)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("invited", [True, False])
def test_simultaneous_submits_leave_one_response(org, employee, invited):
    initiative = InitiativeFactory(
        units=[org["team_a"]], go_live=timezone.localdate() - timedelta(days=1)
    )
    checkin_round = CheckInRoundFactory(initiative=initiative)
    person = employee.employee
    if invited:  # the e-mail went out first; else there is no invitation yet
        CheckInInvitation.objects.create(round=checkin_round, employee=person)

    def submit(score):
        return lambda: checkin_submit(
            checkin_round=checkin_round,
            employee=person,
            scores={
                "understand": score,
                "commit": 4,
                "learn": 4,
                "apply": 4,
                "sustain": 4,
            },
        )

    all_at_once([submit(1 + i % 5) for i in range(SIMULTANEOUS)])
    assert CheckInResponse.objects.filter(round=checkin_round).count() == 1
    # Answering leaves the invitation alone: the daily run marks it.
    assert CheckInInvitation.objects.filter(round=checkin_round).count() == int(invited)
    assert not CheckInInvitation.objects.filter(responded=True).exists()
