"""Playwright against Debian's Chromium, with axe-core for accessibility.

Never `playwright install`: it downloads a browser, which this network refuses.
"""

import json
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
AXE_JS = (
    Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
)
WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


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


# Widgets inside the Wagtail 8.0 page editor that axe flags and that we cannot
# change from this project: Draftail's rich-text boxes (no accessible name on the
# contenteditable) and the tag field's jQuery autocomplete input (no label).
# Only admin pages pass these; every page of our own is checked whole.
WAGTAIL_EDITOR_UPSTREAM = [[".DraftEditor-root"], [".ui-autocomplete-input"]]


def assert_accessible(page, *, exclude: list[list[str]] | None = None) -> None:
    """Fail with a readable list if axe finds any WCAG 2.0/2.1 A or AA violation."""
    # Colours are only final once transitions (messages fading in) have ended.
    page.evaluate(
        "() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))"
    )
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        """([tags, exclude]) => axe.run(
            exclude.length ? {include: [["html"]], exclude: exclude} : document,
            {runOnly: {type: 'tag', values: tags}},
        )""",
        [WCAG_AA_TAGS, exclude or []],
    )
    violations = [
        {
            "rule": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]
    assert not violations, (
        f"axe found on {page.url}:\n{json.dumps(violations, indent=2)}"
    )


def sign_in(page, live_server, username, password) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
