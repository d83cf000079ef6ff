"""Knowledge checks: start, autosave, submit and grade attempts; close late ones.

Scoring happens here and only here. Every write is idempotent where a learner
can repeat it (a double click, a resubmitted form, a reload).
"""

import random
import re
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import ModulePage, QuizAnswer, QuizAttempt
from ..services import CourseError, module_complete
from .selectors import cycle_attempts

# How long after the deadline a submission is still accepted (network, clocks).
GRACE = timedelta(seconds=60)
_system_random = random.SystemRandom()


class QuizError(CourseError):
    """A quiz action that cannot happen; `code` says which."""


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def _snapshot_question(block, *, shuffle_options: bool) -> dict:
    value = block.value
    question = {"id": block.id, "type": block.block_type, "text": value["text"]}
    explanation = value.get("explanation")
    question["explanation"] = explanation.source if explanation else ""
    if block.block_type in ("single", "multiple"):
        options = [
            {
                "key": child.id,
                "text": child.value["text"],
                "correct": bool(child.value["correct"]),
                "feedback": child.value["feedback"],
            }
            for child in value["options"].bound_blocks
        ]
        if shuffle_options:
            _system_random.shuffle(options)
        question["options"] = options
    elif block.block_type == "truefalse":
        question["options"] = [
            {
                "key": "true",
                "text": "True",
                "correct": bool(value["correct"]),
                "feedback": "",
            },
            {
                "key": "false",
                "text": "False",
                "correct": not value["correct"],
                "feedback": "",
            },
        ]
    else:
        question["accepted"] = [str(answer) for answer in value["accepted"]]
    return question


def attempt_start(*, user: AbstractBaseUser, module: ModulePage) -> QuizAttempt:
    """Start an attempt (or return the open one): the draw and order are fixed now."""
    if not module.live or not module.has_quiz:
        raise QuizError("This module has no knowledge check.", code="no_quiz")
    open_attempt = (
        QuizAttempt.objects.in_progress().filter(user=user, module=module).first()
    )
    if open_attempt is not None:
        return open_attempt
    finished = cycle_attempts(user=user, module=module)
    if finished.filter(passed=True).exists():
        raise QuizError(
            "You have already passed this knowledge check.", code="already_passed"
        )
    used = finished.count()
    if module.attempts_allowed is not None and used >= module.attempts_allowed:
        raise QuizError("You have used all your attempts.", code="no_attempts_left")

    pool = list(module.questions)
    if module.questions_per_attempt and module.questions_per_attempt < len(pool):
        drawn = _system_random.sample(pool, module.questions_per_attempt)
        if not module.shuffle_questions:
            drawn.sort(key=pool.index)
    else:
        drawn = pool[:]
        if module.shuffle_questions:
            _system_random.shuffle(drawn)
    now = timezone.now()
    try:
        with transaction.atomic():
            return QuizAttempt.objects.create(
                user=user,
                module=module,
                number=QuizAttempt.objects.filter(user=user, module=module).count() + 1,
                deadline=now + timedelta(minutes=module.time_limit_minutes)
                if module.time_limit_minutes
                else None,
                questions=[
                    _snapshot_question(block, shuffle_options=module.shuffle_options)
                    for block in drawn
                ],
                pass_mark=module.pass_mark,
                reveal_answers=module.reveal_answers,
            )
    except IntegrityError:
        # A double click started it twice at once; the first one stands.
        return QuizAttempt.objects.in_progress().get(user=user, module=module)


def _check_open(attempt: QuizAttempt) -> None:
    if attempt.is_finished:
        raise QuizError("This attempt is finished.", code="attempt_finished")
    if attempt.deadline and timezone.now() > attempt.deadline + GRACE:
        raise QuizError("The time for this attempt is over.", code="attempt_expired")


def _clean_response(question: dict, raw: list[str]) -> list[str]:
    """Keep only what this question can accept; anything else is dropped."""
    if question["type"] == "short":
        text = (raw[0] if raw else "")[:500]
        return [text] if text.strip() else []
    keys = {option["key"] for option in question["options"]}
    chosen = [value for value in raw if value in keys]
    if question["type"] != "multiple":
        chosen = chosen[:1]
    return list(dict.fromkeys(chosen))


def answers_save(*, attempt: QuizAttempt, responses: dict[str, list[str]]) -> int:
    """Save answers for questions of this attempt; unknown questions are ignored."""
    _check_open(attempt)
    questions = {q["id"]: q for q in attempt.questions}
    saved = 0
    for question_id, raw in responses.items():
        if question_id not in questions:
            continue
        QuizAnswer.objects.update_or_create(
            attempt=attempt,
            question_id=question_id,
            defaults={"response": _clean_response(questions[question_id], raw)},
        )
        saved += 1
    return saved


def _points(question: dict, response: list[str]) -> float:
    """1 for right, 0 for wrong; multiple choice earns part marks.

    Multiple choice: (right options chosen − wrong options chosen) ÷ right
    options, never below 0. Choosing everything therefore earns nothing.
    """
    if question["type"] == "short":
        accepted = {_normalise(answer) for answer in question["accepted"]}
        return 1.0 if response and _normalise(response[0]) in accepted else 0.0
    correct = {o["key"] for o in question["options"] if o["correct"]}
    chosen = set(response)
    if question["type"] != "multiple":
        return 1.0 if chosen == correct else 0.0
    return max(0.0, (len(chosen & correct) - len(chosen - correct)) / len(correct))


def _grade(attempt: QuizAttempt, *, status: str) -> None:
    answers = {a.question_id: a for a in attempt.answers.all()}
    total = 0.0
    for question in attempt.questions:
        answer = answers.get(question["id"])
        points = _points(question, answer.response if answer else [])
        total += points
        if answer:
            answer.points = points
            answer.save(update_fields=["points"])
    score = Decimal(100 * total / len(attempt.questions)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )
    attempt.score = score
    attempt.passed = score >= attempt.pass_mark
    attempt.status = status
    attempt.finished_at = timezone.now()
    attempt.save(update_fields=["score", "passed", "status", "finished_at"])


@transaction.atomic
def attempt_submit(
    *, attempt: QuizAttempt, responses: dict[str, list[str]] | None = None
) -> QuizAttempt:
    """Save the last answers and grade the attempt, once; repeats return the result.

    The row lock makes simultaneous submissions queue up: the first grades,
    the rest find it finished and return the same result.
    """
    attempt = QuizAttempt.objects.select_for_update().get(pk=attempt.pk)
    if attempt.is_finished:
        return attempt
    late = attempt.deadline and timezone.now() > attempt.deadline + GRACE
    if responses and not late:
        answers_save(attempt=attempt, responses=responses)
    _grade(
        attempt,
        status=QuizAttempt.Status.TIMED_OUT if late else QuizAttempt.Status.SUBMITTED,
    )
    if attempt.passed:
        module = ModulePage.objects.get(pk=attempt.module_id)
        module_complete(user=attempt.user, module=module, via_quiz=True)
    return attempt


def attempts_close_expired(*, now=None) -> int:
    """Grade every open attempt whose deadline (plus grace) has passed, on its saved answers."""
    now = now or timezone.now()
    closed = 0
    for attempt in QuizAttempt.objects.in_progress().filter(deadline__lt=now - GRACE):
        with transaction.atomic():
            locked = QuizAttempt.objects.select_for_update().get(pk=attempt.pk)
            if locked.is_finished:
                continue
            _grade(locked, status=QuizAttempt.Status.TIMED_OUT)
            if locked.passed:
                module = ModulePage.objects.get(pk=locked.module_id)
                module_complete(user=locked.user, module=module, via_quiz=True)
            closed += 1
    return closed
