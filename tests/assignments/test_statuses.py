"""One set of statuses: every row has exactly one, alike in SQL and Python, in every count.

The rule is `AssignedLearner.Status` with `assignments.models.assignments._status_rules`;
the badge, the reports (My team, the org-wide report, its tallies), the
assignment overview and the reminders all count with it, so their columns add
up to the number assigned.
"""

from collections import Counter
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assignments.models import AssignedLearner, Assignment, AssignmentTally
from assignments.selectors import (
    REPORT_STATUSES,
    TRAINING_FIGURES,
    status_counts,
    training_counts,
)
from assignments.services import assignment_create
from assignments.tallies import tallies_rebuild
from reports.team.selectors import training_report
from tests.courses.factories import make_course
from tests.people.factories import EmployeeFactory, OrgUnitFactory, UserFactory

Status = AssignedLearner.Status
PEOPLE = 8
TODAY = timezone.localdate()


@pytest.fixture
def learners(db):
    """Eight people in two units under one all-staff assignment."""
    units = [OrgUnitFactory(), OrgUnitFactory()]
    for index in range(PEOPLE):
        EmployeeFactory(org_unit=units[index % 2], user=UserFactory())
    assignment_create(
        actor=None,
        course=make_course(modules=1),
        target=Assignment.Target.EVERYONE,
        due_date=TODAY + timedelta(days=30),
    )
    return AssignedLearner.objects.order_by("pk")


def _moment(day):
    return timezone.make_aware(datetime.combine(day, datetime.min.time()))


# One learner row's state, as offsets in days from today: due, started,
# completed (None: not yet) and exempt. The due dates cluster round the
# boundaries (today, 14 days) where two statuses meet.
rows = st.fixed_dictionaries(
    {
        "due": st.one_of(st.integers(-3, 17), st.integers(-400, 400)),
        "started": st.booleans(),
        "completed": st.one_of(st.none(), st.integers(-60, 0)),
        "exempt": st.booleans(),
    }
)


def _store(learners, states) -> None:
    for learner, state in zip(learners, states, strict=False):
        completed_on = (
            TODAY + timedelta(days=state["completed"])
            if state["completed"] is not None
            else None
        )
        AssignedLearner.objects.filter(pk=learner.pk).update(
            due_on=TODAY + timedelta(days=state["due"]),
            started_at=_moment(TODAY - timedelta(days=1)) if state["started"] else None,
            completed_at=_moment(completed_on) if completed_on else None,
            completed_on=completed_on,
            exempted_at=_moment(TODAY) if state["exempt"] else None,
        )


@pytest.mark.django_db(transaction=False)
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    states=st.lists(rows, min_size=PEOPLE, max_size=PEOPLE),
    shift=st.integers(-20, 20),
)
def test_every_row_has_one_status_and_the_columns_add_up(learners, states, shift):
    with transaction.atomic():
        _store(learners, states)
        today = TODAY + timedelta(days=shift)  # the same rows, seen another day
        in_sql = dict(learners.with_status(today=today).values_list("pk", "status"))
        in_python = {row.pk: row.status_on(today) for row in learners.all()}
        assert in_python == in_sql

        expected = Counter(in_python.values())
        counts = learners.aggregate(**status_counts(today))
        assert counts == {status: expected[status] for status in Status.values}
        assert sum(counts.values()) == PEOPLE

        # The reports leave exempt people out; their statuses add up to assigned.
        figures = learners.counted().aggregate(**training_counts(today))
        assert figures["assigned"] == PEOPLE - expected[Status.EXEMPT]
        assert (
            sum(figures[status] for status in REPORT_STATUSES) == (figures["assigned"])
        )
        assert {s: figures[s] for s in REPORT_STATUSES} == {
            s: expected[s] for s in REPORT_STATUSES
        }
        report = training_report(learners=learners, today=today)["rows"]
        for row in report:
            assert sum(row.by_status) == row.assigned
            assert row.by_status == [expected[s] for s in REPORT_STATUSES]
        transaction.set_rollback(True)


@pytest.mark.django_db(transaction=False)
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(states=st.lists(rows, min_size=PEOPLE, max_size=PEOPLE))
def test_the_tallies_count_the_same_statuses_as_a_live_count(learners, states):
    with transaction.atomic():
        _store(learners, states)
        tallies_rebuild()
        live = {
            (row.pop("assignment_id"), row.pop("employee__org_unit_id")): row
            for row in learners.counted()
            .values("assignment_id", "employee__org_unit_id")
            .annotate(**training_counts(timezone.localdate()))
            .order_by()
        }
        tallied = {
            (tally.assignment_id, tally.org_unit_id): {
                figure: getattr(tally, figure) for figure in TRAINING_FIGURES
            }
            for tally in AssignmentTally.objects.all()
        }
        assert tallied == live
        for figures in tallied.values():
            assert sum(figures[s] for s in REPORT_STATUSES) == figures["assigned"]
        transaction.set_rollback(True)


@pytest.mark.parametrize(
    ("due", "started", "status"),
    [
        (-1, True, Status.OVERDUE),
        (0, False, Status.DUE_SOON),
        (14, True, Status.DUE_SOON),
        (15, True, Status.IN_PROGRESS),
        (15, False, Status.NOT_STARTED),
    ],
)
def test_the_status_at_its_boundaries(learners, due, started, status):
    learner = learners.first()
    _store(
        [learner],
        [{"due": due, "started": started, "completed": None, "exempt": False}],
    )
    learner.refresh_from_db()
    assert learner.status_on(TODAY) == status
    assert learners.with_status(today=TODAY).get(pk=learner.pk).status == status
