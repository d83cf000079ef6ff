"""Simultaneous completions in one unit leave the report tallies right.

PostgreSQL only: SQLite serialises writers, so it cannot show a race.
"""

import threading
import time
from functools import partial
from unittest import mock

from django.db import connection, transaction
from django.utils import timezone

import pytest

from assignments import tallies
from assignments.models import Assignment, AssignmentTally
from assignments.services import assignment_create
from assignments.tallies import tallies_rebuild
from courses.services import module_complete
from tests.assignments.counts import live, tallied
from tests.concurrency import all_at_once
from tests.courses.factories import make_course, modules_of
from tests.people.factories import EmployeeFactory, UserFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]


@pytest.mark.django_db(transaction=True)
def test_simultaneous_completions_in_one_unit_leave_the_report_tallies_right(org):
    """Recounts run after their commits, one at a time: the last sees every completion."""
    people = [
        EmployeeFactory(org_unit=org["team_a"], user=UserFactory()).user
        for _ in range(12)
    ]
    course = make_course(modules=2)
    first, last = modules_of(course)
    tallies_rebuild()
    with transaction.atomic():
        assignment = assignment_create(
            actor=None,
            course=course,
            target=Assignment.Target.ORG_UNIT,
            target_unit=org["team_a"],
            due_date=timezone.localdate(),
        ).assignment
    for user in people:
        module_complete(user=user, module=first)
    # Hold the first recount between its count and its write, as a busy
    # server might: without the lock, its early count would then overwrite
    # the later, complete ones.
    counted, first = tallies._tallies, threading.Event()

    def slowly(counts):
        if not first.is_set():
            first.set()
            time.sleep(0.5)
        return counted(counts)

    with mock.patch.object(tallies, "_tallies", slowly):
        all_at_once(
            [partial(module_complete, user=user, module=last) for user in people]
        )
    tally = AssignmentTally.objects.get(assignment=assignment, org_unit=org["team_a"])
    assert (tally.assigned, tally.completed) == (12, 12)
    assert tallied() == live()
