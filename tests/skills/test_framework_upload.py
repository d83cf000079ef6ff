"""The framework upload in the admin: upload → preview → confirm → result.

Nothing is written before the confirm; the confirm applies exactly the file
that was previewed, once.
"""

import csv
import io

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from skills.framework_csv import framework_export
from skills.models import Skill
from tests.personas import NO_ADMIN
from tests.skills.factories import make_skill

URL = "skills_framework:index"


def _rows() -> list[dict]:
    return list(csv.DictReader(io.StringIO(framework_export())))


def _upload(rows: list[dict], name: str = "framework.csv") -> SimpleUploadedFile:
    out = io.StringIO()
    writer = csv.DictWriter(out, list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return SimpleUploadedFile(name, out.getvalue().encode(), "text/csv")


def _previewed(client, rows: list[dict]) -> dict:
    """Upload `rows` and return the preview's confirm form data."""
    response = client.post(reverse(URL), {"file": _upload(rows)})
    return response.context["confirm_form"].initial


def _stored(token: str) -> bool:
    return default_storage.exists(f"framework-uploads/{token}.csv")


@pytest.fixture
def admin(client_for, ld_admin):
    return client_for(ld_admin)


@pytest.mark.django_db
def test_the_preview_lists_the_changes_and_writes_nothing_until_confirmed(
    admin, framework
):
    before = framework_export()
    rows = _rows()
    rows[0]["name"] = "Data fluency"
    rows.append({**rows[1], "code": "open-data", "name": "Open data"})

    preview = admin.post(reverse(URL), {"file": _upload(rows)})

    assert preview.status_code == 200
    page = preview.text
    assert "Preview of framework.csv" in page
    assert "5 rows read." in page
    assert "<td>open-data</td><td>create</td>" in page
    assert "<td>data-literacy</td><td>update</td><td>name</td>" in page
    assert "Apply this import" in page
    assert framework_export() == before
    confirm = preview.context["confirm_form"].initial
    assert _stored(confirm["token"])

    applied = admin.post(reverse(URL), confirm, follow=True)

    assert "Framework imported: 1 skills created, 1 updated, 3 unchanged." in (
        applied.text
    )
    assert Skill.objects.get(code="data-literacy").name == "Data fluency"
    assert Skill.objects.filter(code="open-data").exists()
    assert not _stored(confirm["token"])


@pytest.mark.django_db
def test_confirming_twice_applies_once(admin, framework):
    rows = _rows()
    rows.append({**rows[1], "code": "open-data", "name": "Open data"})
    confirm = _previewed(admin, rows)
    admin.post(reverse(URL), confirm)
    Skill.objects.filter(code="open-data").delete()

    again = admin.post(reverse(URL), confirm, follow=True)

    assert "already been applied or has expired" in again.text
    assert not Skill.objects.filter(code="open-data").exists()


@pytest.mark.django_db
def test_a_bad_file_lists_every_problem_by_line_and_offers_no_confirm(admin, framework):
    before = framework_export()
    rows = _rows()
    rows[1]["active"] = "maybe"
    rows[3]["target_CSR"] = "7"

    response = admin.post(reverse(URL), {"file": _upload(rows)})

    page = response.text
    assert "framework.csv was not imported" in page
    assert "The file has 2 problems. Nothing was imported." in page
    table = page[page.index('id="framework-errors"') :]
    assert "<td>3</td><td>active</td><td>maybe</td>" in table
    assert "<td>5</td><td>target_CSR</td><td>7</td>" in table
    assert response.context["confirm_form"] is None
    assert "Apply this import" not in page
    assert framework_export() == before


@pytest.mark.django_db
def test_a_file_that_is_not_a_framework_is_refused_on_the_form(admin, framework):
    before = framework_export()
    bad = SimpleUploadedFile("framework.csv", b"category,code\nData,x\n", "text/csv")

    page = admin.post(reverse(URL), {"file": bad}).text

    assert "The header is missing these columns: name" in page
    assert "Preview of" not in page
    assert framework_export() == before


@pytest.mark.django_db
def test_a_change_between_preview_and_confirm_writes_nothing(admin, framework):
    rows = _rows()
    rows.append({**rows[1], "code": "open-data", "name": "Open data"})
    confirm = _previewed(admin, rows)
    make_skill("Open data", code="someone-else")  # the name is taken meanwhile

    page = admin.post(reverse(URL), confirm).text

    assert "framework.csv was not imported" in page
    assert "belongs to the skill someone-else" in page
    assert not Skill.objects.filter(code="open-data").exists()


@pytest.mark.django_db
def test_a_tampered_confirm_is_refused(admin, framework):
    rows = _rows()
    rows[0]["name"] = "Data fluency"
    confirm = _previewed(admin, rows)

    response = admin.post(reverse(URL), {**confirm, "sha256": "0" * 64})

    assert _outcome(response) == "refused"
    assert Skill.objects.get(code="data-literacy").name == "Data literacy"


# What each persona gets from the page, the preview and the confirm.
EXPECTED = {
    "anonymous": "login",
    "employee": NO_ADMIN,
    "peer": NO_ADMIN,
    "manager": NO_ADMIN,
    "other_manager": NO_ADMIN,
    "trainer": "refused",
    "ld_admin": 200,
}


def _outcome(response) -> str | int:
    if response.status_code == 302 and response["Location"].startswith(
        "/accounts/login/"
    ):
        return "login"
    if response.status_code == 302 and response["Location"] == "/admin/":
        return "refused"  # Wagtail sends admin users it refuses to the dashboard
    return response.status_code


@pytest.mark.django_db
def test_only_ld_admins_may_upload_preview_or_confirm(
    personas, client_for, ld_admin, framework
):
    rows = _rows()
    rows[0]["name"] = "Data fluency"
    confirm = _previewed(client_for(ld_admin), rows)
    for persona, expected in EXPECTED.items():
        client = client_for(personas[persona])
        page = client.get(reverse(URL))
        preview = client.post(reverse(URL), {"file": _upload(rows)})
        assert (_outcome(page), _outcome(preview)) == (expected, expected), persona
        if persona != "ld_admin":
            assert _outcome(client.post(reverse(URL), confirm)) == expected, persona
            assert Skill.objects.get(code="data-literacy").name == "Data literacy"
    # Nobody else's attempt used up the L&D admin's upload.
    client_for(ld_admin).post(reverse(URL), confirm)
    assert Skill.objects.get(code="data-literacy").name == "Data fluency"


@pytest.mark.django_db
def test_the_preview_costs_the_same_for_few_and_many_skills(
    admin, framework, django_assert_max_num_queries
):
    admin.get(reverse(URL))  # warm the session and site caches
    counts = []
    for size in (4, 40):
        while Skill.objects.count() < size:
            make_skill()
        rows = _rows()
        for row in rows:
            row["description"] = "Changed"
        with django_assert_max_num_queries(40) as captured:
            response = admin.post(reverse(URL), {"file": _upload(rows)})
        assert f"{size} rows read." in response.text
        counts.append(len(captured))
    assert counts[0] == counts[1], counts
