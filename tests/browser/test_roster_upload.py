"""The L&D admin uploads a roster with a bad row, fixes it, and applies it."""

import pytest
from playwright.sync_api import expect

from people.models import Employee
from tests.browser.checks import assert_accessible
from tests.browser.helpers import sign_in
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

HEADER = (
    "employee_number,first_name,last_name,preferred_name,email,job_title,"
    "org_unit_code,org_unit_name,parent_org_unit_code,manager_employee_number,"
    "hire_date,status\n"
)
GOOD_ROW = "900001,Zoë,O'Brien-Nguyễn,,zoe.obrien@city.example,Analyst,DIV,Public Works,,,2024-02-01,active\n"
BAD_ROW = "900002,Omar,Haddad,,omar.haddad@city.example,Analyst,DIV,Public Works,,,2024-13-45,active\n"
FIXED_ROW = BAD_ROW.replace("2024-13-45", "2024-03-15")


def _upload(page, content: str, *, then: str) -> None:
    page.get_by_label("Roster file (CSV)").set_input_files(
        files=[
            {"name": "roster.csv", "mimeType": "text/csv", "buffer": content.encode()}
        ]
    )
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_text(then).first).to_be_visible()


def test_ld_admin_fixes_a_bad_row_and_applies_the_roster(page, live_server, ld_admin):
    sign_in(page, live_server, "lee", PASSWORD)
    page.goto(f"{live_server.url}/admin/people/roster-import/")
    assert_accessible(page)

    _upload(page, HEADER + GOOD_ROW + BAD_ROW, then="Nothing was imported")
    errors = page.locator("#roster-errors")
    expect(errors).to_be_visible()
    expect(errors.locator("tbody tr").first.locator("td").first).to_contain_text("3")
    expect(errors).to_contain_text("hire_date")
    expect(page.get_by_text("Nothing was imported")).to_be_visible()
    assert_accessible(page)
    assert not Employee.objects.filter(
        employee_number__in=["900001", "900002"]
    ).exists()

    _upload(page, HEADER + GOOD_ROW + FIXED_ROW, then="Preview of roster.csv")
    expect(page.get_by_role("heading", name="Preview of roster.csv")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Apply this import").click()
    expect(page.get_by_text("Roster imported: 2 created")).to_be_visible()
    assert Employee.objects.get(employee_number="900001").last_name == "O'Brien-Nguyễn"
    assert Employee.objects.filter(employee_number="900002").exists()


def test_on_the_preview_the_option_labels_tick_their_boxes(page, live_server, ld_admin):
    # The preview carries the chosen options in hidden fields of the same names;
    # with the same ids too, the labels pointed at those and clicking did nothing.
    sign_in(page, live_server, "lee", PASSWORD)
    page.goto(f"{live_server.url}/admin/people/roster-import/")
    page.get_by_label("Roster file (CSV)").set_input_files(
        files=[
            {
                "name": "roster.csv",
                "mimeType": "text/csv",
                "buffer": (HEADER + GOOD_ROW).encode(),
            }
        ]
    )
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("heading", name="Preview of roster.csv")).to_be_visible()
    for name, label in (
        ("deactivate_missing", "Deactivate people who are not in the file"),
        ("allow_mass_deactivation", "Allow deactivating more than 5% of active staff"),
    ):
        box = page.locator(f"input[type=checkbox][name={name}]")
        expect(box).not_to_be_checked()
        page.locator("label", has_text=label).click()
        expect(box).to_be_checked()
        expect(page.get_by_role("checkbox", name=label)).to_be_checked()
    assert_accessible(page)
