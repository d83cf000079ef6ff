"""The browser tests' policy check is real: what the policy blocks fails the test."""

import pytest
from playwright.sync_api import expect

from tests.browser.checks import assert_no_csp_violations

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_inline_style_on_one_of_our_pages_is_blocked_and_reported(page, live_server):
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_no_csp_violations(page)
    page.evaluate(
        """() => document.body.insertAdjacentHTML(
            'beforeend', '<p id="styled" style="color: rgb(255, 0, 0)">Red?</p>')"""
    )
    styled = page.locator("#styled")
    expect(styled).to_have_text("Red?")
    # Blocked: the paragraph keeps the page's colour.
    assert styled.evaluate("el => getComputedStyle(el).color") != "rgb(255, 0, 0)"
    page.wait_for_function("window.__cspViolations.length > 0")
    with pytest.raises(AssertionError, match="style-src"):
        assert_no_csp_violations(page)
