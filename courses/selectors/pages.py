"""Course and module pages: their outline, and this learner's progress on them.

What every learner sees alike is read here and cached by `courses/page_cache.py`;
what is the learner's own is read on every request.
"""

from django.db.models import F

from wagtail.models import Page, PageViewRestriction

from ..hooks import learner_due_dates
from ..models import CoursePage, Enrolment, ModulePage
from ..quizzes.selectors import quiz_status
from .progress import AnyUser, CourseState, state_of


def course_outline(*, course: CoursePage, user: AnyUser) -> dict:
    """The course's outline and this learner's progress on it (the enrolment redirect)."""
    content = course_content(course)
    return {**content, **course_progress(content=content, course=course, user=user)}


def live_course(*, course_slug: str) -> CoursePage | None:
    """The live course at `/courses/<course_slug>/`, with its image, or None."""
    return (
        CoursePage.objects.live()
        .filter(slug=course_slug, url_path__endswith=f"/courses/{course_slug}/")
        .select_related("image")
        .first()
    )


def restricted_paths() -> set[str]:
    """The tree paths of every page with Wagtail page privacy set on it."""
    return set(PageViewRestriction.objects.values_list("page__path", flat=True))


def course_content(course: CoursePage) -> dict:
    """What every learner sees alike on a course page, as plain values."""
    # Plain values with their URLs, as on module pages: a Page per module, and
    # {% pageurl %} per link, cost more than the query.
    course_url = course.url or ""
    modules = [
        {**values, "nav_url": f"{course_url}{values['slug']}/"}
        for values in ModulePage.objects.live()
        .child_of(course)
        .values("pk", "title", "slug", "estimated_minutes", "is_required")
    ]
    # Plain filter(), not live(): in a preview the relation is modelcluster's
    # in-memory FakeQuerySet, which has Django's queryset methods but not Wagtail's.
    prerequisites = [
        {"pk": p.pk, "title": p.title, "url": p.url}
        for p in course.prerequisites.filter(live=True)
        .order_by("path")
        .only("pk", "title", "url_path", "path", "depth")
    ]
    return {
        "catalogue_url": course.get_parent().url,
        "modules": modules,
        "prerequisites": prerequisites,
        "total_minutes": sum(m["estimated_minutes"] for m in modules),
    }


def enrolment_with_ticks(
    *, user: AnyUser, course_id: int | None
) -> tuple[Enrolment | None, set[int]]:
    """This learner's enrolment on a course and the modules it has completed: one query."""
    if not user.is_authenticated or not course_id:
        return None, set()
    # One row per completion (or one with None): the enrolment comes with its
    # ticks instead of asking for them in a second query.
    rows = list(
        Enrolment.objects.filter(user=user, course_id=course_id).annotate(
            ticked=F("completions__module_id")
        )
    )
    if not rows:
        return None, set()
    return rows[0], {row.ticked for row in rows if row.ticked is not None}


def course_progress(*, content: dict, course: CoursePage, user: AnyUser) -> dict:
    """What is this learner's own on a course page: at most three queries."""
    modules = content["modules"]
    state = CourseState()
    enrolment, ticked = enrolment_with_ticks(user=user, course_id=course.pk)
    if enrolment:
        live_ids = {m["pk"] for m in modules}
        completed = live_ids & ticked
        required = {m["pk"] for m in modules if m["is_required"]}
        state = state_of(
            enrolment=enrolment,
            completed=completed,
            required_total=len(required),
            required_done=len(completed & required),
        )
    resume = None
    if enrolment and modules:
        by_id = {m["pk"]: m for m in modules}
        resume = by_id.get(enrolment.last_module_id)
        not_done = [m for m in modules if m["pk"] not in state.completed_modules]
        if (
            state.status != "completed"
            and not_done
            and (resume is None or resume["pk"] in state.completed_modules)
        ):
            resume = not_done[0]
    prerequisites = content["prerequisites"]
    missing = prerequisites
    if prerequisites and user.is_authenticated:
        done = set(
            Enrolment.objects.completed()
            .filter(user=user, course_id__in=[p["pk"] for p in prerequisites])
            .values_list("course_id", flat=True)
        )
        missing = [p for p in prerequisites if p["pk"] not in done]
    return {
        "state": state,
        "resume_module": resume or (modules[0] if modules else None),
        "missing_prerequisites": missing,
        # Set when the course is assigned to this learner (one or two queries).
        "due_on": learner_due_dates(user=user, course_ids=[course.pk]).get(course.pk),
    }


def course_of(module: ModulePage) -> CoursePage:
    """The course a module sits in (its parent page)."""
    return CoursePage.objects.get(path=module.path[: -ModulePage.steplen])


def module_outline(*, module: ModulePage, course: CoursePage) -> dict:
    """What every learner sees alike, but the lesson: the course, the modules, where."""
    # Plain values, not pages: the outline needs a title and a link, and each
    # Page instance costs more to build than its query. Each page.url looks up
    # the site's root paths; the siblings share the course's.
    course_url = course.url
    siblings = [
        {**values, "nav_url": f"{course_url}{values['slug']}/"}
        for values in ModulePage.objects.live()
        .child_of(course)
        .values("pk", "title", "slug")
    ]
    index = next((i for i, m in enumerate(siblings) if m["pk"] == module.pk), None)
    return {
        "course": course,
        "course_url": course_url,
        "modules": siblings,
        "previous_module": siblings[index - 1] if index else None,
        "next_module": siblings[index + 1]
        if index is not None and index + 1 < len(siblings)
        else None,
        "position": (index or 0) + 1,
    }


def module_progress(*, module: ModulePage, course: CoursePage, user: AnyUser) -> dict:
    """What is this learner's own: their enrolment, ticks and knowledge check."""
    enrolment, completed = enrolment_with_ticks(user=user, course_id=course.pk)
    quiz = {}
    if module.has_quiz and user.is_authenticated:
        quiz = quiz_status(module=module, user=user)
    return {
        **quiz,
        "enrolment": enrolment,
        "completed_modules": completed,
        "is_complete": module.pk in completed,
        "course_complete": bool(enrolment and enrolment.completed_at),
    }


# What a module page shows; loading only these keeps the query cheap to build.
MODULE_PAGE_FIELDS = [
    "id", "title", "draft_title", "seo_title", "slug", "url_path", "path", "depth",
    "live", "live_revision_id", "content_type_id", "locale_id", "body",
    "estimated_minutes",
    "is_required", "questions", "pass_mark", "attempts_allowed",
    "time_limit_minutes", "reveal_answers", "package_id",
]  # fmt: skip


def module_with_course(*, course_slug: str, module_slug: str) -> ModulePage | None:
    """A live module and its live course (as `.course`), in two small queries."""
    suffix = f"/{course_slug}/{module_slug}/"
    module = next(
        (
            m
            for m in ModulePage.objects.live()
            .filter(slug=module_slug)
            .only(*MODULE_PAGE_FIELDS)
            if m.url_path.endswith(suffix)
        ),
        None,
    )
    if module is None:
        return None
    parent = (
        Page.objects.live()
        .filter(path=module.path[: -ModulePage.steplen])
        .values("pk", "title", "url_path")
        .first()
    )
    if parent is None:
        return None
    # Enough of the course for the template: its id, title and URL.
    module.course = CoursePage(
        pk=parent["pk"],
        title=parent["title"],
        slug=course_slug,
        url_path=parent["url_path"],
        path=module.path[: -ModulePage.steplen],
        depth=module.depth - 1,
        live=True,
    )
    return module
