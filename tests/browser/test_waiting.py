"""Browser tests wait for what the user sees, never read the page once and hope.

`locator.is_visible()` answers at once: on a loaded machine the page has not redrawn
yet and the assertion fails (CI, 2026-12-01: the sign-in error message). Playwright's
`expect(...)` retries until its timeout, so every check on the page goes through it.
Fixed sleeps and navigation events are refused for the same reason.
"""

import ast
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Calls that read or wait once instead of waiting for what the user sees.
NOT_WAITING = {
    "is_visible",
    "is_hidden",
    "is_checked",
    "is_enabled",
    "is_disabled",
    "is_editable",
    "wait_for_timeout",
    "wait_for_navigation",
    "expect_navigation",
    "wait_for_load_state",
}


def _offences(source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name = node.func.attr
            is_sleep = (
                name == "sleep"
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "time"
            )
            if name in NOT_WAITING or is_sleep:
                found.append((node.lineno, name))
    return found


def test_the_check_catches_a_read_that_does_not_wait():
    source = 'assert page.get_by_text("Saved").is_visible()\ntime.sleep(1)\n'
    assert _offences(source) == [(1, "is_visible"), (2, "sleep")]
    assert _offences('expect(page.get_by_text("Saved")).to_be_visible()\n') == []


def test_no_browser_test_reads_the_page_without_waiting():
    offences = [
        f"{path.name}:{line} {name}()"
        for path in sorted(HERE.glob("test_*.py"))
        if path.name != Path(__file__).name
        for line, name in _offences(path.read_text())
    ]
    assert offences == [], (
        "Use expect(locator).to_be_visible() / to_have_text() / to_have_url(), "
        f"which wait: {offences}"
    )
