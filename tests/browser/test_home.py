"""The employee signs in and the home page shows their next step, axe and Nu clean."""

import re
from datetime import timedelta

from django.utils import timezone

import pytest
from playwright.sync_api import expect

from tests.browser.checks import assert_accessible
from tests.browser.helpers import sign_in
from tests.courses.factories import make_course
from tests.personas import PASSWORD
from tests.training_site.builders import assign, in_progress

pytestmark = pytest.mark.django_db(transaction=True)


def test_employee_signs_in_to_their_next_step_and_resumes_it(
    page, live_server, employee
):
    course = make_course(title="Data basics", modules=3)
    resume = in_progress(employee, course, done=1)
    assign(make_course(title="Privacy refresher", modules=1), employee, days=-3)
    assign(make_course(title="Accessibility (AODA)", modules=1), employee, days=5)

    sign_in(page, live_server, "alice", PASSWORD)

    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome back, Alice")
    resume_block = page.get_by_role("region", name="Continue where you left off")
    course_link = resume_block.get_by_role("link", name="Data basics", exact=True)
    expect(course_link).to_be_visible()
    expect(resume_block.get_by_text(f"Next: {resume.title}")).to_be_visible()
    overdue = page.get_by_role("region", name="Overdue")
    expect(overdue.get_by_role("link", name="Privacy refresher")).to_be_visible()
    due = timezone.localdate() - timedelta(days=3)
    expect(overdue).to_contain_text(f"was due {due:%-d %B %Y}")
    due_soon = page.get_by_role("region", name="Due soon")
    expect(due_soon.get_by_role("link", name="Accessibility (AODA)")).to_be_visible()
    expect(page.get_by_text("Learn at your pace")).to_have_count(0)
    assert_accessible(page)

    resume_block.get_by_role("link", name=re.compile(r"^Resume\b")).click()
    page.wait_for_url(f"**{resume.url}")
    expect(page.get_by_role("heading", level=1)).to_have_text(resume.title)


def test_a_visitor_gets_the_welcome(page, live_server, db):
    page.goto(f"{live_server.url}/")
    expect(page.get_by_text("Learn at your pace")).to_be_visible()
    expect(
        page.get_by_role("link", name="Sign in with your city account")
    ).to_be_visible()
    assert_accessible(page)
