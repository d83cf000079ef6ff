"""A manager confirms or adjusts their people's ratings; nobody else can."""

from django.core import mail
from django.urls import reverse

import pytest

from skills.models import Assessment, CurrentSkillLevel, SelfAssessment
from tests.skills.helpers import post_levels, submit


@pytest.fixture
def submitted(staffed, employee):
    skills = staffed["skills"]
    return submit(employee, {skills["data"]: 2, skills["cyber"]: 3, skills["plain"]: 1})


def _decisions(staffed, data=2, cyber=1, plain=1, cyber_comment="Not yet on phishing."):
    skills = staffed["skills"]
    return {
        **post_levels(
            {skills["data"]: data, skills["cyber"]: cyber, skills["plain"]: plain}
        ),
        f"comment_{skills['cyber'].pk}": cyber_comment,
        "save_review": "1",
    }


@pytest.mark.django_db
def test_the_review_list_shows_submissions_in_scope_only(
    submitted, client_for, manager, other_manager, peer, staffed
):
    submit(peer, {s: 1 for s in staffed["skills"].values() if s.code != "drones"})
    bob = client_for(manager).get(reverse("skills:review-list")).text
    assert "Alice Arsenault" in bob
    assert "Charlie Chen" not in bob
    dana = client_for(other_manager).get(reverse("skills:review-list")).text
    assert "Charlie Chen" in dana
    assert "Alice Arsenault" not in dana


@pytest.mark.django_db
def test_manager_confirms_one_and_adjusts_another(
    submitted, client_for, manager, employee, staffed
):
    skills = staffed["skills"]
    url = reverse("skills:review", args=[submitted.pk])
    page = client_for(manager).get(url).text
    assert "Alice Arsenault rated this Working (2)" in page
    assert "Target for their role: Practitioner (3)" in page

    response = client_for(manager).post(url, _decisions(staffed))
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == "reviewed"
    assert submitted.reviewed_by == manager
    ratings = Assessment.objects.filter(kind="manager")
    assert sorted(ratings.values_list("skill__code", "level", "note")) == [
        ("cyber", 1, "Not yet on phishing."),
        ("data-literacy", 2, ""),
        ("plain-language", 1, ""),
    ]
    assert set(ratings.values_list("assessed_by", flat=True)) == {manager.pk}
    cyber = CurrentSkillLevel.objects.get(skill=skills["cyber"])
    assert (cyber.level, cyber.source, cyber.self_level) == (1, "manager", 3)
    # The self-ratings stay in the record beside the manager's.
    assert Assessment.objects.filter(kind="self").count() == 3


@pytest.mark.django_db
def test_the_employee_is_emailed_and_sees_a_notice(
    submitted,
    client_for,
    manager,
    employee,
    staffed,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        client_for(manager).post(
            reverse("skills:review", args=[submitted.pk]), _decisions(staffed)
        )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [employee.employee.email or employee.email]
    assert "Bob Bouchard has reviewed your skills" in message.subject
    assert "2 confirmed, 1 adjusted" in message.body
    assert "Cybersecurity: adjusted from Practitioner to Awareness (1)" in message.body
    assert "http://testserver" + reverse("skills:my-skills") in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "<strong>Cybersecurity</strong>" in html

    alice = client_for(employee)
    page = alice.get(reverse("skills:my-skills")).text
    assert "Your manager has reviewed your skills" in page
    alice.post(reverse("skills:notice-dismiss", args=[submitted.pk]))
    assert (
        "Your manager has reviewed" not in alice.get(reverse("skills:my-skills")).text
    )


@pytest.mark.django_db
def test_an_adjustment_needs_a_comment(submitted, client_for, manager, staffed):
    response = client_for(manager).post(
        reverse("skills:review", args=[submitted.pk]),
        _decisions(staffed, cyber_comment=""),
    )
    assert response.status_code == 200
    assert "Say why you adjusted this rating." in response.text
    assert not Assessment.objects.filter(kind="manager").exists()
    assert SelfAssessment.objects.get().status == "submitted"


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["employee", "peer", "other_manager", "trainer"])
def test_only_managers_in_scope_may_rate(
    submitted, personas, client_for, staffed, persona
):
    """Alice cannot rate herself as manager; nobody outside her line can rate her."""
    client = client_for(personas[persona])
    url = reverse("skills:review", args=[submitted.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, _decisions(staffed)).status_code == 404
    assert not Assessment.objects.filter(kind="manager").exists()
    assert SelfAssessment.objects.get().status == "submitted"


@pytest.mark.django_db
def test_a_review_is_done_once_and_extra_fields_are_ignored(
    submitted, client_for, manager, peer, staffed
):
    url = reverse("skills:review", args=[submitted.pk])
    drones = staffed["skills"]["drones"]
    client_for(manager).post(
        url,
        {
            **_decisions(staffed),
            f"level_{drones.pk}": "4",  # not in the self-assessment
            "employee": str(peer.employee.pk),
            "kind": "self",
            "reviewed_by": str(peer.pk),
        },
    )
    ratings = Assessment.objects.filter(kind="manager")
    assert ratings.count() == 3
    assert set(ratings.values_list("employee_id", flat=True)) == {submitted.employee_id}
    assert SelfAssessment.objects.get().reviewed_by == manager

    # Reviewed: the page shows the outcome and a second POST changes nothing.
    page = client_for(manager).get(url).text
    assert "Reviewed on" in page
    client_for(manager).post(url, _decisions(staffed, data=4))
    assert Assessment.objects.filter(kind="manager").count() == 3


@pytest.mark.django_db
def test_my_skills_points_managers_to_their_reviews(client_for, manager, employee):
    link = reverse("skills:review-list")
    assert link in client_for(manager).get(reverse("skills:my-skills")).text
    assert link not in client_for(employee).get(reverse("skills:my-skills")).text
