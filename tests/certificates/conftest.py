"""Certificates for the personas: Alice (employee) completes a course, and so on."""

from django.core.cache import cache

import pytest

from certificates.models import Certificate
from courses.services import module_complete
from tests.courses.factories import make_course, modules_of


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # The verification rate limit lives in the (process-wide) test cache.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def complete(django_capture_on_commit_callbacks):
    """Complete every module of `course` as `user`, running after-commit work."""

    def run(user, course) -> Certificate | None:
        with django_capture_on_commit_callbacks(execute=True):
            for module in modules_of(course):
                module_complete(user=user, module=module)
        return (
            Certificate.objects.filter(user=user, course_id=course.pk)
            .order_by("-issued_at", "-pk")
            .first()
        )

    return run


@pytest.fixture
def course(db):
    return make_course(title="Cybersecurity essentials", modules=2, duration_minutes=90)


@pytest.fixture
def certificate(employee, course, complete) -> Certificate:
    """Alice's certificate for Cybersecurity essentials, issued and rendered."""
    return complete(employee, course)
