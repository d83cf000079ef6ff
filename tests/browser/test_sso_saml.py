"""An employee signs in through the city's SAML IdP, lands on My learning, signs out.

The IdP is the test one (tests/sso_providers/saml_idp.py) on its own port; its
pages are not ours, so only the live server's pages are checked by axe and the
Nu HTML checker.
"""

import urllib.parse

import pytest
from playwright.sync_api import expect

from tests.browser.checks import assert_accessible
from tests.sso_providers.saml import (  # noqa: F401 (the fixtures)
    _saml_keys,
    _start_saml_idp,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def city_idp(settings, start_saml_idp, live_server, employee):
    """The IdP on 127.0.0.1, our site on localhost: two sites, as in production."""
    # The IdP's answer is a cross-site POST, so the saml_session cookie must be
    # SameSite=None, which Chromium only keeps when Secure (it allows that on
    # http://localhost, a secure context), as production.py sets it.
    settings.SESSION_COOKIE_SECURE = True
    settings.SSO_LABEL = "City of Example"
    assert urllib.parse.urlsplit(live_server.url).hostname == "localhost"
    idp = start_saml_idp(base_url=live_server.url, host="127.0.0.1")
    idp.add_user(
        "alice",
        name="Alice Arsenault (directory)",
        employee_number=employee.employee.employee_number,
        email=employee.email,
    )
    return idp


def test_employee_signs_in_through_the_saml_idp_and_signs_out(
    page, live_server, city_idp
):
    page.goto(f"{live_server.url}/my/learning/")
    expect(page.get_by_role("heading", level=1, name="Sign in")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Sign in with City of Example").click()
    expect(page.get_by_role("heading", name="City directory: sign in")).to_be_visible()
    page.get_by_role("button", name="Alice Arsenault (directory)").click()
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", level=1, name="My learning")).to_be_visible()
    account = page.get_by_role("button", name="Account: Alice Arsenault")
    expect(account).to_be_visible()
    assert page.url == f"{live_server.url}/my/learning/"
    assert_accessible(page)

    account.click()
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_text("You have signed out.")).to_be_visible()
    expect(page.get_by_role("link", name="Sign in", exact=True)).to_be_visible()
    assert_accessible(page)


def test_signing_out_also_signs_out_at_an_idp_that_offers_single_logout(
    page, settings, start_saml_idp, live_server, employee
):
    settings.SESSION_COOKIE_SECURE = True
    settings.SSO_LABEL = "City of Example"
    idp = start_saml_idp(base_url=live_server.url, host="127.0.0.1", slo=True)
    idp.add_user(
        "alice",
        name="Alice Arsenault (directory)",
        employee_number=employee.employee.employee_number,
        email=employee.email,
    )
    page.goto(f"{live_server.url}/my/learning/")
    page.get_by_role("link", name="Sign in with City of Example").click()
    page.get_by_role("button", name="Alice Arsenault (directory)").click()
    page.get_by_role("button", name="Continue").click()
    account = page.get_by_role("button", name="Account: Alice Arsenault")
    account.click()
    page.get_by_role("button", name="Sign out").click()
    # Our page goes on to the IdP by itself; the IdP signs out and links back.
    expect(
        page.get_by_role("heading", name="City directory: signed out")
    ).to_be_visible()
    assert len(idp.logouts) == 1
    page.get_by_role("link", name="Back to the service").click()
    expect(page.get_by_role("link", name="Sign in", exact=True)).to_be_visible()
    assert page.url == f"{live_server.url}/"
