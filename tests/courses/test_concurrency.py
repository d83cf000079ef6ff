"""Twenty simultaneous completions of the last module: one completion, one signal.

PostgreSQL only: SQLite serialises writers, so it cannot show a race.
"""

import threading
import time
from functools import partial
from unittest import mock

from django.db import connection, connections

import pytest

from courses.models import Enrolment
from courses.services import module_complete
from courses.signals import course_completed
from tests.courses.factories import make_course, modules_of

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]


def all_at_once(calls) -> list:
    """Run each call in its own thread, released together; return their results.

    Each thread closes its own database connection. An exception in any call
    fails the test after every thread has finished.
    """
    barrier = threading.Barrier(len(calls))
    results, errors = [], []

    def worker(call):
        try:
            barrier.wait()
            results.append(call())
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return results


@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_last_module_completions(employee):
    course = make_course(modules=2)
    first, last = modules_of(course)
    module_complete(user=employee, module=first)
    signals = []
    course_completed.connect(
        lambda sender, enrolment, **kw: signals.append(enrolment.pk),
        weak=False,
        dispatch_uid="race",
    )
    all_at_once([lambda: module_complete(user=employee, module=last)] * 20)
    course_completed.disconnect(dispatch_uid="race")
    enrolment = Enrolment.objects.get(user=employee, course=course)
    assert enrolment.completed_at is not None
    assert enrolment.completions.count() == 2
    assert signals == [enrolment.pk]


@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_submissions_of_one_attempt_grade_once(employee):
    from courses.models import QuizAnswer, QuizAttempt
    from courses.quizzes.services import attempt_start, attempt_submit
    from tests.courses.factories import make_quiz_module, right_answers

    quiz = make_quiz_module(make_course(modules=0))
    attempt = attempt_start(user=employee, module=quiz)
    responses = right_answers(attempt)

    def submit():
        graded = attempt_submit(attempt=attempt, responses=responses)
        return graded.score, graded.finished_at

    results = all_at_once([submit] * 20)
    assert len(set(results)) == 1  # everyone got the one graded result
    attempt.refresh_from_db()
    assert attempt.passed and attempt.score == 100
    assert QuizAttempt.objects.filter(user=employee).count() == 1
    assert QuizAnswer.objects.filter(attempt=attempt).count() == len(attempt.questions)
    enrolment = Enrolment.objects.get(user=employee)
    assert enrolment.completions.count() == 1


@pytest.mark.django_db(transaction=True)
def test_simultaneous_completions_in_one_unit_leave_the_report_tallies_right(org):
    """Recounts run after their commits, one at a time: the last sees every completion."""
    from django.db import transaction
    from django.utils import timezone

    from assignments import tallies
    from assignments.models import Assignment, AssignmentTally
    from assignments.services import assignment_create
    from assignments.tallies import tallies_rebuild
    from tests.assignments.counts import live, tallied
    from tests.people.factories import EmployeeFactory, UserFactory

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
