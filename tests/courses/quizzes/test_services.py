"""Scoring, the draw, saving, submitting and closing of knowledge-check attempts."""

from datetime import timedelta

from django.utils import timezone

import pytest

from courses.models import Enrolment, ModulePage, QuizAttempt
from courses.quizzes.services import (
    QuizError,
    _points,
    answers_save,
    attempt_start,
    attempt_submit,
    attempts_close_expired,
)
from courses.services import CourseError, module_complete
from tests.courses.factories import (
    make_course,
    make_quiz_module,
    modules_of,
    option,
    question,
    right_answers,
)


@pytest.fixture
def quiz(db):
    course = make_course(modules=1)
    return make_quiz_module(course, shuffle_questions=False, shuffle_options=False)


def _by_type(attempt, kind):
    return next(q for q in attempt.questions if q["type"] == kind)


@pytest.mark.django_db
def test_scoring_of_each_question_type(employee, quiz):
    attempt = attempt_start(user=employee, module=quiz)
    single, multiple = _by_type(attempt, "single"), _by_type(attempt, "multiple")
    truefalse, short = _by_type(attempt, "truefalse"), _by_type(attempt, "short")
    right = right_answers(attempt)
    assert _points(single, right[single["id"]]) == 1
    assert _points(single, [single["options"][1]["key"]]) == 0
    assert _points(truefalse, ["true"]) == 1 and _points(truefalse, ["false"]) == 0
    assert _points(short, ["  MULTI-FACTOR "]) == 1  # case and spaces ignored
    assert _points(short, ["Two-factor   Authentication"]) == 1
    assert _points(short, ["password"]) == 0
    assert _points(short, []) == 0
    good, also_good, bad, worse = (o["key"] for o in multiple["options"])
    assert _points(multiple, [good, also_good]) == 1
    assert _points(multiple, [good]) == 0.5  # partial answer: half the right ones
    assert _points(multiple, [good, bad]) == 0  # a wrong pick cancels a right one
    assert (
        _points(multiple, [good, also_good, bad, worse]) == 0
    )  # ticking all earns nothing
    assert _points(multiple, []) == 0


@pytest.mark.django_db
def test_a_partial_multiple_choice_answer_counts_for_part_of_the_score(employee, quiz):
    attempt = attempt_start(user=employee, module=quiz)
    responses = right_answers(attempt)
    multiple = _by_type(attempt, "multiple")
    responses[multiple["id"]] = responses[multiple["id"]][:1]
    attempt = attempt_submit(attempt=attempt, responses=responses)
    assert attempt.score == 87.5  # 3.5 of 4
    assert attempt.passed


@pytest.mark.django_db
def test_the_draw_and_shuffles_are_fixed_when_the_attempt_starts(employee):
    course = make_course(modules=0)
    pool = [question("truefalse", f"Statement {i}", correct=True) for i in range(10)]
    quiz = make_quiz_module(course, questions=pool, questions_per_attempt=4)
    attempt = attempt_start(user=employee, module=quiz)
    assert len(attempt.questions) == 4
    assert len({q["id"] for q in attempt.questions}) == 4
    # Resuming gives the same questions in the same order.
    again = attempt_start(user=employee, module=quiz)
    assert again.pk == attempt.pk
    assert [q["id"] for q in again.questions] == [q["id"] for q in attempt.questions]
    # Editing the quiz afterwards does not change the attempt.
    ModulePage.objects.filter(pk=quiz.pk).update(pass_mark=100)
    attempt.refresh_from_db()
    assert attempt.pass_mark == 70


@pytest.mark.django_db
def test_shuffled_option_order_is_stored_with_the_attempt(employee):
    course = make_course(modules=0)
    quiz = make_quiz_module(
        course,
        questions=[
            question(
                "single", "Pick A", options=[option(c, c == "A") for c in "ABCDEFGH"]
            )
        ],
        shuffle_options=True,
    )
    orders = set()
    for _ in range(6):
        attempt = attempt_start(user=employee, module=quiz)
        orders.add(tuple(o["text"] for o in attempt.questions[0]["options"]))
        attempt.delete()
    assert len(orders) > 1  # 6 draws of 8! orders: identical ones are ~impossible


@pytest.mark.django_db
def test_passing_completes_the_module_and_the_course(employee, quiz):
    course = quiz.get_parent().specific
    module_complete(user=employee, module=modules_of(course)[0])
    attempt = attempt_start(user=employee, module=quiz)
    attempt_submit(attempt=attempt, responses=right_answers(attempt))
    enrolment = Enrolment.objects.get(user=employee, course=course)
    assert enrolment.completions.filter(module_id=quiz.pk).exists()
    assert enrolment.completed_at is not None


@pytest.mark.django_db
def test_a_quiz_module_cannot_be_marked_complete_by_hand(employee, quiz):
    with pytest.raises(CourseError) as error:
        module_complete(user=employee, module=quiz)
    assert error.value.code == "quiz_required"


@pytest.mark.django_db
def test_failing_leaves_the_module_open_and_attempts_run_out(employee):
    quiz = make_quiz_module(make_course(modules=0), attempts_allowed=2)
    for number in (1, 2):
        attempt = attempt_start(user=employee, module=quiz)
        assert attempt.number == number
        attempt = attempt_submit(attempt=attempt, responses={})
        assert attempt.passed is False and attempt.score == 0
    with pytest.raises(QuizError) as error:
        attempt_start(user=employee, module=quiz)
    assert error.value.code == "no_attempts_left"
    assert not Enrolment.objects.filter(
        user=employee, completed_at__isnull=False
    ).exists()


@pytest.mark.django_db
def test_submitting_twice_returns_the_same_result(employee, quiz):
    attempt = attempt_start(user=employee, module=quiz)
    first = attempt_submit(attempt=attempt, responses=right_answers(attempt))
    second = attempt_submit(
        attempt=attempt, responses={}
    )  # a resubmitted, emptier form
    assert (second.score, second.passed, second.finished_at) == (
        first.score,
        first.passed,
        first.finished_at,
    )
    assert QuizAttempt.objects.filter(user=employee).count() == 1


@pytest.mark.django_db
def test_saved_answers_survive_and_are_graded(employee, quiz):
    attempt = attempt_start(user=employee, module=quiz)
    right = right_answers(attempt)
    first_id = attempt.questions[0]["id"]
    answers_save(attempt=attempt, responses={first_id: right[first_id]})
    answers_save(
        attempt=attempt, responses={first_id: right[first_id]}
    )  # autosave again
    assert attempt.answers.count() == 1
    attempt = attempt_submit(attempt=attempt)
    assert attempt.score == 25


@pytest.mark.django_db
def test_answers_to_other_questions_and_bad_values_are_ignored(employee, quiz):
    attempt = attempt_start(user=employee, module=quiz)
    single = _by_type(attempt, "single")
    saved = answers_save(
        attempt=attempt,
        responses={
            "not-a-question": ["x"],
            single["id"]: [
                "forged-key",
                single["options"][0]["key"],
                single["options"][1]["key"],
            ],
        },
    )
    assert saved == 1
    assert attempt.answers.get().response == [single["options"][0]["key"]]


@pytest.mark.django_db
def test_a_finished_attempt_cannot_be_changed(employee, quiz):
    attempt = attempt_start(user=employee, module=quiz)
    attempt_submit(attempt=attempt, responses={})
    attempt.refresh_from_db()
    with pytest.raises(QuizError) as error:
        answers_save(attempt=attempt, responses=right_answers(attempt))
    assert error.value.code == "attempt_finished"
    assert attempt.answers.count() == 0


@pytest.mark.django_db
def test_the_closer_grades_expired_timed_attempts_on_saved_answers(employee):
    quiz = make_quiz_module(
        make_course(modules=0), time_limit_minutes=10, shuffle_questions=False
    )
    late = attempt_start(user=employee, module=quiz)
    answers_save(attempt=late, responses=right_answers(late))
    QuizAttempt.objects.filter(pk=late.pk).update(
        deadline=timezone.now() - timedelta(minutes=5)
    )
    assert attempts_close_expired() == 1
    late.refresh_from_db()
    assert late.status == QuizAttempt.Status.TIMED_OUT
    assert late.passed and late.score == 100
    assert attempts_close_expired() == 0  # nothing left to close


@pytest.mark.django_db
def test_the_closer_leaves_attempts_within_their_time_alone(employee):
    quiz = make_quiz_module(make_course(modules=0), time_limit_minutes=10)
    attempt = attempt_start(user=employee, module=quiz)
    QuizAttempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() - timedelta(seconds=30)
    )
    assert attempts_close_expired() == 0  # still inside the grace period
    attempt.refresh_from_db()
    assert attempt.status == QuizAttempt.Status.IN_PROGRESS


@pytest.mark.django_db
def test_answers_after_the_deadline_are_refused(employee):
    quiz = make_quiz_module(make_course(modules=0), time_limit_minutes=1)
    attempt = attempt_start(user=employee, module=quiz)
    QuizAttempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() - timedelta(minutes=5)
    )
    attempt.refresh_from_db()
    with pytest.raises(QuizError) as error:
        answers_save(attempt=attempt, responses=right_answers(attempt))
    assert error.value.code == "attempt_expired"
    graded = attempt_submit(attempt=attempt, responses=right_answers(attempt))
    assert graded.status == QuizAttempt.Status.TIMED_OUT
    assert graded.score == 0  # late answers were not taken
