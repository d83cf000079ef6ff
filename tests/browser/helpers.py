"""Page actions several browser tests share: signing in, and moving by keyboard."""

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
