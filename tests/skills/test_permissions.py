"""Who may open each skills page and admin screen: every persona, every URL."""

from django.urls import reverse

import pytest

from skills.models import SelfAssessment
from tests.conftest import NO_ADMIN, PERSONAS
from tests.skills.helpers import review, submit

LOGIN, REFUSED, MISSING, OK = "login", 403, 404, 200
# anonymous, employee, peer, manager, other_manager, trainer, ld_admin
EVERY_EMPLOYEE = [LOGIN, OK, OK, OK, OK, OK, OK]
REVIEWERS = [LOGIN, REFUSED, REFUSED, OK, OK, REFUSED, OK]
# Alice's review: her manager, and L&D admins (org-wide scope, people.permissions).
ALICE_REVIEWERS = [LOGIN, MISSING, MISSING, OK, MISSING, MISSING, OK]


@pytest.fixture
def submitted(staffed, employee):
    skills = staffed["skills"]
    return submit(employee, {skills["data"]: 2, skills["cyber"]: 2, skills["plain"]: 2})


def _check(client, url, expected, label, method="get"):
    _assert(getattr(client, method)(url), expected, label)


def _assert(response, expected, label):
    if expected == LOGIN:
        assert response.status_code == 302, label
        assert response["Location"].startswith("/accounts/login/"), label
    else:
        assert response.status_code == expected, (label, response.status_code)


@pytest.mark.django_db
def test_site_pages_for_every_persona(personas, client_for, submitted):
    pages = {
        "my skills": (reverse("skills:my-skills"), EVERY_EMPLOYEE),
        "self-assessment": (reverse("skills:self-assessment"), EVERY_EMPLOYEE),
        "review list": (reverse("skills:review-list"), REVIEWERS),
        "review": (reverse("skills:review", args=[submitted.pk]), ALICE_REVIEWERS),
    }
    for label, (url, expectations) in pages.items():
        for persona, expected in zip(PERSONAS, expectations, strict=True):
            _check(client_for(personas[persona]), url, expected, (label, persona))


@pytest.mark.django_db
def test_dismissing_a_notice_is_a_post_and_only_touches_your_own(
    personas, client_for, submitted, manager, staffed
):
    skills = staffed["skills"]
    review(
        manager, submitted, {skills["data"]: 2, skills["cyber"]: 2, skills["plain"]: 2}
    )
    url = reverse("skills:notice-dismiss", args=[submitted.pk])
    assert client_for(personas["employee"]).get(url).status_code == 405
    for persona, expected in zip(PERSONAS, EVERY_EMPLOYEE, strict=True):
        if persona == "employee":
            continue
        client = client_for(personas[persona])
        if expected == LOGIN:
            _check(client, url, LOGIN, persona, method="post")
        else:
            assert client.post(url).status_code == 302, persona
    assert SelfAssessment.objects.get().notice_dismissed_at is None
    client_for(personas["employee"]).post(url)
    assert SelfAssessment.objects.get().notice_dismissed_at is not None


ADMIN_ONLY = [LOGIN, NO_ADMIN, NO_ADMIN, NO_ADMIN, NO_ADMIN, "refused", OK]


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
def test_framework_admin_is_for_ld_admins_only(personas, client_for, framework):
    for label, url in _admin_urls(framework).items():
        for persona, expected in zip(PERSONAS, ADMIN_ONLY, strict=True):
            response = client_for(personas[persona]).get(url)
            if expected == "refused":
                # Wagtail sends admin users it refuses back to the dashboard.
                refused = response.status_code == 403 or (
                    response.status_code == 302 and response["Location"] == "/admin/"
                )
                assert refused, (label, persona, response.status_code)
            else:
                _assert(response, expected, (label, persona))


@pytest.mark.django_db
def test_skills_menu_is_shown_to_ld_admins_and_not_trainers(
    personas, client_for, framework
):
    admin_page = client_for(personas["ld_admin"]).get("/admin/").text
    assert "Framework spreadsheet" in admin_page
    trainer_page = client_for(personas["trainer"]).get("/admin/").text
    assert "Framework spreadsheet" not in trainer_page
    assert "Role targets" not in trainer_page
