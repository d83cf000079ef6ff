"""The services refuse what cannot happen, with a code, and change nothing when they do."""

import pytest

from skills.models import Assessment, SelfAssessment
from skills.services import (
    SkillsError,
    self_assessment_open,
    self_assessment_review,
    self_assessment_save,
)
from tests.skills.helpers import submit


def _code(call) -> str:
    with pytest.raises(SkillsError) as error:
        call()
    return error.value.code


@pytest.fixture
def draft(staffed, employee):
    return self_assessment_open(employee=employee.employee)


@pytest.mark.django_db
def test_opening_twice_gives_the_same_draft(draft, employee):
    assert self_assessment_open(employee=employee.employee).pk == draft.pk


@pytest.mark.django_db
def test_saving_refuses_unknown_skills_bad_levels_and_incomplete_submissions(
    draft, staffed
):
    skills = staffed["skills"]
    skills["drones"].is_active = False
    skills["drones"].save()

    def save(ratings, submit=False):
        return lambda: self_assessment_save(
            self_assessment=draft, ratings=ratings, submit=submit
        )

    assert _code(save({skills["drones"].pk: (2, "")})) == "unknown_skill"
    assert _code(save({skills["data"].pk: (5, "")})) == "bad_level"
    assert _code(save({skills["data"].pk: (None, "")}, submit=True)) == "nothing_rated"
    assert (
        _code(save({skills["data"].pk: (2, "")}, submit=True)) == "role_skills_unrated"
    )
    assert not Assessment.objects.exists()
    draft.refresh_from_db()
    assert (draft.status, draft.ratings) == ("draft", {})


@pytest.mark.django_db
def test_a_submitted_round_is_closed_to_changes(staffed, employee):
    skills = staffed["skills"]
    submitted = submit(employee, {s: 2 for k, s in skills.items() if k != "drones"})
    call = lambda: self_assessment_save(  # noqa: E731
        self_assessment=submitted, ratings={skills["data"].pk: (4, "")}, submit=True
    )
    assert _code(call) == "not_draft"
    assert Assessment.objects.count() == 3


@pytest.mark.django_db
def test_review_rules(staffed, employee, manager, other_manager):
    skills = staffed["skills"]
    submitted = submit(employee, {s: 2 for k, s in skills.items() if k != "drones"})
    full = {s.pk: (2, "") for k, s in skills.items() if k != "drones"}

    def review(reviewer, decisions):
        return lambda: self_assessment_review(
            self_assessment=submitted, reviewer=reviewer, decisions=decisions
        )

    assert _code(review(employee, full)) == "not_in_scope"  # rating herself
    assert _code(review(other_manager, full)) == "not_in_scope"
    assert _code(review(manager, {skills["data"].pk: (2, "")})) == "incomplete"
    adjusted = {**full, skills["data"].pk: (3, " ")}
    assert _code(review(manager, adjusted)) == "comment_required"
    assert not Assessment.objects.filter(kind="manager").exists()

    review(manager, full)()
    assert _code(review(manager, full)) == "not_submitted"
    assert SelfAssessment.objects.get().status == "reviewed"
    assert Assessment.objects.filter(kind="manager").count() == 3
