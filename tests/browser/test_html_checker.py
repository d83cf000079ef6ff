"""The Nu HTML checker in assert_accessible really checks the HTML as served."""

import pytest

from tests.browser.checks import assert_valid_html

INVALID = b"""<!DOCTYPE html>
<html lang="en"><head><title>Broken</title></head>
<body><main>
<p id="twice">One</p><p id="twice">Two</p>
<time datetime="2026-12-01T10:00:00.123456-05:00">1 Dec</time>
</main></body></html>"""


def test_the_checker_names_the_page_and_each_error(page):
    # Served by the browser's router, not a server: the recorder sees it the same way.
    page.route(
        "http://nu-check.test/broken",
        lambda route: route.fulfill(body=INVALID, content_type="text/html"),
    )
    page.goto("http://nu-check.test/broken")
    with pytest.raises(AssertionError) as failure:
        assert_valid_html(page)
    report = str(failure.value)
    assert "http://nu-check.test/broken" in report
    assert "Duplicate ID “twice”" in report
    assert "A fraction of a second must be one, two, or three digits" in report


def test_the_checker_reads_the_html_as_served_not_the_live_dom(page):
    valid = INVALID.replace(b'id="twice">Two', b'id="once">Two').replace(
        b".123456", b""
    )
    page.route(
        "http://nu-check.test/valid",
        lambda route: route.fulfill(body=valid, content_type="text/html"),
    )
    page.goto("http://nu-check.test/valid")
    # A script's later change to the DOM is not what the server sent.
    page.evaluate("document.body.innerHTML += '<p id=\"once\">Three</p>'")
    assert_valid_html(page)


def test_only_admin_pages_pass_wagtails_own_markup(page):
    # generic/listing_results.html's <h2 role="alert">: allowed in Wagtail's admin,
    # an error anywhere else; a page of our own is checked whole.
    wagtail_markup = INVALID.replace(
        b'<p id="twice">One</p><p id="twice">Two</p>',
        b'<h2 role="alert">3 results</h2>',
    ).replace(b".123456", b"")
    page.route(
        "http://nu-check.test/**",
        lambda route: route.fulfill(body=wagtail_markup, content_type="text/html"),
    )
    page.goto("http://nu-check.test/admin/reports/")
    assert_valid_html(page)
    page.goto("http://nu-check.test/learn/reports/")
    with pytest.raises(AssertionError, match="Bad value “alert” for attribute “role”"):
        assert_valid_html(page)
