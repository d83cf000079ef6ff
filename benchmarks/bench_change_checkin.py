"""Check-in submit in-process: a first answer and a changed answer, with their queries."""

import itertools
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from benchmarks.harness import Figure, paired_ms
from change.models import CheckInInvitation, CheckInRound, Initiative
from change.services import checkin_submit
from people.models import Employee, OrgUnit

# Who answers: the unit's size only matters to the audience, not to one submit.
PEOPLE = 2_000
UNIT = "BENCH-CHANGE"
SCORES = {"understand": 4, "commit": 4, "learn": 3, "apply": 4, "sustain": 5}


def _build() -> tuple[CheckInRound, list[Employee]]:
    """An active initiative over one 2,000-person unit with an open round."""
    initiative = Initiative.objects.filter(slug="bench-change").first()
    if initiative is None:
        user_model = get_user_model()
        with transaction.atomic():
            unit = OrgUnit.add_root(code=UNIT, name="Change benchmark")
            users = user_model.objects.bulk_create(
                user_model(username=f"bch-{i:05d}", password="!")  # noqa: S106
                for i in range(PEOPLE)
            )
            Employee.objects.bulk_create(
                Employee(
                    user=user,
                    employee_number=f"BCH-{i:05d}",
                    first_name="Bench",
                    last_name=f"Person {i:05d}",
                    org_unit=unit,
                )
                for i, user in enumerate(users)
            )
            initiative = Initiative.objects.create(
                name="Benchmark rollout",
                slug="bench-change",
                tool_name="the benchmark tool",
                why="To time check-ins.",
                go_live=timezone.localdate() - timedelta(days=30),
                status=Initiative.Status.ACTIVE,
            )
            initiative.units.set([unit])
            today = timezone.localdate()
            CheckInRound.objects.create(
                initiative=initiative,
                name="30 days after",
                opens_on=today - timedelta(days=1),
                closes_on=today + timedelta(days=13),
            )
    checkin_round = initiative.rounds.get()
    people = list(Employee.objects.filter(org_unit__code=UNIT).order_by("pk"))
    return checkin_round, people


def run() -> list[Figure]:
    checkin_round, people = _build()
    first_time = iter(people)
    again = itertools.cycle(people[:50])

    def submit_first():
        checkin_submit(
            checkin_round=checkin_round, employee=next(first_time), scores=SCORES
        )

    def submit_again():
        checkin_submit(checkin_round=checkin_round, employee=next(again), scores=SCORES)

    def baseline():
        # One conditional UPDATE of one row in its own transaction: the floor.
        with transaction.atomic():
            CheckInInvitation.objects.filter(pk=0).update(reminders_sent=0)

    first, base = paired_ms(submit_first, baseline, repeat=200)
    changed, base_again = paired_ms(submit_again, baseline, repeat=200)
    with CaptureQueriesContext(connection) as queries:
        submit_again()
    return [
        Figure(
            "check-in submit, first answer (median)",
            first,
            "ms",
            "one-row update",
            base,
            goal="< 50 ms",
        ),
        Figure(
            "check-in submit, changed answer (median)",
            changed,
            "ms",
            "one-row update",
            base_again,
            goal="< 50 ms",
        ),
        Figure("queries per submit", len(queries), "queries", goal="constant"),
    ]
