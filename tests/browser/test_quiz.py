"""The employee fails a knowledge check, tries again and passes, with the keyboard alone."""

import re

import pytest
from playwright.sync_api import expect

from courses.models import Enrolment, QuizAttempt
from tests.browser.checks import assert_accessible
from tests.browser.helpers import activate, sign_in, tab_to
from tests.courses.factories import (
    make_course,
    make_quiz_module,
    option,
    question,
)
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

QUESTIONS = [
    question(
        "single",
        "Where do you report a suspicious email?",
        options=[
            option("To the IT service desk", True),
            option("Nowhere"),
            option("Reply to the sender"),
        ],
    ),
    question(
        "truefalse", "A strong password can be reused on other sites.", correct=False
    ),
]


def test_employee_fails_retries_and_passes_using_only_the_keyboard(
    page, live_server, employee
):
    course = make_course(title="Cybersecurity essentials", modules=0)
    make_quiz_module(
        course,
        questions=QUESTIONS,
        shuffle_questions=False,
        shuffle_options=False,
        pass_mark=100,
    )
    sign_in(page, live_server, "alice", PASSWORD)
    page.goto(f"{live_server.url}{course.url}")
    tab_to(page, page.get_by_role("button", name="Enrol"))
    activate(page, page.get_by_text("You are enrolled"))
    assert_accessible(page)

    tab_to(page, page.get_by_role("button", name="Start the knowledge check"))
    activate(page, page.get_by_role("button", name="Submit answers"))
    assert_accessible(page)
    # First try: a wrong answer to the first question (arrow keys move within a radio group).
    tab_to(page, page.get_by_label("To the IT service desk"))
    page.keyboard.press("ArrowDown")  # now "Nowhere"
    tab_to(page, page.get_by_label("True"))
    page.keyboard.press("ArrowDown")  # "False"
    # Autosave: the answers are on the server, so a reload brings them back.
    expect(page.get_by_role("status")).to_contain_text("Answers saved at")
    page.reload()
    expect(page.get_by_label("Nowhere")).to_be_checked()
    expect(page.get_by_label("False")).to_be_checked()
    tab_to(page, page.get_by_role("button", name="Submit answers"))
    activate(page, page.get_by_text("Not passed yet"))
    assert_accessible(page)

    tab_to(page, page.get_by_role("button", name="Try again"))
    activate(page, page.get_by_role("button", name="Submit answers"))
    tab_to(page, page.get_by_label("To the IT service desk"))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_label("True"))
    page.keyboard.press("ArrowDown")
    tab_to(page, page.get_by_role("button", name="Submit answers"))
    activate(page, page.get_by_role("heading", name="Your result"))
    expect(page.get_by_text("This module is now complete.")).to_be_visible()
    assert_accessible(page)

    assert QuizAttempt.objects.filter(user=employee, passed=True).count() == 1
    assert Enrolment.objects.get(user=employee, course=course).completed_at is not None
    page.goto(f"{live_server.url}{course.url}")
    expect(page.get_by_text("Completed").first).to_be_visible()


def test_submit_with_a_question_unanswered_asks_first_and_back_shows_the_result(
    page, live_server, employee
):
    course = make_course(title="Cybersecurity essentials", modules=0)
    make_quiz_module(
        course,
        questions=QUESTIONS,
        shuffle_questions=False,
        shuffle_options=False,
        pass_mark=100,
        attempts_allowed=2,
    )
    sign_in(page, live_server, "alice", PASSWORD)
    page.goto(f"{live_server.url}{course.url}")
    page.get_by_role("button", name="Enrol").click()
    page.get_by_role("button", name="Start the knowledge check").click()
    page.get_by_label("To the IT service desk").check()
    page.get_by_role("button", name="Submit answers").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "1 question is unanswered; submitting uses attempt 1 of 2."
    )
    expect(page.get_by_label("To the IT service desk")).to_be_checked()
    assert_accessible(page)
    page.get_by_role("button", name="Submit anyway").first.click()
    expect(page.get_by_role("heading", name="Your result")).to_be_visible()
    assert QuizAttempt.objects.get(user=employee).score == 50
    page.go_back()
    page.wait_for_url(re.compile(r"/result/"))
    expect(page.get_by_role("heading", name="Your result")).to_be_visible()

    # The second attempt, every question answered: straight to the result, and
    # Back from it shows that result, not the answer form again.
    page.get_by_role("button", name="Try again").click()
    page.get_by_label("To the IT service desk").check()
    page.get_by_label("False").check()
    page.get_by_role("button", name="Submit answers").click()
    expect(page.get_by_text("This module is now complete.")).to_be_visible()
    page.go_back()
    page.wait_for_url(re.compile(r"/result/"))
    expect(page.get_by_role("heading", name="Your result")).to_be_visible()
    expect(page.get_by_text("This module is now complete.")).to_be_visible()
    expect(page.get_by_role("button", name="Submit answers")).to_have_count(0)
