"""Check-in answers given the way staff give them, in rounds that have since closed,
and the usage and completed training that adoption figures are made of."""

from datetime import timedelta

from django.utils import timezone

from assignments.models import AssignedLearner
from change.models import CheckInRound, UsageDay
from change.services import checkin_submit, initiative_training_sync
from tests.change.factories import CheckInRoundFactory
from tests.courses.factories import make_course
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


def used(initiative, person, *, days_ago=0, count=3):
    """`person` used the tool `days_ago` days ago (count 0: reported, not active)."""
    UsageDay.objects.create(
        initiative=initiative,
        employee=person,
        day=timezone.localdate() - timedelta(days=days_ago),
        count=count,
    )


def trained(initiative, people, *, actor):
    """The initiative has linked training, and these people have completed it."""
    if not initiative.courses.exists():
        initiative.courses.set([make_course(title="The 311 system")])
    initiative_training_sync(initiative=initiative, actor=actor)
    AssignedLearner.objects.filter(user_id__in=[p.user_id for p in people]).update(
        completed_on="2026-01-05", completed_at="2026-01-05T10:00Z"
    )
