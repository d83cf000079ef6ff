"""The demo: framework, outcomes on the demo courses, and a team with strengths and gaps."""

from django.contrib.auth import get_user_model
from django.urls import reverse

import pytest

from courses.models import CoursePage
from demo.courses import courses_demo_seed
from demo.people import people_demo_seed
from demo.skills import COURSE_OUTCOMES, skills_demo_seed
from skills import models
from skills.selectors import my_skills, skills_matrix

MODELS = [
    models.SkillCategory,
    models.Skill,
    models.SkillLevelDescriptor,
    models.RoleSkillTarget,
    models.CourseSkillOutcome,
    models.SelfAssessment,
    models.Assessment,
    models.CurrentSkillLevel,
]


def _counts():
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture
def demo(db):
    people_demo_seed(password="demo-password-here")
    courses_demo_seed()
    skills_demo_seed()


@pytest.mark.django_db
def test_the_demo_seed_is_idempotent_and_shows_strengths_and_gaps(demo, client_for):
    first = _counts()
    skills_demo_seed()
    assert _counts() == first
    assert first["Skill"] >= 18 and first["SelfAssessment"] > 250
    for slug in COURSE_OUTCOMES:
        course = CoursePage.objects.get(slug=slug)
        assert course.skill_outcomes.exists(), slug
        # Saved through a revision, so the editor starts from them.
        latest = course.get_latest_revision_as_object()
        assert latest.skill_outcomes.count() == course.skill_outcomes.count()
    # Priya completed two courses in the courses seed, before outcomes existed.
    evidence = models.Assessment.objects.filter(
        employee__user__username="employee", kind="course"
    )
    assert evidence.values("enrolment").distinct().count() == 2

    # The demo manager's team has strengths, gaps and reviews waiting.
    users = get_user_model().objects.in_bulk(
        ["employee", "manager"], field_name="username"
    )
    priya = my_skills(employee=users["employee"].employee)
    gaps = {row.skill.code: row for row in priya["gaps"]}
    assert "new-systems" in gaps
    assert any(
        o.course.slug == "new-case-management-system"
        for o in gaps["new-systems"].courses
    )
    assert priya["notice"] is not None
    assert any(row.current and row.current.source == "manager" for row in priya["rows"])

    matrix = skills_matrix(user=users["manager"])
    gap_values = {
        cell.gap for _person, cells in matrix.rows(matrix.people) for cell in cells
    }
    assert 0 in gap_values and max(gap_values) >= 1
    queue = client_for(users["manager"]).get(reverse("skills:review-list")).text
    assert queue.count("Review<span") == 2
