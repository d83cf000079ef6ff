"""Check-in answers given the way staff give them, in rounds that have since closed."""

from datetime import timedelta

from django.utils import timezone

from change.models import CheckInRound
from change.services import checkin_submit
from tests.change.factories import CheckInRoundFactory
from tests.people.factories import EmployeeFactory

READY = {"understand": 5, "commit": 4, "learn": 4, "apply": 4, "sustain": 5}


def closed_round(initiative, *, name="Baseline", weeks_ago=2) -> CheckInRound:
    """A round that ran a week, `weeks_ago` weeks ago: its results may be shown."""
    today = timezone.localdate()
    opens = today - timedelta(weeks=weeks_ago)
    return CheckInRoundFactory(
        initiative=initiative, name=name, opens_on=opens, closes_on=opens + timedelta(6)
    )


def answer(checkin_round, employee, comment="", **scores):
    """One person's answers, submitted while the round was open."""
    return checkin_submit(
        checkin_round=checkin_round,
        employee=employee,
        scores={**READY, **scores},
        comment=comment,
        today=checkin_round.opens_on,
    )


def staff(unit, count, **extra):
    """`count` new people in `unit`, each with a login (linked training needs one)."""
    return [EmployeeFactory(org_unit=unit, **extra) for _ in range(count)]
