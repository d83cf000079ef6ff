"""An employee signs in through the city's OpenID provider and signs out there too.

The provider is npm oidc-provider on loopback (tests/sso_providers/oidc.py),
registered for this live server. Its screens are not ours: the page checks run
on our pages only.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.checks import assert_accessible
from tests.people.factories import EmployeeFactory
from tests.sso_providers.oidc import CALLBACK_PATH, running_oidc_provider

pytestmark = pytest.mark.django_db(transaction=True)

# Anything but this machine: the provider's pages ask for web fonts.
NOT_LOOPBACK = re.compile(r"^https?://(?!(127\.0\.0\.1|localhost)[:/])")


@pytest.fixture(scope="module")
def provider(live_server):
    with running_oidc_provider(
        redirect_uris=[live_server.url + CALLBACK_PATH],
        post_logout_redirect_uris=[live_server.url + "/"],
    ) as provider:
        yield provider


def test_an_employee_signs_in_at_the_provider_and_out_again(
    page, live_server, provider, settings
):
    provider.configure(settings)
    settings.SSO_LABEL = "City of Example"
    EmployeeFactory(
        employee_number="100001",
        user__username="alice",
        user__first_name="Alice",
        user__last_name="Arsenault",
        first_name="Alice",
        last_name="Arsenault",
    )
    page.route(NOT_LOOPBACK, lambda route: route.abort())

    page.goto(f"{live_server.url}/my/learning/")
    sign_in_button = page.get_by_role("link", name="Sign in with City of Example")
    expect(sign_in_button).to_be_visible()
    assert_accessible(page)

    sign_in_button.click()
    page.get_by_placeholder("Enter any login").fill("alice")
    page.get_by_placeholder("and password").fill("any password")
    page.get_by_role("button", name="Sign-in").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("My learning")
    account = page.get_by_role("button", name="Account: Alice Arsenault")
    expect(account).to_be_visible()
    assert page.url == f"{live_server.url}/my/learning/"
    assert_accessible(page)

    account.click()
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_text("Do you want to sign-out from")).to_be_visible()
    page.get_by_role("button", name="Yes, sign me out").click()

    expect(page.get_by_text("Learn at your pace")).to_be_visible()
    assert page.url == f"{live_server.url}/"
    expect(account).to_have_count(0)
    assert_accessible(page)

    # Signed out at the provider too: signing in again asks for the password.
    page.goto(f"{live_server.url}/my/learning/")
    sign_in_button.click()
    expect(page.get_by_placeholder("and password")).to_be_visible()
