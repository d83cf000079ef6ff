"""Course pages for tests, built on the catalogue that site_sync creates."""

import itertools
import uuid

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from courses.models import CourseIndexPage, CoursePage, ModulePage
from demo.courses import question_stream_value

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


def question(kind: str, text: str, **spec) -> dict:
    """A question spec in the demo-content shape; see demo.courses.question_stream_value."""
    return {"type": kind, "text": text, "explanation": f"Because of {text}", **spec}


def option(text: str, correct: bool = False, feedback: str = "") -> dict:
    return {"text": text, "correct": correct, "feedback": feedback or f"About {text}"}


STANDARD_QUESTIONS = [
    question(
        "single",
        "Capital of Ontario?",
        options=[option("Toronto", True), option("Ottawa"), option("Kingston")],
    ),
    question(
        "multiple",
        "Which are strong passwords?",
        options=[
            option("correct horse battery staple", True),
            option("Tr0ub4dor&3x!long", True),
            option("password1"),
            option("123456"),
        ],
    ),
    question("truefalse", "Phishing emails can look official.", correct=True),
    question(
        "short",
        "What is signing in with a password and a code from your phone called?",
        accepted=["multi-factor", "two-factor authentication"],
    ),
]


def make_quiz_module(
    course: CoursePage,
    *,
    questions=None,
    title: str = "Check your knowledge",
    **settings,
) -> ModulePage:
    """A live quiz module at the end of `course`."""
    n = next(_counter)
    module = ModulePage(
        title=title,
        slug=f"quiz-{n}-{uuid.uuid4().hex[:6]}",
        body=paragraph("Answer these questions to finish the course."),
        questions=[question_stream_value(q) for q in (questions or STANDARD_QUESTIONS)],
        **settings,
    )
    CoursePage.objects.get(pk=course.pk).add_child(instance=module)
    return ModulePage.objects.get(pk=module.pk)


def right_answers(attempt) -> dict[str, list[str]]:
    """The correct response to every question of an attempt (from its server-side key)."""
    responses = {}
    for q in attempt.questions:
        if q["type"] == "short":
            responses[q["id"]] = [q["accepted"][0]]
        else:
            keys = [o["key"] for o in q["options"] if o["correct"]]
            responses[q["id"]] = keys
    return responses


def course_form_data(*, title: str, slug: str = "", **fields) -> dict:
    """What the course editor posts: every field, with empty inline panels."""
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "Write so residents understand the first time.",
            "description": rich_text("<p>About the course.</p>"),
            "level": "introductory",
            "duration_minutes": 30,
            "topics": "",
            "audience": "",
            "outcomes": rich_text(""),
            "validity_months": "",
            "recertification_window_days": 60,
            "skill_outcomes": inline_formset([]),
            "path_courses": inline_formset([]),
            "comments": inline_formset([]),
            **fields,
        }
    )
