"""Playwright against Debian's Chromium; the page checks (axe-core, the W3C Nu HTML
checker) live in tests/browser/checks.py, the shared page actions in helpers.py.

Never `playwright install`: it downloads a browser, which this network refuses.
"""

import threading

from django.core.signals import request_finished, request_started

import pytest

from tests.browser.checks import (
    CSP_LISTENER,
    forget_documents,
    nu_start,
    nu_stop,
    record_document,
)

CHROMIUM = "/usr/bin/chromium"
SERVER_IDLE_TIMEOUT = 30  # seconds a request the browser left behind may take

# Requests the live server is still answering, so that a test ends only once the
# server is idle: the database flush after it must not race a request in flight.
_serving = {"requests": 0}
_server_idle = threading.Condition()


def _request_started(**kwargs):
    with _server_idle:
        _serving["requests"] += 1


def _request_finished(**kwargs):
    with _server_idle:
        _serving["requests"] -= 1
        _server_idle.notify_all()


request_started.connect(_request_started, dispatch_uid="browser_tests_serving")
request_finished.connect(_request_finished, dispatch_uid="browser_tests_served")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser(browser):
    """The session's browser, recording every page's main document as served."""
    original_new_context, original_new_page = browser.new_context, browser.new_page

    def new_context(**kwargs):
        context = original_new_context(**kwargs)
        context.on("response", record_document)
        context.add_init_script(script=CSP_LISTENER)
        return context

    def new_page(**kwargs):
        page = original_new_page(**kwargs)
        page.context.on("response", record_document)
        page.context.add_init_script(script=CSP_LISTENER)
        return page

    browser.new_context, browser.new_page = new_context, new_page
    yield browser
    forget_documents()


@pytest.fixture(scope="session", autouse=True)
def nu_checker():
    """One Nu HTML checker service for the session: one JVM start, not one per page."""
    # It starts while the browser and live server do; the first check waits for it.
    nu_start()
    yield
    nu_stop()


@pytest.fixture(autouse=True)
def _close_pages_after_each_test(request):
    """Close every page a test opened, once the test ends.

    An editor page left open keeps calling the live server (Wagtail's autosave
    and session checks) while later tests run: those requests hit the shared
    in-memory database outside any live-server test, which Django refuses
    ("DatabaseWrapper objects created in a thread can only be used in that same
    thread"), and they would see or change the next test's data.

    Closing a page does not wait for the requests it had sent (an autosave, a
    preview refresh), so the test then waits until the live server has answered
    them: the database flush after a transactional test must not run while a
    request still holds a table ("database table is locked" on SQLite).
    """
    yield
    if "browser" in request.fixturenames:
        for context in request.getfixturevalue("browser").contexts:
            context.close()
    with _server_idle:
        idle = _server_idle.wait_for(
            lambda: _serving["requests"] <= 0, timeout=SERVER_IDLE_TIMEOUT
        )
    assert idle, f"the live server was still answering after {SERVER_IDLE_TIMEOUT} s"
