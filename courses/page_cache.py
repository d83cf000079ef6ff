"""What every learner sees alike on course and module pages: rendered once, cached.

Selectors read; this module renders the shared HTML (lessons, course texts, the
card image) and keeps it in the cache, so it is the only module of the app that
writes the cache. Everything is cached under the content generation, which
`signal_handlers.content_changed` bumps whenever a page is published,
unpublished, moved or deleted or its privacy changes. With a shared cache
(Redis) that takes effect everywhere at once; with the per-process default,
other processes see the change within `MODULE_CACHE_SECONDS`. Previews never
read or write the cache (`course_page_fresh`, `module_page_fresh`).
"""

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from wagtail.models import Page
from wagtail.rich_text import RichText

from .models import CoursePage, ModulePage
from .selectors.catalogue import CARD_RENDITION
from .selectors.pages import (
    course_content,
    course_of,
    live_course,
    module_outline,
    module_with_course,
    restricted_paths,
)

LESSON_CACHE_SECONDS = 24 * 60 * 60
MODULE_CACHE_SECONDS = 60
CONTENT_GENERATION_KEY = "courses:content-generation"


def content_generation() -> int:
    return cache.get_or_set(CONTENT_GENERATION_KEY, 1, None)


def bump_content_generation() -> None:
    try:
        cache.incr(CONTENT_GENERATION_KEY)
    except ValueError:  # not set yet (or evicted): any new value will do
        cache.set(CONTENT_GENERATION_KEY, 2, None)


def has_view_restriction(page: Page) -> bool:
    """Whether Wagtail page privacy applies to `page`, set on it or an ancestor.

    The fast course and module views hand such pages to Wagtail, which enforces
    the restriction. The restricted pages' paths are read once per content
    generation, which saving or deleting a restriction bumps.
    """
    key = f"restricted-paths:{content_generation()}"
    paths = cache.get(key)
    if paths is None:
        paths = restricted_paths()
        cache.set(key, paths, MODULE_CACHE_SECONDS)
    steplen = Page.steplen
    return any(
        page.path[:end] in paths for end in range(steplen, len(page.path) + 1, steplen)
    )


def lesson_html(*, module: ModulePage, fresh: bool = False) -> str:
    """The module's lesson rendered to HTML, cached per published revision.

    A lesson only changes when it is published again, which gives it a new
    live revision and so a new key; every learner sees the same HTML. On a
    miss the body (deferred by `module_with_course`) is loaded and rendered.
    A preview (`fresh`) shows the editor's unsaved body, never the cache's.
    """
    if fresh or not module.live_revision_id:  # a preview or a test page
        return _render_lesson(module)
    key = f"lesson-html:{module.pk}:{module.live_revision_id}"
    html = cache.get(key)
    if html is None:
        html = _render_lesson(module)
        cache.set(key, html, LESSON_CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 (our own template's output, cached)


def _render_lesson(module: ModulePage) -> str:
    return render_to_string("courses/includes/lesson.html", {"page": module})


def course_html(course: CoursePage) -> dict:
    """A course page's texts and image as HTML, as |richtext and {% image %} render them."""
    image = course.image
    # Plain strings keep the cache small.
    return {
        "description_html": RichText(course.description).__html__()
        if course.description
        else "",
        "outcomes_html": RichText(course.outcomes).__html__()
        if course.outcomes
        else "",
        "image_html": image.get_rendition(CARD_RENDITION).img_tag(
            {"class": "img-fluid rounded mb-3"}
        )
        if image
        else "",
    }


def course_page_content(*, course_slug: str) -> dict | None:
    """A live course with its outline and rendered text, shared by every learner; cached."""
    key = f"course-page:{content_generation()}:{course_slug}"
    content = cache.get(key)
    if content is None:
        course = live_course(course_slug=course_slug)
        if course is None:
            return None
        content = {
            "page": course,
            "restricted": has_view_restriction(course),
            **course_content(course),
            **course_html(course),
        }
        cache.set(key, content, MODULE_CACHE_SECONDS)
    return content


def course_page_fresh(*, course: CoursePage) -> dict:
    """The same as `course_page_content`, built afresh (Wagtail's routing, previews)."""
    return {"page": course, **course_content(course), **course_html(course)}


def module_page_content(*, course_slug: str, module_slug: str) -> dict | None:
    """A live module with its course, outline and lesson, shared by every learner; cached."""
    key = f"module-page:{content_generation()}:{course_slug}/{module_slug}"
    content = cache.get(key)
    if content is None:
        module = module_with_course(course_slug=course_slug, module_slug=module_slug)
        if module is None:
            return None
        content = {
            "page": module,
            "restricted": has_view_restriction(module),
            **module_outline(module=module, course=module.course),
            "lesson_html": lesson_html(module=module),
        }
        cache.set(key, content, MODULE_CACHE_SECONDS)
    return content


def module_page_fresh(*, module: ModulePage, preview: bool) -> dict:
    """The same as `module_page_content`, built afresh (Wagtail's routing, previews)."""
    return {
        "page": module,
        **module_outline(module=module, course=course_of(module)),
        "lesson_html": lesson_html(module=module, fresh=preview),
    }
