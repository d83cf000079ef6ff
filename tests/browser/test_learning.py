"""The employee finds a course, enrols and completes it with the keyboard alone."""

import pytest
from playwright.sync_api import expect

from tests.browser.checks import assert_accessible
from tests.browser.helpers import activate, sign_in, tab_to
from tests.courses.factories import make_course
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_employee_completes_a_course_using_only_the_keyboard(
    page, live_server, employee
):
    make_course(
        title="Cybersecurity essentials",
        summary="Phishing, passwords and safe habits.",
        modules=2,
        optional=1,
    )
    make_course(title="Working with data", summary="From spreadsheets to decisions.")
    sign_in(page, live_server, "alice", PASSWORD)

    page.goto(f"{live_server.url}/courses/")
    assert_accessible(page)
    search = page.get_by_label("Search courses")
    tab_to(page, search)
    page.keyboard.type("phishing")
    activate(page, page.get_by_role("heading", name="1 course"))
    assert_accessible(page)

    tab_to(page, page.get_by_role("link", name="Cybersecurity essentials"))
    activate(
        page, page.get_by_role("heading", level=1, name="Cybersecurity essentials")
    )
    assert_accessible(page)

    tab_to(page, page.get_by_role("button", name="Enrol"))
    activate(page, page.get_by_text("You are enrolled"))

    assert_accessible(page)
    tab_to(page, page.get_by_role("button", name="Mark as complete"))
    activate(page, page.get_by_text("marked as complete."))
    assert_accessible(page)
    tab_to(page, page.get_by_role("button", name="Mark as complete"))
    activate(page, page.get_by_text("Course complete. Well done!"))
    assert_accessible(page)

    page.goto(f"{live_server.url}/my/learning/")
    completed = page.locator(
        "section", has=page.get_by_role("heading", name="Completed")
    )
    expect(
        completed.get_by_role("link", name="Cybersecurity essentials")
    ).to_be_visible()
    assert_accessible(page)
