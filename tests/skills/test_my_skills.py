"""*My skills*: current against target as a chart and a table, gaps, courses, history."""

import datetime
import re

from django.urls import reverse
from django.utils import timezone

import pytest

from skills.models import Assessment
from skills.services import levels_refresh
from tests.courses.factories import make_course
from tests.skills.factories import add_outcome


@pytest.fixture
def profile(staffed, employee, manager):
    """Data 2 confirmed (target 3), Cyber 2 by course (target 2), Plain 1 unconfirmed."""
    skills = staffed["skills"]
    alice = employee.employee
    now = timezone.now()

    def add(skill, kind, level, days_ago, **extra):
        Assessment.objects.create(
            employee=alice,
            skill=skills[skill],
            kind=kind,
            level=level,
            created_at=now - datetime.timedelta(days=days_ago),
            **extra,
        )

    add("data", "self", 3, 9, assessed_by=employee)
    add("data", "manager", 2, 8, assessed_by=manager, note="Next: the dashboards.")
    add("cyber", "self", 1, 9, assessed_by=employee)
    add("cyber", "course", 2, 5, note="Cyber 101")
    add("plain", "self", 1, 9, assessed_by=employee)
    add("drones", "self", 3, 9, assessed_by=employee)
    levels_refresh(pairs=[(alice.pk, s.pk) for s in skills.values()])
    return skills


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.django_db
def test_chart_and_table_show_current_target_gap_and_confirmation(
    client_for, employee, profile
):
    page = client_for(employee).get(reverse("skills:my-skills")).text
    text = _text(page)
    assert "Your role profile: Customer service representative." in text
    assert (
        "Data literacy Current: Working (2) · target: Practitioner (3) · gap: 1 level "
        "· ✓ confirmed by manager" in text
    )
    assert (
        "Cybersecurity Current: Working (2) · target: Working (2) · ✓ confirmed by course"
        in text
    )
    assert (
        "Plain language Current: Awareness (1) · target: Working (2) · gap: 1 level "
        "· ? unconfirmed" in text
    )
    assert "Drone piloting Current: Practitioner (3) · ? unconfirmed" in text
    # The bars are decoration; the figure's text and the table carry the numbers.
    assert page.count('class="skill-bar-track" aria-hidden="true"') == 4
    assert "Data literacy 3 2 1 ✓ manager" in text
    assert "Drone piloting — 3 0 ? unconfirmed" in text


@pytest.mark.django_db
def test_gaps_list_live_courses_that_reach_the_target(client_for, employee, profile):
    closes = make_course(title="Data in depth")
    add_outcome(closes, profile["data"], 3)
    too_low = make_course(title="Data basics")
    add_outcome(too_low, profile["data"], 2)
    unpublished = make_course(title="Data draft", live=False)
    add_outcome(unpublished, profile["data"], 4)
    writing = make_course(title="Writing clearly")
    add_outcome(writing, profile["plain"], 2)
    met = make_course(title="Cyber again")
    add_outcome(met, profile["cyber"], 4)  # no gap there: not recommended

    text = _text(client_for(employee).get(reverse("skills:my-skills")).text)
    gaps = text.split("Gaps and the courses that close them")[1].split("History")[0]
    assert (
        "Data literacy You are at Working; your role needs Practitioner: 1 level to go."
        in gaps
    )
    assert "Data in depth (reaches Practitioner)" in gaps
    assert "Writing clearly (reaches Working)" in gaps
    for absent in ("Data basics", "Data draft", "Cyber again", "Drone piloting"):
        assert absent not in gaps


@pytest.mark.django_db
def test_history_shows_every_assessment_with_who_and_when(
    client_for, employee, profile
):
    text = _text(client_for(employee).get(reverse("skills:my-skills")).text)
    history = text.split("History")[1]
    assert "Cybersecurity (2 entries)" in history
    assert (
        "Manager rating, Working (2) by Bob Bouchard Next: the dashboards." in history
    )
    assert "Course evidence, Working (2) — Cyber 101" in history
    assert "Self-assessment, Practitioner (3)" in history


@pytest.mark.django_db
def test_someone_with_no_ratings_sees_their_targets_as_gaps(
    client_for, employee, staffed
):
    text = _text(client_for(employee).get(reverse("skills:my-skills")).text)
    assert "Data literacy Not rated · target: Practitioner (3) · gap: 3 levels" in text
    assert "Rate your skills" in text


@pytest.mark.django_db
def test_an_account_without_an_employee_record_gets_an_explanation(client_for, db):
    from tests.people.factories import UserFactory

    page = client_for(UserFactory()).get(reverse("skills:my-skills"))
    assert page.status_code == 200
    assert "not linked to an employee record" in page.text
