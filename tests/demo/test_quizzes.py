"""The demo's knowledge checks: a second attempt draws a different set of questions."""

import pytest

from courses.models import ModulePage
from courses.quizzes.services import attempt_start, attempt_submit
from demo.courses import courses_demo_seed


@pytest.mark.django_db
def test_every_seeded_demo_quiz_draws_from_a_pool_larger_than_the_draw(employee):
    courses_demo_seed()
    quizzes = [m for m in ModulePage.objects.live() if m.has_quiz]
    assert len(quizzes) >= 8
    for quiz in quizzes:
        assert quiz.questions_per_attempt, quiz.slug  # "empty" draws the whole pool
        assert len(quiz.questions) > quiz.questions_per_attempt, quiz.slug
        assert quiz.reveal_answers == ModulePage.Reveal.WRONG_UNTIL_DONE, quiz.slug
    # So attempts differ: the draw is random, but with 12 in the pool and 6
    # drawn, ten draws all alike would be about 1 in 10^26.
    quiz = quizzes[0]
    drawn = set()
    for _ in range(10):
        attempt = attempt_start(user=employee, module=quiz)
        assert len(attempt.questions) == quiz.questions_per_attempt
        drawn.add(frozenset(q["id"] for q in attempt.questions))
        attempt_submit(attempt=attempt, responses={})
        attempt.delete()  # so the attempts allowed never run out
    assert len(drawn) > 1
