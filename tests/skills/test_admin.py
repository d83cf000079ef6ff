"""The framework in the Wagtail admin, and the skill outcomes panel on courses."""

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from skills.framework_csv import framework_export
from skills.models import CourseSkillOutcome, Skill
from tests.courses.factories import course_form_data, make_course


@pytest.fixture
def admin(client_for, ld_admin):
    return client_for(ld_admin)


@pytest.mark.django_db
def test_the_course_editor_has_the_skill_outcomes_panel(admin, framework):
    course = make_course(title="Data for everyone")
    page = admin.get(reverse("wagtailadmin_pages:edit", args=[course.pk])).text
    assert "Skills this course builds" in page
    assert 'name="skill_outcomes-TOTAL_FORMS"' in page


@pytest.mark.django_db
def test_publishing_a_course_with_outcomes_saves_them(admin, framework):
    course = make_course(title="Data for everyone")
    data = framework["skills"]["data"]
    form = course_form_data(
        title=course.title,
        slug=course.slug,
        summary=course.summary,
        description=rich_text("<p>About data.</p>"),
        skill_outcomes=inline_formset([{"skill": data.pk, "level": 3}]),
        **{"action-publish": "action-publish"},
    )
    response = admin.post(reverse("wagtailadmin_pages:edit", args=[course.pk]), form)
    assert response.status_code == 302, (
        response.context["form"].errors if response.context else ""
    )
    assert list(CourseSkillOutcome.objects.values_list("skill", "level")) == [
        (data.pk, 3)
    ]


def _skill_form(name, code, levels, targets=()):
    return nested_form_data(
        {
            "name": name,
            "code": code,
            "category": Skill.objects.first().category_id,
            "description": "",
            "is_active": "on",
            "descriptors": inline_formset(
                [
                    {"level": level, "description": f"{name} {level}"}
                    for level in levels
                ],
                min=4,
                max=4,
            ),
            "role_targets": inline_formset(
                [{"role_profile": role.pk, "level": level} for role, level in targets]
            ),
        }
    )


@pytest.mark.django_db
def test_the_lists_show_the_framework(admin, framework):
    skills = admin.get(reverse("skills_skill:index")).text
    assert "Data literacy" in skills and "data-literacy" in skills
    targets = admin.get(
        reverse("skills_roletarget:index"), {"role_profile": framework["role"].pk}
    ).text
    assert "Customer service representative" in targets
    assert "Practitioner" in targets


@pytest.mark.django_db
def test_an_ld_admin_adds_a_skill_with_descriptors_and_targets(admin, framework):
    response = admin.post(
        reverse("skills_skill:add"),
        _skill_form("Open data", "open-data", [1, 2, 3, 4], [(framework["role"], 2)]),
    )
    assert response.status_code == 302
    skill = Skill.objects.get(code="open-data")
    assert list(skill.descriptors.values_list("level", flat=True)) == [1, 2, 3, 4]
    assert skill.role_targets.get().level == 2


@pytest.mark.django_db
def test_each_level_is_described_exactly_once(admin, framework):
    response = admin.post(
        reverse("skills_skill:add"), _skill_form("Open data", "open-data", [1, 2, 2, 4])
    )
    assert response.status_code == 200
    assert "Please correct the duplicate data for skill and level" in response.text
    assert not Skill.objects.filter(code="open-data").exists()


@pytest.mark.django_db
def test_the_spreadsheet_downloads_and_uploads(admin, framework):
    download = admin.get(reverse("skills_framework:export"))
    assert download["Content-Type"].startswith("text/csv")
    assert "attachment" in download["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(download.content.decode())))
    assert {r["code"] for r in rows} == {
        "data-literacy",
        "cyber",
        "plain-language",
        "drones",
    }

    rows[0]["active"] = "maybe"
    bad = _upload(rows)
    page = admin.post(reverse("skills_framework:index"), {"file": bad}).text
    assert "Nothing was imported" in page
    assert "active must be yes or no." in page

    rows[0]["active"] = "no"
    preview = admin.post(reverse("skills_framework:index"), {"file": _upload(rows)})
    # The upload is a preview now: nothing changes until the import is confirmed.
    assert "Preview of framework.csv" in preview.text
    assert Skill.objects.get(code=rows[0]["code"]).is_active
    confirm = preview.context["confirm_form"].initial
    admin.post(reverse("skills_framework:index"), confirm)
    assert not Skill.objects.get(code=rows[0]["code"]).is_active
    assert framework_export().count("\n") == 5


def _upload(rows):
    out = io.StringIO()
    writer = csv.DictWriter(out, list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return SimpleUploadedFile("framework.csv", out.getvalue().encode(), "text/csv")
