"""Course evidence newer than a manager rating raises the level; completed courses
are not recommended while their completion is valid (issue 13, item 2)."""

import datetime
import re

from django.urls import reverse
from django.utils import timezone

import pytest

from courses.models import Enrolment
from courses.services import module_complete
from skills.levels import resolve_from_assessments
from tests.courses.factories import make_course, modules_of
from tests.skills.factories import add_outcome
from tests.skills.helpers import review, submit

T0 = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)


def day(n: int) -> datetime.datetime:
    return T0 + datetime.timedelta(days=n)


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def finish(django_capture_on_commit_callbacks):
    """Complete every module of a course, with the after-commit signal run."""

    def run(user, course):
        for module in modules_of(course):
            with django_capture_on_commit_callbacks(execute=True):
                module_complete(user=user, module=module)

    return run


def _rate(employee, manager, skills, skill, level):
    """The manager rates `skill` at `level` (and the role's other skills at 2)."""
    ratings = {s: 2 for key, s in skills.items() if key != "drones"} | {skill: level}
    review(manager, submit(employee, ratings), ratings)


@pytest.mark.parametrize(
    ("rows", "level", "source"),
    [
        # manager 1, later course 3: the course raises it
        ([("manager", 1, day(1), 1), ("course", 3, day(2), 2)], 3, "course"),
        # a later, lower course does not lower the manager's level
        ([("manager", 3, day(1), 1), ("course", 2, day(2), 2)], 3, "manager"),
        # course 3, then the manager rates 1: the manager's newer judgement wins
        ([("course", 3, day(1), 1), ("manager", 1, day(2), 2)], 1, "manager"),
        # of the courses since the manager's rating, the highest counts
        (
            [
                ("course", 4, day(1), 1),
                ("manager", 1, day(2), 2),
                ("course", 3, day(3), 3),
                ("course", 2, day(4), 4),
            ],
            3,
            "course",
        ),
        # same moment: the row written last is the newer one
        ([("course", 3, day(1), 1), ("manager", 1, day(1), 2)], 1, "manager"),
        ([("manager", 1, day(1), 1), ("course", 3, day(1), 2)], 3, "course"),
    ],
)
def test_newer_course_evidence_raises_a_manager_rating_never_lowers_it(
    rows, level, source
):
    resolved = resolve_from_assessments(rows)
    assert (resolved.level, resolved.source) == (level, source)


@pytest.mark.django_db
def test_manager_rated_1_then_a_course_reaching_3_shows_3_from_that_course(
    client_for, employee, manager, staffed, finish
):
    data = staffed["skills"]["data"]
    course = make_course(title="Data in depth", modules=1)
    add_outcome(course, data, 3)
    _rate(employee, manager, staffed["skills"], data, 1)
    finish(employee, course)

    text = _text(client_for(employee).get(reverse("skills:my-skills")).text)
    today = timezone.localdate().strftime("%-d %b %Y")
    assert (
        "Data literacy Current: Practitioner (3) · target: Practitioner (3) "
        f"· ✓ confirmed by course · from Data in depth, {today}" in text
    )
    gaps = text.split("Gaps and the courses that close them")[1].split("History")[0]
    assert "Data literacy" not in gaps
    assert "Data literacy 3 3 0 ✓ course" in text


@pytest.mark.django_db
def test_a_completed_course_is_not_recommended_until_its_completion_expires(
    client_for, employee, manager, staffed, finish
):
    data = staffed["skills"]["data"]
    yearly = make_course(title="Data in depth", modules=1, validity_months=12)
    add_outcome(yearly, data, 3)
    lasting = make_course(title="Data for good", modules=1)
    add_outcome(lasting, data, 3)
    other = make_course(title="Data deep dive", modules=1)
    add_outcome(other, data, 4)
    finish(employee, yearly)
    finish(employee, lasting)
    _rate(
        employee, manager, staffed["skills"], data, 1
    )  # the manager's later judgement: gap of 2

    def recommended():
        text = _text(client_for(employee).get(reverse("skills:my-skills")).text)
        gaps = text.split("Gaps and the courses that close them")[1]
        gaps = gaps.split("History")[0]
        assert "Data literacy You are at Awareness" in gaps
        return {
            t for t in ("Data in depth", "Data for good", "Data deep dive") if t in gaps
        }

    assert recommended() == {"Data deep dive"}

    # Thirteen months on, the yearly course's completion has expired.
    Enrolment.objects.filter(course=yearly).update(
        completed_at=timezone.now() - datetime.timedelta(days=396)
    )
    assert recommended() == {"Data deep dive", "Data in depth"}


@pytest.mark.django_db
def test_the_reviewer_is_told_of_course_evidence_newer_than_the_self_rating(
    client_for, employee, manager, staffed, finish
):
    skills = staffed["skills"]
    course = make_course(title="Data in depth", modules=1)
    add_outcome(course, skills["data"], 3)
    submitted = submit(
        employee, {skills["data"]: 1, skills["cyber"]: 2, skills["plain"]: 2}
    )
    finish(employee, course)

    page = client_for(manager).get(reverse("skills:review", args=[submitted.pk]))
    text = _text(page.text)
    today = timezone.localdate().strftime("%-d %b %Y")
    assert (
        "Since they submitted this, Data in depth gave course evidence of "
        f"Practitioner (3) on {today}; a lower rating here replaces it." in text
    )
    assert text.count("Since they submitted this") == 1  # only that skill
