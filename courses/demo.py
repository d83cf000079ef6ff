"""Demo courses and progress for `seed_demo`. Idempotent: existing pages are kept."""

import uuid
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction

from .demo_content import COURSES, LEARNING_PATHS, QUIZZES
from .models import (
    CourseIndexPage,
    CoursePage,
    Enrolment,
    LearningPathCourse,
    LearningPathPage,
    ModulePage,
    QuizAttempt,
)
from .quizzes.services import answers_save, attempt_start, attempt_submit
from .services import enrolment_create, enrolment_visit, module_complete


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


def _question(spec: dict) -> dict:
    """A question from demo_content in the raw StreamField form of QuestionPoolBlock."""
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
    quiz = QUIZZES.get(slug)
    if not quiz:
        return {}
    return {
        "questions": [_question(q) for q in quiz["questions"]],
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
    for spec in COURSES:
        wanted = {courses[slug].pk for slug in spec["prerequisites"]}
        course = CoursePage.objects.get(pk=courses[spec["slug"]].pk)
        if set(course.prerequisites.values_list("pk", flat=True)) != wanted:
            course.prerequisites.set(wanted)
            _publish(course)


def _ensure_paths(catalogue: CourseIndexPage, courses: dict[str, CoursePage]) -> None:
    for spec in LEARNING_PATHS:
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


def _complete(
    user,
    course: CoursePage,
    how_many: int | None = None,
    *,
    failed_first: bool = False,
    enrolled: bool = False,
) -> None:
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


# username -> (courses completed, (course in progress, modules done))
DEMO_PROGRESS = {
    "employee": (
        ["cybersecurity-essentials", "working-with-data"],
        ("human-centred-service-design", 2),
    ),
    "manager": (["leading-through-change"], ("agile-delivery", 1)),
    "trainer": (["human-centred-service-design"], None),
}


@transaction.atomic
def courses_demo_seed() -> None:
    """Publish the demo courses and learning paths, and give the demo people progress."""
    catalogue = CourseIndexPage.objects.get()
    courses = {spec["slug"]: _ensure_course(catalogue, spec) for spec in COURSES}
    _ensure_prerequisites(courses)
    _ensure_paths(catalogue, courses)

    users = get_user_model().objects.in_bulk(list(DEMO_PROGRESS), field_name="username")
    for username, (done, partial) in DEMO_PROGRESS.items():
        user = users.get(username)
        if user is None:
            continue
        for index, slug in enumerate(done):
            # The demo employee failed their second course's check once first.
            _complete(user, courses[slug], failed_first=index == 1)
        if partial:
            slug, modules_done = partial
            if Enrolment.objects.filter(user=user, course=courses[slug]).exists():
                continue
            _complete(user, courses[slug], modules_done)
            enrolment = enrolment_create(user=user, course=courses[slug])
            next_module = ModulePage.objects.live().child_of(courses[slug])[
                modules_done
            ]
            enrolment_visit(enrolment=enrolment, module=next_module)
    _leave_attempt_open(users.get("employee"), courses["accessible-customer-service"])


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


# What seed_demo assigns: (course slug, target unit code or None for all staff,
# days from today to the due date, share of people who have already finished).
DEMO_ASSIGNMENTS = [
    ("accessible-customer-service", None, 10, 3),
    ("new-case-management-system", "DIV-311", -7, 4),
]
DEMO_REASONS = {
    "accessible-customer-service": "Required for all staff by the AODA.",
    "new-case-management-system": "CaseConnect goes live in the 311 Contact Centre.",
}


@transaction.atomic
def assignments_demo_seed(*, today=None) -> int:
    """Assign the AODA course to all staff and CaseConnect to the 311 division.

    Every `share`-th person has already completed it and the rest are due
    soon (AODA) or overdue (CaseConnect), so My learning, My team and the
    reminders all have something to show. Returns the people newly assigned.
    """
    from django.utils import timezone

    from people.models import Employee, OrgUnit

    from .assignment_services import assignment_create, assignment_expand
    from .models import Assignment

    today = today or timezone.localdate()
    added = 0
    for slug, unit_code, days, share in DEMO_ASSIGNMENTS:
        course = CoursePage.objects.live().filter(slug=slug).first()
        unit = OrgUnit.objects.filter(code=unit_code).first() if unit_code else None
        if course is None or (unit_code and unit is None):
            continue
        existing = Assignment.objects.filter(course=course, target_unit=unit).first()
        if existing is not None:
            added += assignment_expand(assignment=existing)
            continue
        expansion = assignment_create(
            actor=None,
            course=course,
            target=Assignment.Target.ORG_UNIT if unit else Assignment.Target.EVERYONE,
            target_unit=unit,
            due_date=today + timedelta(days=days),
            reason=DEMO_REASONS[slug],
            today=today,
        )
        added += expansion.added
        # A sample finishes it (bounded, so a 40,000-person org seeds quickly);
        # the demo employee never does, so their My learning shows it open.
        people = (
            Employee.objects.filter(user__assignments__assignment=expansion.assignment)
            .exclude(user__username="employee")
            .order_by("employee_number")
            .values_list("user_id", flat=True)
        )
        finishers = get_user_model().objects.filter(
            pk__in=list(people[: 60 * share])[::share]
        )
        for user in finishers:
            _complete(user, course, enrolled=True)
    return added
