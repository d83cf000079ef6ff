"""The L&D admin uploads a framework with a bad row, fixes it, previews and applies it."""

import csv
import io

import pytest
from playwright.sync_api import expect

from skills.framework_csv import framework_export
from skills.models import Skill
from tests.browser.checks import assert_accessible
from tests.browser.helpers import sign_in
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def _csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _upload(page, content: str, *, then: str) -> None:
    page.get_by_label("Framework file (CSV)").set_input_files(
        files=[
            {"name": "skills.csv", "mimeType": "text/csv", "buffer": content.encode()}
        ]
    )
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_text(then).first).to_be_visible()


def test_ld_admin_fixes_a_bad_row_previews_and_applies_the_framework(
    page,
    live_server,
    ld_admin,
    framework,
):
    rows = list(csv.DictReader(io.StringIO(framework_export())))
    rows.append({**rows[1], "code": "open-data", "name": "Open data", "active": "?"})
    sign_in(page, live_server, "lee", PASSWORD)
    page.goto(f"{live_server.url}/admin/skills/framework/")
    expect(
        page.get_by_role("heading", name="Upload an edited framework")
    ).to_be_visible()
    assert_accessible(page)

    _upload(page, _csv(rows), then="Nothing was imported")
    errors = page.locator("#framework-errors")
    expect(errors.locator("tbody tr").first.locator("td").first).to_have_text("6")
    expect(errors).to_contain_text("active must be yes or no.")
    assert_accessible(page)
    assert not Skill.objects.filter(code="open-data").exists()

    rows[-1]["active"] = "yes"
    _upload(page, _csv(rows), then="Preview of skills.csv")
    expect(page.get_by_role("heading", name="Preview of skills.csv")).to_be_visible()
    expect(page.get_by_role("cell", name="open-data")).to_be_visible()
    assert_accessible(page)
    assert not Skill.objects.filter(code="open-data").exists()

    page.get_by_role("button", name="Apply this import").click()
    expect(page.get_by_text("Framework imported: 1 skills created")).to_be_visible()
    assert_accessible(page)
    assert Skill.objects.get(code="open-data").name == "Open data"
