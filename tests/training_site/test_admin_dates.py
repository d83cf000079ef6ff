"""Every date column in our admin listings and reports shows the date itself.

Wagtail's DateColumn shows only the time since a date, so a due date ten days
ahead or an expiry years ahead read "Just now".
"""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from assignments.models import AssignedLearner, Assignment
from assignments.services import assignment_create
from certificates.models import Certificate
from tests.certificates.factories import issued_certificates
from tests.courses.factories import make_course


def _calendar(day) -> str:
    return f"{day.day} {day:%b %Y}"  # "12 Dec 2026", as an admin reads it


def _assert_shows_the_date(html: str, day, relative: str) -> None:
    assert f'<time datetime="{day.isoformat()}">{_calendar(day)}</time>' in html
    assert relative in html
    assert "just now" not in html.lower()


@pytest.fixture
def assignment(personas):
    course = make_course(title="Cyber hygiene", modules=1)
    return assignment_create(
        actor=personas["ld_admin"],
        course=course,
        target=Assignment.Target.EVERYONE,
        due_date=timezone.localdate() + timedelta(days=10),
    ).assignment


def test_assigned_people_shows_a_future_due_date_as_a_date(
    personas, client_for, assignment
):
    due = timezone.localdate() + timedelta(days=10)
    AssignedLearner.objects.filter(assignment=assignment).update(due_on=due)
    html = client_for(personas["ld_admin"]).get(reverse("org_assigned_people")).text
    _assert_shows_the_date(html, due, "in 10 days")


def test_assigned_people_shows_a_past_completion_as_a_date(
    personas, client_for, assignment
):
    three_days_ago = timezone.now() - timedelta(days=3)
    AssignedLearner.objects.filter(
        assignment=assignment, user=personas["employee"]
    ).update(completed_at=three_days_ago, completed_on=three_days_ago.date())
    html = client_for(personas["ld_admin"]).get(reverse("org_assigned_people")).text
    local = timezone.localtime(three_days_ago)
    assert f"{_calendar(local)} {local:%H:%M}</time>" in html
    assert "3 days ago" in html
    # A valid HTML datetime: to the second, with no microseconds.
    assert f'datetime="{local.replace(microsecond=0).isoformat()}"' in html


def test_the_certificate_register_shows_a_future_expiry_as_a_date(
    personas, client_for, org
):
    certificate = issued_certificates(make_course(modules=1), org["team_a"], 1)[0]
    expires = timezone.localdate() + timedelta(days=3 * 366)
    issued = timezone.now() - timedelta(days=2)
    Certificate.objects.filter(pk=certificate.pk).update(
        expires_on=expires, issued_at=issued
    )
    html = (
        client_for(personas["ld_admin"]).get(reverse("certificates_issued:index")).text
    )
    _assert_shows_the_date(html, expires, "in 3\xa0years")
    assert f"{_calendar(timezone.localtime(issued))} " in html
    assert "2 days ago" in html


def test_the_mandatory_training_listing_shows_when_it_was_assigned(
    personas, client_for, assignment
):
    ten_days_ago = timezone.now() - timedelta(days=10)
    Assignment.objects.filter(pk=assignment.pk).update(created_at=ten_days_ago)
    html = (
        client_for(personas["ld_admin"])
        .get(reverse("assignments_assignment:index"))
        .text
    )
    local = timezone.localtime(ten_days_ago)
    assert f"{_calendar(local)} {local:%H:%M}</time>" in html
    assert "10 days ago" in html
