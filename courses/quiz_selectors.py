"""Reads for knowledge checks: what the learner may see, and the trainers' item analysis."""

from collections import Counter, defaultdict

from django.contrib.auth.models import AbstractBaseUser

from .models import Enrolment, ModulePage, QuizAnswer, QuizAttempt


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


def attempt_result(*, attempt: QuizAttempt, module: ModulePage) -> dict:
    """The result page: score always; answers and feedback only as the policy allows."""
    reveal = attempt.reveal_answers == ModulePage.Reveal.AFTER_EACH or (
        attempt.reveal_answers == ModulePage.Reveal.ONCE_PASSED and attempt.passed
    )
    answers = {a.question_id: a for a in attempt.answers.all()}
    review = []
    if reveal:
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
    cycle = cycle_attempts(user=attempt.user, module=module)
    finished_count = cycle.finished().count()
    passed_before = cycle.filter(passed=True).exists()
    left = (
        None
        if module.attempts_allowed is None
        else max(0, module.attempts_allowed - finished_count)
    )
    return {
        "reveal": reveal,
        "review": review,
        "attempts_left": left,
        "can_retry": not passed_before and (left is None or left > 0),
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
