"""The employee signs in, reaches the home page and signs out; axe is clean throughout."""

import pytest
from playwright.sync_api import expect

from tests.browser.checks import assert_accessible
from tests.browser.helpers import sign_in
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_employee_signs_in_reaches_home_and_signs_out(page, live_server, employee):
    page.goto(live_server.url + "/")
    assert_accessible(page)

    sign_in(page, live_server, "alice", PASSWORD)
    # Signed in, the home page greets them with their next step.
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome back, Alice")
    expect(page.get_by_role("link", name="My learning")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Account: Alice Arsenault").click()
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_text("You have signed out.")).to_be_visible()
    expect(page.get_by_role("link", name="Sign in", exact=True)).to_be_visible()


def test_login_page_is_accessible_including_its_error_state(
    page, live_server, employee
):
    page.goto(live_server.url + "/accounts/login/")
    assert_accessible(page)
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(
        page.get_by_text("Please enter a correct username and password")
    ).to_be_visible()
    assert_accessible(page)


def test_password_reset_pages_are_accessible(page, live_server, employee):
    page.goto(live_server.url + "/accounts/password/reset/")
    assert_accessible(page)
    page.get_by_label("Email").fill(employee.email)
    page.get_by_role("button", name="Send reset link").click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    assert_accessible(page)


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, live_server):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
