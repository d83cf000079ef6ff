"""What a result page shows of the answers: by default which questions were wrong,
and the answers themselves only once the learner passed or has no attempt left."""

import importlib
import re

from django.apps import apps
from django.urls import reverse

import pytest

from courses.models import ModulePage, QuizAttempt
from courses.quizzes.services import attempt_start, attempt_submit
from tests.courses.factories import make_course, make_quiz_module, right_answers

# What would let a learner copy the answers into their next attempt.
ANSWER_GIVEAWAYS = [
    "— correct answer",
    "Because of Capital of Ontario?",  # an explanation
    "About Toronto",  # an option's feedback
    "Accepted:",
    "two-factor authentication",  # an accepted short answer
    "Kingston",  # an option's text
]
# What shows the answers once they may be shown, whatever was chosen.
ANSWERS = [
    "— correct answer",
    "Because of Capital of Ontario?",
    "Accepted:",
    "Kingston",
]


def _result(client, attempt) -> str:
    response = client.get(reverse("courses:attempt-result", args=[attempt.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _verdicts(page: str) -> list[str]:
    return re.findall(r"<strong>(Correct|Partly correct|Not correct)</strong>", page)


def _single_right_only(attempt) -> dict[str, list[str]]:
    single = next(q for q in attempt.questions if q["type"] == "single")
    return {single["id"]: right_answers(attempt)[single["id"]]}


@pytest.fixture
def quiz(db):
    return make_quiz_module(
        make_course(modules=0),
        attempts_allowed=2,
        shuffle_questions=False,
        shuffle_options=False,
    )


@pytest.mark.django_db
def test_by_default_a_failed_attempt_shows_which_questions_were_wrong_only(
    employee, client, quiz
):
    assert quiz.reveal_answers == ModulePage.Reveal.WRONG_UNTIL_DONE
    attempt = attempt_start(user=employee, module=quiz)
    attempt_submit(attempt=attempt, responses=_single_right_only(attempt))
    client.force_login(employee)
    page = _result(client, attempt)
    assert "Not passed yet" in page and "Try again" in page
    # Each question in the order it was asked, with whether it was right.
    assert _verdicts(page) == ["Correct", "Not correct", "Not correct", "Not correct"]
    assert "Capital of Ontario?" in page
    for giveaway in ANSWER_GIVEAWAYS:
        assert giveaway not in page, giveaway
    assert (
        "The correct answers are shown once you pass or have used all your attempts."
        in page
    )


@pytest.mark.django_db
def test_out_of_attempts_every_attempt_shows_the_answers(employee, client, quiz):
    client.force_login(employee)
    first = attempt_start(user=employee, module=quiz)
    attempt_submit(attempt=first, responses={})
    assert "— correct answer" not in _result(client, first)
    second = attempt_start(user=employee, module=quiz)
    attempt_submit(attempt=second, responses=_single_right_only(second))
    for attempt in (first, second):
        page = _result(client, attempt)
        assert "used all your attempts" in page
        for answer in ANSWERS:
            assert answer in page, (attempt.number, answer)


@pytest.mark.django_db
def test_once_passed_the_earlier_failed_attempt_shows_the_answers_too(employee, client):
    quiz = make_quiz_module(make_course(modules=0))  # unlimited attempts
    client.force_login(employee)
    failed = attempt_start(user=employee, module=quiz)
    attempt_submit(attempt=failed, responses={})
    page = _result(client, failed)
    assert "— correct answer" not in page
    # Unlimited attempts never run out, so only passing shows them.
    assert "The correct answers are shown once you pass." in page
    passed = attempt_start(user=employee, module=quiz)
    attempt_submit(attempt=passed, responses=right_answers(passed))
    assert "— correct answer" in _result(client, passed)
    assert "— correct answer" in _result(client, failed)


def _migration():
    return importlib.import_module(
        "courses.migrations.0006_quiz_review_shows_wrong_questions"
    )


@pytest.mark.django_db
def test_the_migration_moves_quizzes_and_attempts_off_the_old_default(employee):
    course = make_course(modules=0)
    old_default = make_quiz_module(course, reveal_answers="after_each")
    old_default.save_revision()  # the editor opens the latest revision
    never = make_quiz_module(course, reveal_answers="never")
    attempt = attempt_start(user=employee, module=old_default)
    attempt_submit(attempt=attempt, responses={})
    assert attempt.reveal_answers == "after_each"

    _migration().show_wrong_questions_until_done(apps, None)

    old_default.refresh_from_db()
    assert old_default.reveal_answers == "wrong_until_done"
    assert (
        old_default.get_latest_revision_as_object().reveal_answers == "wrong_until_done"
    )
    assert QuizAttempt.objects.get(pk=attempt.pk).reveal_answers == "wrong_until_done"
    never.refresh_from_db()
    assert never.reveal_answers == "never"  # a trainer's explicit choice stays

    _migration().show_answers_after_each(apps, None)
    old_default.refresh_from_db()
    assert old_default.reveal_answers == "after_each"
    assert QuizAttempt.objects.get(pk=attempt.pk).reveal_answers == "after_each"
