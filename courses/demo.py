"""Demo courses and progress for `seed_demo`. Idempotent: existing pages are kept."""

import uuid

from django.contrib.auth import get_user_model
from django.db import transaction

from .demo_content import COURSES, LEARNING_PATHS
from .models import (
    CourseIndexPage,
    CoursePage,
    Enrolment,
    LearningPathCourse,
    LearningPathPage,
    ModulePage,
)
from .services import enrolment_create, enrolment_visit, module_complete


def _stream(body: list[tuple[str, object]]) -> list[dict]:
    return [
        {"type": kind, "value": value, "id": str(uuid.uuid4())} for kind, value in body
    ]


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


def _complete(user, course: CoursePage, how_many: int | None = None) -> None:
    if Enrolment.objects.filter(user=user, course=course).exists():
        return  # seeded before: leave their progress as it is
    modules = list(ModulePage.objects.live().child_of(course).filter(is_required=True))
    for module in modules[: how_many if how_many is not None else len(modules)]:
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
        for slug in done:
            _complete(user, courses[slug])
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
