"""Signing in to the admin lands in the admin; staff without access are told so."""

import pytest
from playwright.sync_api import expect

from tests.browser.checks import assert_accessible
from tests.browser.helpers import sign_in
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_trainer_signing_in_at_the_admin_login_lands_in_the_admin(
    page, live_server, trainer
):
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("tess")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    # The admin's dashboard, headed with the site's name.
    expect(page.get_by_role("heading", level=1)).to_contain_text("City Learning Hub")


def test_a_manager_opening_the_admin_is_told_they_have_no_access(
    page, live_server, manager
):
    sign_in(page, live_server, "bob", PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome back, Bob")
    page.goto(f"{live_server.url}/admin/pages/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "You don't have access to the admin"
    )
    assert "/accounts/login/" not in page.url
    assert_accessible(page)
    page.get_by_role("link", name="Back to the Learning Hub").click()
    page.wait_for_url(f"{live_server.url}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome back, Bob")
