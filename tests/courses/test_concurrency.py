"""Twenty simultaneous completions of the last module: one completion, one signal.

PostgreSQL only: SQLite serialises writers, so it cannot show a race.
"""

from django.db import connection

import pytest

from courses.models import Enrolment
from courses.services import module_complete
from courses.signals import course_completed
from tests.concurrency import all_at_once
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
