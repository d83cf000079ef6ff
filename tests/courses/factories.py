"""Course pages for tests, built on the catalogue that site_sync creates."""

import itertools
import uuid

from courses.models import CourseIndexPage, CoursePage, ModulePage

_counter = itertools.count(1)


def paragraph(text: str) -> list[dict]:
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


def make_course(
    *,
    title: str | None = None,
    modules: int = 3,
    optional: int = 0,
    live: bool = True,
    **fields,
) -> CoursePage:
    """A published course with `modules` required and `optional` optional modules."""
    n = next(_counter)
    catalogue = CourseIndexPage.objects.get()
    course = CoursePage(
        title=title or f"Course {n}",
        slug=f"course-{n}-{uuid.uuid4().hex[:6]}",
        summary=fields.pop("summary", f"What course {n} is about."),
        live=live,
        **fields,
    )
    catalogue.add_child(instance=course)
    for i in range(modules + optional):
        make_module(
            course, title=f"Module {i + 1} of course {n}", is_required=i < modules
        )
    return CoursePage.objects.get(pk=course.pk)


def make_module(
    course: CoursePage, *, title: str, is_required: bool = True, live: bool = True
) -> ModulePage:
    n = next(_counter)
    module = ModulePage(
        title=title,
        slug=f"module-{n}-{uuid.uuid4().hex[:6]}",
        body=paragraph(f"The lesson text of {title}."),
        is_required=is_required,
        live=live,
    )
    CoursePage.objects.get(pk=course.pk).add_child(instance=module)
    return module


def modules_of(course: CoursePage) -> list[ModulePage]:
    return list(ModulePage.objects.child_of(course).order_by("path"))
