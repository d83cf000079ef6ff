"""An employee rates their skills: drafts, adding skills, submitting; nothing more."""

import re

from django.urls import reverse

import pytest

from skills.models import Assessment, CurrentSkillLevel, SelfAssessment
from skills.services import self_assessment_open
from tests.skills.helpers import post_levels, review, submit

URL = "skills:self-assessment"


@pytest.fixture
def alice(client_for, employee, staffed):
    return client_for(employee)


@pytest.mark.django_db
def test_the_form_shows_each_role_skill_as_a_radio_group_with_descriptors(
    alice, staffed
):
    page = alice.get(reverse(URL)).text
    assert page.count("<fieldset") == 3
    for name in ("Data literacy", "Cybersecurity", "Plain language"):
        assert re.search(rf"<legend[^>]*>\s*{name}\s*</legend>", page)
    assert "Data literacy at Practitioner" in page  # the descriptor is the label
    assert "Target for your role: Practitioner (3)" in page
    assert "Drone piloting" in page  # offered in "add another skill" only
    assert f'name="level_{staffed["skills"]["drones"].pk}"' not in page


@pytest.mark.django_db
def test_a_draft_saves_and_comes_back_without_touching_the_record(alice, staffed):
    skills = staffed["skills"]
    data = {
        **post_levels({skills["data"]: 2}),
        f"note_{skills['data'].pk}": "I build the weekly report.",
        "save_draft": "1",
    }
    response = alice.post(reverse(URL), data)
    assert response.status_code == 302
    draft = SelfAssessment.objects.get()
    assert draft.status == "draft"
    assert draft.ratings[str(skills["data"].pk)] == {
        "level": 2,
        "note": "I build the weekly report.",
    }
    assert not Assessment.objects.exists()
    page = alice.get(reverse(URL)).text
    assert "I build the weekly report." in page
    assert (
        f'value="2" id="id_level_{skills["data"].pk}_2" checked'
        in page.replace("\n", " ")
        or "checked" in page
    )


@pytest.mark.django_db
def test_adding_a_skill_puts_it_on_the_form(alice, staffed):
    drones = staffed["skills"]["drones"]
    alice.post(reverse(URL), {"add_skill": str(drones.pk), "add": "1"})
    page = alice.get(reverse(URL)).text
    assert f'name="level_{drones.pk}"' in page
    assert "Not one of your role's targets" in page


@pytest.mark.django_db
def test_submitting_needs_every_role_skill(alice, staffed):
    skills = staffed["skills"]
    response = alice.post(
        reverse(URL), {**post_levels({skills["data"]: 2}), "submit_review": "1"}
    )
    assert response.status_code == 200
    assert response.text.count("Rate this skill before submitting") == 2
    assert SelfAssessment.objects.filter(status="submitted").count() == 0
    assert not Assessment.objects.exists()


@pytest.mark.django_db
def test_submitting_records_self_ratings_as_unconfirmed_levels(
    alice, staffed, employee
):
    skills = staffed["skills"]
    levels = {skills["data"]: 2, skills["cyber"]: 0, skills["plain"]: 4}
    response = alice.post(reverse(URL), {**post_levels(levels), "submit_review": "1"})
    assert response.status_code == 302
    assert response["Location"] == reverse("skills:my-skills")
    submitted = SelfAssessment.objects.get()
    assert submitted.status == "submitted" and submitted.submitted_at
    rows = Assessment.objects.filter(employee=employee.employee)
    assert sorted(rows.values_list("skill__code", "kind", "level")) == [
        ("cyber", "self", 0),
        ("data-literacy", "self", 2),
        ("plain-language", "self", 4),
    ]
    assert set(rows.values_list("assessed_by", flat=True)) == {employee.pk}
    current = CurrentSkillLevel.objects.get(skill=skills["data"])
    assert (current.level, current.is_confirmed) == (2, False)

    # Once submitted, the page shows what was sent and takes no more changes.
    page = alice.get(reverse(URL)).text
    assert "waiting for your manager" in page
    alice.post(reverse(URL), {**post_levels({skills["data"]: 4}), "submit_review": "1"})
    assert Assessment.objects.count() == 3


@pytest.mark.django_db
def test_extra_post_fields_are_ignored(alice, staffed, employee, peer):
    skills = staffed["skills"]
    charlie = peer.employee
    levels = {skills["data"]: 1, skills["cyber"]: 1, skills["plain"]: 1}
    alice.post(
        reverse(URL),
        {
            **post_levels(levels),
            f"level_{skills['drones'].pk}": "4",  # not on her form
            "level_999999": "4",
            "employee": str(charlie.pk),
            "employee_id": str(charlie.pk),
            "kind": "manager",
            "assessed_by": str(peer.pk),
            "status": "reviewed",
            "submit_review": "1",
        },
    )
    rows = Assessment.objects.all()
    assert set(rows.values_list("employee_id", "kind", "assessed_by")) == {
        (employee.employee.pk, "self", employee.pk)
    }
    assert not rows.filter(skill=skills["drones"]).exists()
    assert SelfAssessment.objects.get().status == "submitted"


@pytest.mark.django_db
def test_nobody_can_post_someone_elses_self_assessment(
    alice, client_for, staffed, employee, peer
):
    """There is no id to aim at: the form always belongs to whoever is signed in."""
    charlies = self_assessment_open(employee=peer.employee)
    skills = staffed["skills"]
    alice.post(
        reverse(URL),
        {
            "self_assessment": str(charlies.pk),
            "pk": str(charlies.pk),
            **post_levels({skills["data"]: 4}),
            "save_draft": "1",
        },
    )
    charlies.refresh_from_db()
    assert charlies.ratings == {}
    assert (
        SelfAssessment.objects.get(employee=employee.employee).ratings[
            str(skills["data"].pk)
        ]["level"]
        == 4
    )


@pytest.mark.django_db
def test_a_level_off_the_scale_is_refused(alice, staffed):
    skills = staffed["skills"]
    response = alice.post(
        reverse(URL), {f"level_{skills['data'].pk}": "7", "save_draft": "1"}
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert not SelfAssessment.objects.exists()


@pytest.mark.django_db
def test_a_new_round_shows_each_current_level(alice, staffed, employee, manager):
    skills = staffed["skills"]
    done = submit(employee, {skills["data"]: 3, skills["cyber"]: 2, skills["plain"]: 2})
    review(manager, done, {skills["data"]: 2, skills["cyber"]: 2, skills["plain"]: 2})
    page = alice.get(reverse(URL)).text
    assert "Your current level: Working (2), confirmed by your manager." in page
    assert not SelfAssessment.objects.filter(
        status="draft"
    ).exists()  # GET writes nothing
