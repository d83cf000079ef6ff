"""A trainer drafts a course with two modules and submits it; an L&D admin approves it."""

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from courses.models import CourseIndexPage, CoursePage, ModulePage
from tests.browser.checks import WAGTAIL_EDITOR_UPSTREAM, assert_accessible
from tests.browser.helpers import sign_in
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def _page_errors(page) -> str:
    """What the editor shows as wrong, to name in a failure instead of a time-out."""
    errors = page.locator(
        ".messages, .error-message, .help-critical, [role=alert], .w-field__errors"
    ).all_inner_texts()
    return " | ".join(text.strip() for text in errors if text.strip()) or "(none)"


def _save_draft(page, title: str) -> int:
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


def _submit_for_review(page, page_id: int, base: str) -> None:
    page.goto(f"{base}/admin/pages/{page_id}/edit/")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Course review").click()
    expect(page.locator(".messages")).to_contain_text(
        "has been submitted for moderation"
    )


def _add_module(page, base: str, course_id: int, title: str, text: str) -> int:
    page.goto(f"{base}/admin/pages/add/courses/modulepage/{course_id}/")
    page.fill("#id_title", title)
    page.locator("#body-root").get_by_title("Insert a block").click()
    page.get_by_role("option", name="Paragraph").click()
    editor = page.locator(".DraftEditor-root [contenteditable=true]").last
    editor.click()
    editor.press_sequentially(text)
    # Draftail copies its content into the form's hidden input after a pause.
    expect(page.locator("input[name='body-0-value']")).to_have_value(
        re.compile(re.escape(text))
    )
    return _save_draft(page, title)


def test_trainer_submits_a_course_and_ld_admin_publishes_it(
    browser, live_server, trainer, ld_admin, employee
):
    base = live_server.url
    catalogue = CourseIndexPage.objects.get()

    author = browser.new_page()
    sign_in(author, live_server, "tess", PASSWORD)
    author.goto(f"{base}/admin/pages/add/courses/coursepage/{catalogue.pk}/")
    author.fill("#id_summary", "Write so residents understand the first time.")
    # Type the title and save at once: the editor has had no chance to copy it
    # into the slug (on the Promote tab), and the page must still be saved.
    author.fill("#id_title", "Plain language writing")
    course_id = _save_draft(author, "Plain language writing")
    author.get_by_role("tab", name="Promote").click()
    expect(author.locator("#id_slug")).to_have_value("plain-language-writing")
    assert_accessible(author, exclude=WAGTAIL_EDITOR_UPSTREAM)
    modules = [
        _add_module(
            author,
            base,
            course_id,
            "Short sentences",
            "Use short sentences and everyday words.",
        ),
        _add_module(
            author,
            base,
            course_id,
            "Say what to do",
            "Put the action first: what the reader must do and by when.",
        ),
    ]
    for page_id in [course_id, *modules]:
        _submit_for_review(author, page_id, base)
    # Trainers cannot publish: the course is still a draft.
    assert not CoursePage.objects.get(pk=course_id).live

    reviewer = browser.new_context().new_page()
    sign_in(reviewer, live_server, "lee", PASSWORD)
    reviewer.goto(f"{base}/admin/")
    expect(
        reviewer.get_by_role("link", name="Plain language writing").first
    ).to_be_visible()
    assert_accessible(reviewer)
    for page_id in [course_id, *modules]:
        reviewer.goto(f"{base}/admin/pages/{page_id}/edit/")
        reviewer.get_by_role("button", name="More actions").click()
        reviewer.get_by_role("button", name="Approve and Publish").click()
        expect(reviewer.locator(".messages")).to_contain_text("has been updated.")
    assert CoursePage.objects.get(pk=course_id).live
    assert (
        ModulePage.objects.child_of(CoursePage.objects.get(pk=course_id)).live().count()
        == 2
    )

    learner = browser.new_context().new_page()
    sign_in(learner, live_server, "alice", PASSWORD)
    learner.goto(f"{base}/courses/")
    learner.get_by_role("link", name="Plain language writing").click()
    expect(learner.get_by_role("link", name="Say what to do")).to_be_visible()
    assert_accessible(learner)
