"""Reads for the learner's pages, each a fixed number of queries whatever the size.

Selectors only read: rendering and caching what learners share is `page_cache.py`.
"""

import re
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Count, F, Max, Prefetch, Q
from django.db.models.functions import Coalesce, Substr
from django.http import QueryDict
from django.utils.translation import gettext as _

from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction

from .hooks import learner_due_dates
from .models import (
    CourseIndexPage,
    CoursePage,
    CourseTag,
    Enrolment,
    LearningPathPage,
    ModuleCompletion,
    ModulePage,
)
from .quizzes.selectors import quiz_status

CARD_RENDITION = "fill-480x270"
# Enough search hits for any catalogue we know of; a search never loads every page.
SEARCH_HITS_LIMIT = 1000
MATCHED_LESSONS = 3  # lessons named on a search result's card
DURATION_BUCKETS = {
    "short": (0, 30),
    "medium": (31, 60),
    "long": (61, 10_000),
}

AnyUser = AbstractBaseUser | AnonymousUser


@dataclass
class CourseState:
    """Where one learner stands on one course."""

    status: str = "not_started"  # not_started | in_progress | completed
    percent: int = 0
    enrolment: Enrolment | None = None
    completed_modules: set[int] = field(default_factory=set)

    @property
    def label(self) -> str:
        return {
            "not_started": _("Not started"),
            "in_progress": _("In progress"),
            "completed": _("Completed"),
        }[self.status]


def _required_counts(courses: list[CoursePage]) -> dict[int, int]:
    """Required live modules per course, in one grouped query."""
    if not courses:
        return {}
    depth = courses[0].depth
    prefix_length = depth * CoursePage.steplen
    by_path = {
        row["course_path"]: row["n"]
        for row in ModulePage.objects.live()
        .filter(
            is_required=True,
            depth=depth + 1,
            path__startswith=courses[0].path[: prefix_length - CoursePage.steplen],
        )
        .annotate(course_path=Substr("path", 1, prefix_length))
        .order_by()  # pages order by path, which would split the groups
        .values("course_path")
        .annotate(n=Count("pk"))
    }
    return {course.pk: by_path.get(course.path, 0) for course in courses}


def course_states(
    *, user: AnyUser, courses: list[CoursePage]
) -> dict[int, CourseState]:
    """Each course's state for `user`: three queries for any number of courses."""
    states = {course.pk: CourseState() for course in courses}
    if not user.is_authenticated or not courses:
        return states
    enrolments = {
        e.course_id: e
        for e in Enrolment.objects.filter(user=user, course_id__in=states.keys())
    }
    if not enrolments:
        return states
    required = _required_counts(courses)
    done: dict[int, set[int]] = {}
    for enrolment_id, module_id in ModuleCompletion.objects.filter(
        enrolment_id__in=[e.pk for e in enrolments.values()],
        module__live=True,
    ).values_list("enrolment_id", "module_id"):
        done.setdefault(enrolment_id, set()).add(module_id)
    required_done = _required_done(enrolments.values(), done)
    for course_id, enrolment in enrolments.items():
        states[course_id] = _state_of(
            enrolment=enrolment,
            completed=done.get(enrolment.pk, set()),
            required_total=required.get(course_id, 0),
            required_done=required_done[enrolment.pk],
        )
    return states


def _state_of(
    *,
    enrolment: Enrolment,
    completed: set[int],
    required_total: int,
    required_done: int,
) -> CourseState:
    state = CourseState(enrolment=enrolment, completed_modules=completed)
    if enrolment.completed_at:
        state.status, state.percent = "completed", 100
    elif enrolment.started_at is None and not completed:
        # Enrolled (or assigned) but never opened: nothing is in progress.
        state.status = "not_started"
    else:
        state.status = "in_progress"
        state.percent = (
            min(99, round(100 * required_done / required_total))
            if required_total
            else 0
        )
    return state


def _required_done(enrolments, done: dict[int, set[int]]) -> dict[int, int]:
    all_done = set().union(*done.values()) if done else set()
    required_ids = (
        set(
            ModulePage.objects.filter(pk__in=all_done, is_required=True).values_list(
                "pk", flat=True
            )
        )
        if all_done
        else set()
    )
    return {e.pk: len(done.get(e.pk, set()) & required_ids) for e in enrolments}


@dataclass
class CourseMatch:
    """Why a course is in the search results: its best hit's rank and matching lessons."""

    rank: int
    lessons: list[str] = field(default_factory=list)


def catalogue_search(
    *, catalogue: CourseIndexPage, query: str
) -> dict[str, CourseMatch]:
    """Courses whose own text or any live lesson's matches `query`, by tree path.

    One full-text search over courses and modules together (Wagtail's search
    index holds each page's StreamField text), so their scores are comparable;
    a course ranks by its best hit, its own or a lesson's. Ranks are positions,
    not scores: SQLite's BM25 and PostgreSQL's ts_rank run in opposite directions.
    """
    # Words only: the SQLite backend passes a stray double quote to FTS5 unescaped
    # ("unterminated string"), and the index splits words at punctuation anyway.
    words = " ".join(re.findall(r"\w+", query))
    if not words:
        return {}
    course_length = (catalogue.depth + 1) * CoursePage.steplen
    hits = (
        Page.objects.live()
        .descendant_of(catalogue)
        .type(CoursePage, ModulePage)
        .only("pk", "title", "path", "depth")
        .search(words)[:SEARCH_HITS_LIMIT]
    )
    matches: dict[str, CourseMatch] = {}
    for rank, hit in enumerate(hits):
        match = matches.setdefault(hit.path[:course_length], CourseMatch(rank=rank))
        if len(hit.path) > course_length and len(match.lessons) < MATCHED_LESSONS:
            match.lessons.append(hit.title)
    return matches


def catalogue_for_user(
    *, catalogue: CourseIndexPage, user: AnyUser, params: QueryDict
) -> dict:
    """The catalogue page: search, filters, and each card's state for this learner."""
    query = params.get("q", "").strip()
    level = params.get("level", "")
    topic = params.get("topic", "")
    duration = params.get("duration", "")

    courses = CoursePage.objects.live().child_of(catalogue)
    matches: dict[str, CourseMatch] = {}
    if query:
        matches = catalogue_search(catalogue=catalogue, query=query)
        courses = courses.filter(path__in=matches.keys())
    if level in CoursePage.Level.values:
        courses = courses.filter(level=level)
    if topic:
        courses = courses.filter(tagged_items__tag__slug=topic)
    if duration in DURATION_BUCKETS:
        low, high = DURATION_BUCKETS[duration]
        courses = courses.filter(duration_minutes__gte=low, duration_minutes__lte=high)
    courses = list(
        courses.order_by("title")
        .distinct()
        .prefetch_related(
            Prefetch(
                "image",
                queryset=get_image_model().objects.prefetch_renditions(CARD_RENDITION),
            ),
            "tagged_items__tag",
        )
    )
    if query:
        courses.sort(key=lambda course: matches[course.path].rank)
    states = course_states(user=user, courses=courses)
    # Assigned courses show their due date (one query).
    due = learner_due_dates(user=user, course_ids=[course.pk for course in courses])
    return {
        # Each card: the course, this learner's state, the due date if assigned,
        # and, for a search, the lessons whose text matched.
        "courses": [
            (
                course,
                states[course.pk],
                due.get(course.pk),
                matches[course.path].lessons if query else [],
            )
            for course in courses
        ],
        "learning_paths": list(
            LearningPathPage.objects.live().child_of(catalogue).order_by("title")
        ),
        "topics": list(
            CourseTag.tag_model()
            .objects.filter(courses_coursetag_items__content_object__live=True)
            .distinct()
            .order_by("name")
        ),
        "levels": CoursePage.Level.choices,
        "filters": {"q": query, "level": level, "topic": topic, "duration": duration},
        "is_filtered": bool(query or level or topic or duration),
    }


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


def course_progress(*, content: dict, course: CoursePage, user: AnyUser) -> dict:
    """What is this learner's own on a course page: at most four queries."""
    modules = content["modules"]
    state = CourseState()
    enrolment = (
        Enrolment.objects.filter(user=user, course_id=course.pk).first()
        if user.is_authenticated and course.pk
        else None
    )
    if enrolment:
        live_ids = {m["pk"] for m in modules}
        completed = live_ids & set(
            enrolment.completions.values_list("module_id", flat=True)
        )
        required = {m["pk"] for m in modules if m["is_required"]}
        state = _state_of(
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
    enrolment = None
    completed: set[int] = set()
    if user.is_authenticated:
        enrolment = Enrolment.objects.filter(user=user, course_id=course.pk).first()
        if enrolment:
            completed = set(enrolment.completions.values_list("module_id", flat=True))
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
    "time_limit_minutes", "reveal_answers",
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


def learning_path_progress(*, path: LearningPathPage, user: AnyUser) -> dict:
    """A learning path's courses in order, each with this learner's state."""
    courses = [
        item.course
        for item in path.path_courses.select_related("course").order_by("sort_order")
        if item.course.live
    ]
    states = course_states(user=user, courses=courses)
    completed = sum(1 for c in courses if states[c.pk].status == "completed")
    return {
        "path_courses": [(c, states[c.pk]) for c in courses],
        "path_completed": completed,
        "path_percent": round(100 * completed / len(courses)) if courses else 0,
    }


def my_learning(*, user: AbstractBaseUser) -> dict:
    """*My learning*: courses not started, in progress (with where to go), completed; paths."""
    enrolments = list(
        Enrolment.objects.filter(user=user, course__live=True)
        .select_related("course")
        .order_by("-enrolled_at")
    )
    courses = [e.course for e in enrolments]
    states = course_states(user=user, courses=courses)
    resume_ids = {e.last_module_id for e in enrolments if e.last_module_id}
    resume = {
        m.pk: m
        for m in ModulePage.objects.live()
        .filter(pk__in=resume_ids)
        .only("pk", "title", "url_path", "path", "depth")
    }
    first = _first_modules(
        [e.course for e in enrolments if states[e.course_id].status == "not_started"]
    )
    not_started, in_progress, completed = [], [], []
    for enrolment in enrolments:
        state = states[enrolment.course_id]
        if state.status == "not_started":
            not_started.append(
                (enrolment.course, state, first.get(enrolment.course_id))
            )
            continue
        item = (enrolment.course, state, resume.get(enrolment.last_module_id))
        (completed if enrolment.completed_at else in_progress).append(item)
    completed.sort(key=lambda item: item[1].enrolment.completed_at, reverse=True)
    paths = []
    for path in LearningPathPage.objects.live().prefetch_related(
        Prefetch(
            "path_courses__course",
            queryset=CoursePage.objects.live().only("pk", "title"),
        )
    ):
        ids = [item.course_id for item in path.path_courses.all()]
        done = sum(
            1 for cid in ids if cid in states and states[cid].status == "completed"
        )
        started = any(cid in states for cid in ids)
        paths.append(
            (path, done, len(ids), round(100 * done / len(ids)) if ids else 0, started)
        )
    return {
        "not_started": not_started,
        "in_progress": in_progress,
        "completed": completed,
        "learning_paths": paths,
    }


def _first_modules(courses: list[CoursePage]) -> dict[int, ModulePage]:
    """{course id: its first live module}, where *Start* leads; one query (or none)."""
    if not courses:
        return {}
    by_path = {course.path: course.pk for course in courses}
    within = Q()
    for course in courses:
        within |= Q(path__startswith=course.path, depth=course.depth + 1)
    first: dict[int, ModulePage] = {}
    for module in (
        ModulePage.objects.live()
        .filter(within)
        .order_by("path")
        .only("pk", "title", "url_path", "path", "depth")
    ):
        first.setdefault(by_path[module.path[: -ModulePage.steplen]], module)
    return first


def most_recent_course(
    *, user: AbstractBaseUser
) -> tuple[CoursePage, CourseState, ModulePage | None] | None:
    """The unfinished course the learner was last active in, with where it resumes."""
    enrolment = (
        Enrolment.objects.in_progress()
        .filter(user=user, course__live=True)
        # Last active: the latest module they finished, else when they first opened it.
        .annotate(active_at=Coalesce(Max("completions__completed_at"), "started_at"))
        .filter(active_at__isnull=False)
        .select_related("course")
        .order_by(F("active_at").desc(), "-pk")
        .first()
    )
    if enrolment is None:
        return None
    course = enrolment.course
    state = course_states(user=user, courses=[course])[course.pk]
    resume = (
        ModulePage.objects.live().filter(pk=enrolment.last_module_id).first()
        if enrolment.last_module_id
        else None
    ) or _first_modules([course]).get(course.pk)
    return course, state, resume
