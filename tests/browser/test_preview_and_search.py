"""Where issue 13 found them: a trainer's preview panel, a learner's catalogue search."""

import pytest
from playwright.sync_api import expect

from tests.browser.checks import assert_accessible
from tests.browser.helpers import sign_in
from tests.courses.factories import make_course, make_module, paragraph
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_trainer_previews_a_course_with_a_new_prerequisite(page, live_server, trainer):
    """Pick a prerequisite, change the summary, open the preview: both show."""
    make_course(title="Digital basics", modules=1)
    course = make_course(title="Chatbots at the counter", modules=1)
    sign_in(page, live_server, "tess", PASSWORD)
    page.goto(f"{live_server.url}/admin/pages/{course.pk}/edit/")
    page.locator("#id_summary").fill("Answering residents with a chatbot, safely.")
    page.locator("#id_prerequisites").select_option(label="Digital basics")
    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text(
        "Chatbots at the counter"
    )
    expect(
        preview.get_by_text("Answering residents with a chatbot, safely.")
    ).to_be_visible()
    expect(preview.get_by_role("note")).to_contain_text("Digital basics")


def test_learner_finds_a_course_by_a_word_only_its_lesson_teaches(
    page, live_server, employee
):
    course = make_course(title="Generative AI at work", modules=0)
    lesson = make_module(course, title="Talking to machines")
    lesson.body = paragraph("Never paste a resident's details into a public chatbot.")
    lesson.save_revision().publish()
    make_course(title="Snow clearing routes", summary="Plows and salt.")
    sign_in(page, live_server, "alice", PASSWORD)
    page.goto(f"{live_server.url}/courses/")
    page.get_by_label("Search courses").fill("chatbot")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="1 course")).to_be_visible()
    expect(page.get_by_role("link", name="Generative AI at work")).to_be_visible()
    expect(
        page.get_by_text("Found in the lessons: Talking to machines")
    ).to_be_visible()
    assert_accessible(page)
