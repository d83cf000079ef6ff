"""Page actions several browser tests share: signing in, moving by keyboard, and
drafting pages in Wagtail's editor."""

import re

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect


def sign_in(page, live_server, username, password) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def tab_to(page, locator, *, limit: int = 80) -> None:
    """Press Tab until `locator` has focus, as a keyboard user would."""
    for _ in range(limit):
        if locator.evaluate("el => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"could not reach {locator} with Tab")


def activate(page, then) -> None:
    """Press Enter on the focused link or button; wait until `then` shows."""
    page.keyboard.press("Enter")
    expect(then).to_be_visible()


def _page_errors(page) -> str:
    """What the editor shows as wrong, to name in a failure instead of a time-out."""
    errors = page.locator(
        ".messages, .error-message, .help-critical, [role=alert], .w-field__errors"
    ).all_inner_texts()
    return " | ".join(text.strip() for text in errors if text.strip()) or "(none)"


def save_draft(page, title: str) -> int:
    page.get_by_role("button", name="Save draft").click()
    # Wait for what the trainer sees: the confirmation, then the edit page's
    # address. A page that fails validation re-renders the add form; say why.
    # Wagtail autosaves half a second after a change: on a slow machine it has
    # created the page before the click, which then saves it again ("updated").
    saved = re.compile(rf"Page '{re.escape(title)}' (created|has been updated)\.")
    try:
        expect(page.locator(".messages")).to_contain_text(saved)
        page.wait_for_url(re.compile(r"/pages/\d+/edit/"))
    except (AssertionError, PlaywrightTimeoutError):
        raise AssertionError(
            f"Save draft did not reach the edit page ({page.url}); "
            f"the page says: {_page_errors(page)}"
        ) from None
    return int(re.search(r"/pages/(\d+)/edit/", page.url).group(1))


def submit_for_review(page, page_id: int, base: str) -> None:
    page.goto(f"{base}/admin/pages/{page_id}/edit/")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Course review").click()
    expect(page.locator(".messages")).to_contain_text(
        "has been submitted for moderation"
    )


def add_module(
    page, base: str, course_id: int, title: str, text: str, *, package: str = ""
) -> int:
    """Add a module in the page editor (with an e-learning package, if named)."""
    page.goto(f"{base}/admin/pages/add/courses/modulepage/{course_id}/")
    page.fill("#id_title", title)
    if package:
        page.get_by_role("combobox", name="E-learning package").select_option(
            label=package
        )
    page.locator("#body-root").get_by_title("Insert a block").click()
    page.get_by_role("option", name="Paragraph").click()
    editor = page.locator(".DraftEditor-root [contenteditable=true]").last
    editor.click()
    editor.press_sequentially(text)
    # Draftail copies its content into the form's hidden input after a pause.
    expect(page.locator("input[name='body-0-value']")).to_have_value(
        re.compile(re.escape(text))
    )
    return save_draft(page, title)
