"""A page published while learners read it is not kept stale by the page cache."""

from django.core.cache import cache

import pytest

from courses.page_cache import content_generation, course_page_content
from tests.courses.factories import make_course


@pytest.mark.django_db
def test_a_course_cached_before_its_publish_commits_shows_the_new_version_after(
    client, employee, django_capture_on_commit_callbacks
):
    course = make_course(title="Fire safety 2025", modules=1)
    client.force_login(employee)
    old = course_page_content(course_slug=course.slug)
    with django_capture_on_commit_callbacks(execute=True):
        course.title = "Fire safety 2026"
        course.save_revision().publish()
        # Another worker serves the page between the publish and its commit: it
        # still reads the old row and caches it under the new generation.
        cache.set(f"course-page:{content_generation()}:{course.slug}", old, 60)
    response = client.get(course.url)
    assert "Fire safety 2026" in response.content.decode()
