"""My changes end to end, by keyboard: open the change, answer the check-in, see the
confirmation, change an answer. Then the same form on a phone-sized screen."""

import re
from datetime import timedelta

from django.utils import timezone

import pytest
from playwright.sync_api import expect

from change.services import initiative_training_sync
from tests.browser.checks import assert_accessible
from tests.browser.helpers import activate, sign_in, tab_to
from tests.change.factories import CheckInRoundFactory, InitiativeFactory
from tests.courses.factories import make_course
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def rollout(org, employee, ld_admin):
    initiative = InitiativeFactory(
        name="New 311 system",
        slug="new-311",
        tool_name="the new 311 system",
        why="Calls get lost between departments; the new system tracks each one.",
        units=[org["team_a"]],
        go_live=timezone.localdate() + timedelta(days=20),
    )
    initiative.courses.set([make_course(title="311 basics")])
    initiative_training_sync(initiative=initiative, actor=ld_admin)
    return CheckInRoundFactory(initiative=initiative, name="Baseline")


def answer(page, stage: str, presses: int) -> None:
    """Tab into an unanswered stage's radio group, pick 1 with Space, then arrow down."""
    tab_to(page, page.get_by_role("group", name=stage).get_by_role("radio").first)
    page.keyboard.press("Space")
    for _ in range(presses):
        page.keyboard.press("ArrowDown")


def test_an_employee_answers_and_changes_a_check_in_by_keyboard(
    page, live_server, employee, rollout
):
    sign_in(page, live_server, "alice", PASSWORD)
    expect(page.get_by_role("link", name="My changes")).to_be_visible()
    tab_to(page, page.get_by_role("link", name="My changes"))
    activate(page, page.get_by_role("heading", level=1, name="My changes"))
    assert_accessible(page)

    tab_to(page, page.get_by_role("link", name="New 311 system", exact=True))
    activate(page, page.get_by_role("heading", level=1, name="New 311 system"))
    expect(page.get_by_text("Calls get lost between departments")).to_be_visible()
    expect(page.get_by_role("listitem").filter(has_text="311 basics")).to_contain_text(
        "Due soon"
    )
    expect(page.get_by_text("Why we ask, and who sees your answers")).to_be_visible()
    assert_accessible(page)

    tab_to(page, page.get_by_role("link", name=re.compile(r"^Check in\W+Baseline$")))
    activate(page, page.get_by_role("heading", level=1, name="Check-in: Baseline"))
    assert_accessible(page)
    answer(page, "1 of 5 · Understand", 3)  # 4 Mostly
    answer(page, "2 of 5 · Commit", 4)  # 5 Fully
    answer(page, "3 of 5 · Learn", 1)  # 2 A little
    answer(page, "4 of 5 · Apply", 5)  # Not applicable yet
    answer(page, "5 of 5 · Sustain", 5)
    expect(
        page.get_by_role("group", name="3 of 5 · Learn").get_by_label("2 · A little")
    ).to_be_checked()
    tab_to(page, page.get_by_label("Anything you want to add? (optional)"))
    page.keyboard.type("A drop-in session would help.")
    tab_to(page, page.get_by_role("button", name="Send my check-in"))
    activate(page, page.get_by_text("Thank you: your check-in is saved."))
    expect(page.locator(".my-answers")).to_contain_text("Learn: 2 (A little)")
    expect(page.locator(".my-answers")).to_contain_text("Apply: Not applicable yet")
    assert_accessible(page)

    tab_to(
        page,
        page.get_by_role("link", name=re.compile(r"^Change my answers\W+Baseline$")),
    )
    activate(page, page.get_by_text("your answers are filled in"))
    learn = page.get_by_role("group", name="3 of 5 · Learn")
    expect(learn.get_by_label("2 · A little")).to_be_checked()
    tab_to(page, learn.locator("input:checked"))
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    expect(learn.get_by_label("5 · Fully")).to_be_checked()
    tab_to(page, page.get_by_role("button", name="Save my changed answers"))
    activate(page, page.get_by_text("Thank you: your check-in is saved."))
    expect(page.locator(".my-answers")).to_contain_text("Learn: 5 (Fully)")
    assert_accessible(page)


def test_the_check_in_fits_a_phone_screen(browser, live_server, employee, rollout):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    sign_in(page, live_server, "alice", PASSWORD)
    page.goto(f"{live_server.url}/my/changes/new-311/check-in/{rollout.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check-in: Baseline")
    fits = page.evaluate(
        "() => document.documentElement.scrollWidth <= window.innerWidth"
    )
    assert fits, "the form scrolls sideways on a 360 px wide screen"
    assert_accessible(page)
