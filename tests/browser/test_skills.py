"""Skills end to end: the employee rates herself, her manager reviews, she sees the gap."""

from django.urls import reverse

import pytest
from playwright.sync_api import expect

from tests.browser.checks import assert_accessible
from tests.browser.helpers import sign_in
from tests.courses.factories import make_course
from tests.personas import PASSWORD
from tests.skills.factories import add_outcome

pytestmark = pytest.mark.django_db(transaction=True)


def choose(page, skill: str, level: str) -> None:
    page.get_by_role("group", name=skill).get_by_label(level).check()


def test_self_assessment_review_and_the_remaining_gap(
    page,
    live_server,
    employee,
    manager,
    staffed,
):
    course = make_course(title="Data in depth", summary="Analysis for everyday work.")
    add_outcome(course, staffed["skills"]["data"], 3)

    # Alice rates herself and submits.
    sign_in(page, live_server, "alice", PASSWORD)
    page.goto(live_server.url + reverse("skills:my-skills"))
    expect(page.get_by_role("heading", level=1)).to_have_text("My skills")
    assert_accessible(page)
    page.get_by_role("link", name="Rate your skills").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rate your skills")
    assert_accessible(page)
    choose(page, "Data literacy", "Working (2)")
    choose(page, "Cybersecurity", "Practitioner (3)")
    choose(page, "Plain language", "Working (2)")
    page.get_by_label("Note on Cybersecurity (optional)").fill(
        "I run our phishing drills."
    )
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_text("Self-assessment submitted.")).to_be_visible()
    expect(page.get_by_text("waiting for your manager's review")).to_be_visible()
    assert_accessible(page)

    # Bob confirms one rating and adjusts another.
    page.context.clear_cookies()
    sign_in(page, live_server, "bob", PASSWORD)
    page.goto(live_server.url + reverse("skills:review-list"))
    assert_accessible(page)
    page.get_by_role("link", name="Review Alice Arsenault").click()
    expect(page.get_by_text("I run our phishing drills.")).to_be_visible()
    assert_accessible(page)
    choose(page, "Cybersecurity", "Working (2)")
    page.get_by_label("Comment on Cybersecurity").fill(
        "Let's aim for 3 after the course."
    )
    page.get_by_role("button", name="Save review").click()
    expect(page.get_by_text("Review saved.")).to_be_visible()
    assert_accessible(page)

    # Alice sees the confirmed levels, the gap left and a course that closes it.
    page.context.clear_cookies()
    sign_in(page, live_server, "alice", PASSWORD)
    page.goto(live_server.url + reverse("skills:my-skills"))
    expect(
        page.get_by_role("heading", name="Your manager has reviewed your skills")
    ).to_be_visible()
    table = page.get_by_role("table")
    data_row = table.get_by_role("row", name="Data literacy")
    expect(data_row).to_contain_text("✓ manager")
    expect(table.get_by_role("row", name="Cybersecurity")).to_contain_text("2")
    gaps = page.locator(
        "section", has=page.get_by_role("heading", name="Gaps and the courses")
    )
    expect(gaps).to_contain_text("1 level to go")
    expect(gaps.get_by_role("link", name="Data in depth")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Dismiss this notice").click()
    expect(page.get_by_role("heading", name="Your manager has reviewed")).to_have_count(
        0
    )
    assert_accessible(page)
