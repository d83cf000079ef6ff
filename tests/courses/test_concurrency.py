"""Twenty simultaneous completions of the last module: one completion, one signal.

PostgreSQL only: SQLite serialises writers, so it cannot show a race.
"""

import threading

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
    barrier = threading.Barrier(20)
    errors = []

    def worker():
        try:
            barrier.wait()
            module_complete(user=employee, module=last)
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    course_completed.disconnect(dispatch_uid="race")
    assert errors == []
    enrolment = Enrolment.objects.get(user=employee, course=course)
    assert enrolment.completed_at is not None
    assert enrolment.completions.count() == 2
    assert signals == [enrolment.pk]


@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_submissions_of_one_attempt_grade_once(employee):
    from courses.models import QuizAnswer, QuizAttempt
    from courses.quiz_services import attempt_start, attempt_submit
    from tests.courses.factories import make_quiz_module, right_answers

    quiz = make_quiz_module(make_course(modules=0))
    attempt = attempt_start(user=employee, module=quiz)
    responses = right_answers(attempt)
    barrier = threading.Barrier(20)
    results, errors = [], []

    def worker():
        try:
            barrier.wait()
            graded = attempt_submit(attempt=attempt, responses=responses)
            results.append((graded.score, graded.finished_at))
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(set(results)) == 1  # everyone got the one graded result
    attempt.refresh_from_db()
    assert attempt.passed and attempt.score == 100
    assert QuizAttempt.objects.filter(user=employee).count() == 1
    assert QuizAnswer.objects.filter(attempt=attempt).count() == len(attempt.questions)
    enrolment = Enrolment.objects.get(user=employee)
    assert enrolment.completions.count() == 1


@pytest.mark.django_db(transaction=True)
def test_simultaneous_completions_in_one_unit_leave_the_report_tallies_right(org):
    """Each recount waits for the last one's commit, so none overwrites another."""
    from django.db import transaction
    from django.utils import timezone

    from courses.assignment_services import assignment_create
    from courses.models import Assignment, AssignmentTally
    from courses.tallies import tallies_rebuild
    from tests.courses.test_tallies import live, tallied
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
    barrier = threading.Barrier(len(people))
    errors = []

    def worker(user):
        try:
            barrier.wait()
            module_complete(user=user, module=last)
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(user,)) for user in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    tally = AssignmentTally.objects.get(assignment=assignment, org_unit=org["team_a"])
    assert (tally.assigned, tally.completed) == (12, 12)
    assert tallied() == live()
