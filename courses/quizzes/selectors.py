"""Reads for knowledge checks: what the learner may see, and the trainers' item analysis."""

from collections import Counter, defaultdict

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from ..models import Enrolment, ModulePage, QuizAnswer, QuizAttempt


def cycle_attempts(*, user: AbstractBaseUser, module: ModulePage):
    """This learner's attempts at `module` in the current cycle of its course.

    When an expiring completion re-opens a course (recertification), earlier
    attempts stay on record but no longer count as passed or as attempts used.
    """
    attempts = QuizAttempt.objects.filter(user=user, module_id=module.pk)
    cycle_started_at = (
        Enrolment.objects.filter(
            user=user,
            course__path=module.path[: -ModulePage.steplen],
            cycle_started_at__isnull=False,
        )
        .values_list("cycle_started_at", flat=True)
        .first()
    )
    if cycle_started_at is not None:
        attempts = attempts.filter(started_at__gte=cycle_started_at)
    return attempts


def saved_responses(*, attempt: QuizAttempt) -> dict[str, list[str]]:
    return dict(attempt.answers.values_list("question_id", "response"))


def quiz_status(*, module: ModulePage, user: AbstractBaseUser) -> dict:
    """For the module page: open attempt, past results, attempts left."""
    attempts = list(
        cycle_attempts(user=user, module=module)
        .only("pk", "number", "status", "score", "passed", "finished_at")
        .order_by("number")
    )
    open_attempt = next((a for a in attempts if not a.is_finished), None)
    finished = [a for a in attempts if a.is_finished]
    left = (
        None
        if module.attempts_allowed is None
        else max(0, module.attempts_allowed - len(finished))
    )
    return {
        "quiz_open_attempt": open_attempt,
        "quiz_finished": finished,
        "quiz_passed": any(a.passed for a in finished),
        "quiz_attempts_left": left,
        "quiz_can_start": not any(a.passed for a in finished)
        and (left is None or left > 0 or open_attempt is not None),
    }


def _answers_shown(*, attempt: QuizAttempt, passed: bool, left: int | None) -> bool:
    """Whether this result may show the correct answers, under its own policy."""
    policy = attempt.reveal_answers
    if policy == ModulePage.Reveal.AFTER_EACH:
        return True
    if policy == ModulePage.Reveal.ONCE_PASSED:
        return bool(attempt.passed)
    if policy == ModulePage.Reveal.WRONG_UNTIL_DONE:
        # Nothing is left to copy into: passed, or no attempt left.
        return bool(attempt.passed) or passed or left == 0
    return False


def attempt_result(*, attempt: QuizAttempt, module: ModulePage) -> dict:
    """The result page: score always; which were wrong and the answers as allowed."""
    cycle = cycle_attempts(user=attempt.user, module=module)
    finished_count = cycle.finished().count()
    passed_before = cycle.filter(passed=True).exists()
    left = (
        None
        if module.attempts_allowed is None
        else max(0, module.attempts_allowed - finished_count)
    )
    reveal = _answers_shown(attempt=attempt, passed=passed_before, left=left)
    # Under the default, which questions were wrong is shown from the start.
    marks = reveal or attempt.reveal_answers == ModulePage.Reveal.WRONG_UNTIL_DONE
    answers = {a.question_id: a for a in attempt.answers.all()}
    review = []
    if marks:
        for question in attempt.questions:
            answer = answers.get(question["id"])
            response = answer.response if answer else []
            options = [
                {**option, "chosen": option["key"] in response}
                for option in question.get("options", [])
            ]
            review.append(
                {
                    "question": question,
                    "options": options,
                    "response": response,
                    "points": answer.points
                    if answer and answer.points is not None
                    else 0,
                }
            )
    return {
        "reveal": reveal,
        "marks": marks,
        "review": review,
        "attempts_left": left,
        "can_retry": not passed_before and (left is None or left > 0),
    }


def _answered(question: dict, values: list[str]) -> bool:
    if question["type"] == "short":
        return any(value.strip() for value in values)
    keys = {option["key"] for option in question["options"]}
    return any(value in keys for value in values)


def unanswered_numbers(
    *, attempt: QuizAttempt, responses: dict[str, list[str]]
) -> list[int]:
    """The numbers (as shown, from 1) of the questions `responses` leaves unanswered."""
    return [
        number
        for number, question in enumerate(attempt.questions, start=1)
        if not _answered(question, responses.get(question["id"], []))
    ]


def submit_warning(
    *, attempt: QuizAttempt, module: ModulePage, responses: dict[str, list[str]]
) -> dict | None:
    """What to tell a learner before unanswered questions use up an attempt.

    None when there is nothing to ask: all answered, the attempt is finished, or
    its time is up (then the answers count as they stand, without a question).
    """
    if attempt.is_finished or (attempt.deadline and timezone.now() >= attempt.deadline):
        return None
    numbers = unanswered_numbers(attempt=attempt, responses=responses)
    if not numbers:
        return None
    used = cycle_attempts(user=attempt.user, module=module).finished().count()
    return {
        "unanswered": numbers,
        "attempt_number": used + 1,
        "attempts_allowed": module.attempts_allowed,
    }


def quiz_item_analysis(*, module: ModulePage) -> dict:
    """Per quiz: attempts and pass rate; per question: % correct and how answers spread."""
    attempts = list(
        QuizAttempt.objects.finished()
        .filter(module_id=module.pk)
        .only("passed", "questions")
    )
    texts: dict[str, dict] = {}
    for attempt in attempts:
        for question in attempt.questions:
            texts.setdefault(question["id"], question)
    shown = Counter(q["id"] for a in attempts for q in a.questions)
    points: dict[str, float] = defaultdict(float)
    spread: dict[str, Counter] = defaultdict(Counter)
    for question_id, response, score in QuizAnswer.objects.filter(
        attempt__in=[a.pk for a in attempts]
    ).values_list("question_id", "response", "points"):
        points[question_id] += score or 0
        for value in response:
            spread[question_id][value] += 1
    rows = []
    for question_id, question in texts.items():
        labels = {o["key"]: o["text"] for o in question.get("options", [])}
        rows.append(
            {
                "id": question_id,
                "text": question["text"],
                "type": question["type"],
                "shown": shown[question_id],
                "percent_correct": round(100 * points[question_id] / shown[question_id])
                if shown[question_id]
                else 0,
                "answers": [
                    {
                        "label": labels.get(value, value),
                        "count": count,
                        "correct": any(
                            o["key"] == value and o["correct"]
                            for o in question.get("options", [])
                        ),
                    }
                    for value, count in spread[question_id].most_common()
                ],
            }
        )
    rows.sort(key=lambda row: row["percent_correct"])
    passed = sum(1 for a in attempts if a.passed)
    return {
        "attempt_count": len(attempts),
        "pass_rate": round(100 * passed / len(attempts)) if attempts else 0,
        "questions": rows,
    }
