"""Demo courses and progress for `seed_demo`, from demo/content/. Idempotent: existing pages are kept."""

import uuid

from django.contrib.auth import get_user_model
from django.db import transaction

from courses.models import (
    CourseIndexPage,
    CoursePage,
    Enrolment,
    LearningPathCourse,
    LearningPathPage,
    ModulePage,
    QuizAttempt,
)
from courses.quizzes.services import answers_save, attempt_start, attempt_submit
from courses.services import enrolment_create, enrolment_visit, module_complete

from . import content_files


def _stream(body: list[tuple[str, object]]) -> list[dict]:
    return [
        {"type": kind, "value": value, "id": str(uuid.uuid4())} for kind, value in body
    ]


def _items(values: list) -> list[dict]:
    return [
        {"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values
    ]


def _paragraph(text: str) -> str:
    return text if text.startswith("<") else f"<p>{text}</p>"


def question_stream_value(spec: dict) -> dict:
    """A question from a quiz file in the raw StreamField form of QuestionPoolBlock."""
    value = {
        "text": spec["text"],
        "explanation": _paragraph(spec.get("explanation", "")),
    }
    if spec["type"] in ("single", "multiple"):
        value["options"] = _items(
            [
                {
                    "text": o["text"],
                    "correct": o["correct"],
                    "feedback": o.get("feedback", ""),
                }
                for o in spec["options"]
            ]
        )
    elif spec["type"] == "truefalse":
        value["correct"] = spec["correct"]
    else:
        value["accepted"] = _items(spec["accepted"])
    return {"type": spec["type"], "value": value, "id": str(uuid.uuid4())}


def _quiz_fields(slug: str) -> dict:
    quiz = content_files.quizzes().get(slug)
    if not quiz:
        return {}
    return {
        "questions": [question_stream_value(q) for q in quiz["questions"]],
        "pass_mark": quiz["pass_mark"],
        "attempts_allowed": quiz["attempts_allowed"],
        "questions_per_attempt": quiz["questions_per_attempt"],
    }


def _outcomes_html(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _publish(page) -> None:
    page.save_revision().publish()


def _ensure_course(catalogue: CourseIndexPage, spec: dict) -> CoursePage:
    course = CoursePage.objects.child_of(catalogue).filter(slug=spec["slug"]).first()
    if course is None:
        course = CoursePage(
            title=spec["title"],
            slug=spec["slug"],
            summary=spec["summary"],
            description=spec["description"],
            level=spec["level"],
            duration_minutes=spec["duration_minutes"],
            audience=spec["audience"],
            outcomes=_outcomes_html(spec["outcomes"]),
            validity_months=spec["validity_months"],
        )
        catalogue.add_child(instance=course)
        course.topics.add(*spec["topics"])
        _publish(course)
    existing = set(ModulePage.objects.child_of(course).values_list("slug", flat=True))
    for module_spec in spec["modules"]:
        if module_spec["slug"] in existing:
            continue
        module = ModulePage(
            title=module_spec["title"],
            slug=module_spec["slug"],
            estimated_minutes=module_spec["minutes"],
            is_required=module_spec["required"],
            body=_stream(module_spec["body"]),
            **_quiz_fields(module_spec["slug"]),
        )
        CoursePage.objects.get(pk=course.pk).add_child(instance=module)
        _publish(module)
    return course


def _ensure_prerequisites(courses: dict[str, CoursePage]) -> None:
    for spec in content_files.courses():
        wanted = {courses[slug].pk for slug in spec["prerequisites"]}
        course = CoursePage.objects.get(pk=courses[spec["slug"]].pk)
        if set(course.prerequisites.values_list("pk", flat=True)) != wanted:
            course.prerequisites.set(wanted)
            _publish(course)


def _ensure_paths(catalogue: CourseIndexPage, courses: dict[str, CoursePage]) -> None:
    for spec in content_files.learning_paths():
        if (
            LearningPathPage.objects.child_of(catalogue)
            .filter(slug=spec["slug"])
            .exists()
        ):
            continue
        path = LearningPathPage(
            title=spec["title"], slug=spec["slug"], intro=spec["intro"]
        )
        path.path_courses = [
            LearningPathCourse(course=courses[slug], sort_order=i)
            for i, slug in enumerate(spec["courses"])
        ]
        CourseIndexPage.objects.get(pk=catalogue.pk).add_child(instance=path)
        _publish(path)


def _take_quiz(user, module: ModulePage, *, right: bool) -> None:
    """A demo attempt answered all right (passes) or all wrong (fails)."""
    attempt = attempt_start(user=user, module=module)
    responses = {}
    for question in attempt.questions:
        if question["type"] == "short":
            responses[question["id"]] = [
                question["accepted"][0] if right else "not sure"
            ]
        else:
            keys = [o["key"] for o in question["options"] if o["correct"] == right]
            responses[question["id"]] = (
                keys if question["type"] == "multiple" else keys[:1]
            )
    answers_save(attempt=attempt, responses=responses)
    attempt_submit(attempt=attempt)


def course_complete(
    user,
    course: CoursePage,
    how_many: int | None = None,
    *,
    failed_first: bool = False,
    enrolled: bool = False,
) -> None:
    """Complete `how_many` required modules (all by default), passing each check."""
    if not enrolled and Enrolment.objects.filter(user=user, course=course).exists():
        return  # seeded before: leave their progress as it is
    modules = list(ModulePage.objects.live().child_of(course).filter(is_required=True))
    for module in modules[: how_many if how_many is not None else len(modules)]:
        if module.has_quiz:
            if failed_first:
                _take_quiz(user, module, right=False)
            _take_quiz(user, module, right=True)
        else:
            module_complete(user=user, module=module)


@transaction.atomic
def courses_demo_seed() -> None:
    """Publish the demo courses and learning paths, and give the demo people progress."""
    catalogue = CourseIndexPage.objects.get()
    courses = {
        spec["slug"]: _ensure_course(catalogue, spec)
        for spec in content_files.courses()
    }
    _ensure_prerequisites(courses)
    _ensure_paths(catalogue, courses)

    progress = content_files.content_read("progress.toml")
    users = get_user_model().objects.in_bulk(list(progress), field_name="username")
    for username, plan in progress.items():
        user = users.get(username)
        if user is None:
            continue
        for index, slug in enumerate(plan["completed"]):
            # Each demo person failed their second course's check once first.
            course_complete(user, courses[slug], failed_first=index == 1)
        partial = plan.get("in_progress")
        if partial:
            slug, modules_done = partial["course"], partial["modules_done"]
            if Enrolment.objects.filter(user=user, course=courses[slug]).exists():
                continue
            course_complete(user, courses[slug], modules_done)
            enrolment = enrolment_create(user=user, course=courses[slug])
            next_module = ModulePage.objects.live().child_of(courses[slug])[
                modules_done
            ]
            enrolment_visit(enrolment=enrolment, module=next_module)
    for username, plan in progress.items():
        if "open_attempt" in plan:
            _leave_attempt_open(users.get(username), courses[plan["open_attempt"]])


def _leave_attempt_open(user, course: CoursePage) -> None:
    """An attempt the demo employee started and will resume: two answers saved."""
    if user is None:
        return
    quiz = [m for m in ModulePage.objects.live().child_of(course) if m.has_quiz][0]
    if QuizAttempt.objects.filter(user=user, module_id=quiz.pk).exists():
        return
    attempt = attempt_start(user=user, module=quiz)
    first_two = attempt.questions[:2]
    answers_save(
        attempt=attempt,
        responses={
            q["id"]: ([q["options"][0]["key"]] if q.get("options") else ["accessible"])
            for q in first_two
        },
    )
