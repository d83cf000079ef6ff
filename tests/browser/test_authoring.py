"""A trainer drafts a course with two modules and submits it; an L&D admin approves it."""

import pytest
from playwright.sync_api import expect

from courses.models import CourseIndexPage, CoursePage, ModulePage
from tests.browser.checks import WAGTAIL_EDITOR_UPSTREAM, assert_accessible
from tests.browser.helpers import add_module, save_draft, sign_in, submit_for_review
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


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
    course_id = save_draft(author, "Plain language writing")
    author.get_by_role("tab", name="Promote").click()
    expect(author.locator("#id_slug")).to_have_value("plain-language-writing")
    assert_accessible(author, exclude=WAGTAIL_EDITOR_UPSTREAM)
    modules = [
        add_module(
            author,
            base,
            course_id,
            "Short sentences",
            "Use short sentences and everyday words.",
        ),
        add_module(
            author,
            base,
            course_id,
            "Say what to do",
            "Put the action first: what the reader must do and by when.",
        ),
    ]
    for page_id in [course_id, *modules]:
        submit_for_review(author, page_id, base)
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
