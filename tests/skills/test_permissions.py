"""Who may open each skills page and admin screen: every persona, every URL."""

from django.urls import reverse

import pytest

from skills.models import SelfAssessment
from tests.personas import LOGIN, NO_ADMIN, OK, REFUSED, every_persona
from tests.skills.helpers import review, submit

FORBIDDEN, MISSING = 403, 404
EVERY_EMPLOYEE = every_persona(OK, anonymous=LOGIN)
REVIEWERS = every_persona(
    FORBIDDEN, anonymous=LOGIN, manager=OK, other_manager=OK, ld_admin=OK
)
# Alice's review: her manager, and L&D admins (org-wide scope, people.permissions).
ALICE_REVIEWERS = every_persona(MISSING, anonymous=LOGIN, manager=OK, ld_admin=OK)


@pytest.fixture
def submitted(staffed, employee):
    skills = staffed["skills"]
    return submit(employee, {skills["data"]: 2, skills["cyber"]: 2, skills["plain"]: 2})


@pytest.mark.django_db
def test_site_pages_for_every_persona(persona_matrix, submitted):
    pages = {
        "my skills": (reverse("skills:my-skills"), EVERY_EMPLOYEE),
        "self-assessment": (reverse("skills:self-assessment"), EVERY_EMPLOYEE),
        "review list": (reverse("skills:review-list"), REVIEWERS),
        "review": (reverse("skills:review", args=[submitted.pk]), ALICE_REVIEWERS),
    }
    for label, (url, expectations) in pages.items():
        persona_matrix(url, expectations, label=label)


@pytest.mark.django_db
def test_dismissing_a_notice_is_a_post_and_only_touches_your_own(
    personas, client_for, persona_matrix, submitted, manager, staffed
):
    skills = staffed["skills"]
    review(
        manager, submitted, {skills["data"]: 2, skills["cyber"]: 2, skills["plain"]: 2}
    )
    url = reverse("skills:notice-dismiss", args=[submitted.pk])
    assert client_for(personas["employee"]).get(url).status_code == 405
    # Anyone else's post is answered (sent back) and changes nothing.
    others = every_persona(302, anonymous=LOGIN)
    del others["employee"]
    persona_matrix(url, others, method="post")
    assert SelfAssessment.objects.get().notice_dismissed_at is None
    client_for(personas["employee"]).post(url)
    assert SelfAssessment.objects.get().notice_dismissed_at is not None


ADMIN_ONLY = every_persona(NO_ADMIN, anonymous=LOGIN, trainer=REFUSED, ld_admin=OK)


def _admin_urls(framework):
    skill = framework["skills"]["data"]
    target = skill.role_targets.first()
    return {
        "skill list": reverse("skills_skill:index"),
        "skill add": reverse("skills_skill:add"),
        "skill edit": reverse("skills_skill:edit", args=[skill.pk]),
        "skill inspect": reverse("skills_skill:inspect", args=[skill.pk]),
        "category list": reverse("skills_category:index"),
        "category edit": reverse("skills_category:edit", args=[skill.category_id]),
        "target list": reverse("skills_roletarget:index"),
        "target edit": reverse("skills_roletarget:edit", args=[target.pk]),
        "framework import": reverse("skills_framework:index"),
        "framework export": reverse("skills_framework:export"),
    }


@pytest.mark.django_db
def test_framework_admin_is_for_ld_admins_only(persona_matrix, framework):
    for label, url in _admin_urls(framework).items():
        persona_matrix(url, ADMIN_ONLY, label=label)


@pytest.mark.django_db
def test_skills_menu_is_shown_to_ld_admins_and_not_trainers(
    personas, client_for, framework
):
    admin_page = client_for(personas["ld_admin"]).get("/admin/").text
    assert "Framework spreadsheet" in admin_page
    trainer_page = client_for(personas["trainer"]).get("/admin/").text
    assert "Framework spreadsheet" not in trainer_page
    assert "Role targets" not in trainer_page
