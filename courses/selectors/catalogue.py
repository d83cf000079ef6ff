"""The catalogue: full-text search over courses and lessons, filters, and cards."""

import re
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.http import QueryDict

from wagtail.images import get_image_model
from wagtail.models import Page

from ..hooks import learner_due_dates
from ..models import (
    CourseIndexPage,
    CoursePage,
    CourseTag,
    LearningPathPage,
    ModulePage,
)
from .progress import AnyUser, course_states

CARD_RENDITION = "fill-480x270"
# Enough search hits for any catalogue we know of; a search never loads every page.
SEARCH_HITS_LIMIT = 1000
MATCHED_LESSONS = 3  # lessons named on a search result's card
DURATION_BUCKETS = {
    "short": (0, 30),
    "medium": (31, 60),
    "long": (61, 10_000),
}


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


def course_choices():
    """Every course, live or not, by title: for a report's dropdown."""
    return CoursePage.objects.order_by("title")
