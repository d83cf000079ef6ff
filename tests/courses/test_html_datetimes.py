"""Every `<time datetime>` on the assignment pages is a value HTML accepts.

`|date:"c"` wrote microseconds ("…T10:00:00.123456-05:00"), which the Nu HTML
checker rejects: a fraction of a second may have at most three digits.
"""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from assignments.models import AssignedLearner, Assignment
from assignments.services import assignment_create
from tests.courses.factories import make_course

# A valid date, or a valid global date and time with at most milliseconds.
VALID = re.compile(
    r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?"
)


def _datetimes(html: str) -> list[str]:
    return re.findall(r'<time datetime="([^"]*)"', html)


@pytest.mark.django_db
def test_the_assignment_page_and_its_history_write_valid_datetimes(
    personas, client_for
):
    bob = personas["manager"]
    assignment = assignment_create(
        actor=bob,
        course=make_course(title="Open data", modules=1),
        target=Assignment.Target.TEAM,
        target_employee=bob.employee,
        due_date=timezone.localdate() + timedelta(days=30),
    ).assignment
    learner = AssignedLearner.objects.get(assignment=assignment)
    client = client_for(bob)
    client.post(
        reverse("assignments:learner-extend", args=[learner.pk]),
        {"due_on": (learner.due_on + timedelta(days=7)).isoformat(), "reason": "Leave"},
    )
    for url in (
        reverse("assignments:detail", args=[assignment.pk]),
        reverse("assignments:learner-extend", args=[learner.pk]),
    ):
        values = _datetimes(client.get(url).text)
        assert values, url
        invalid = [v for v in values if not VALID.fullmatch(v)]
        assert not invalid, (url, invalid)
