"""Previews of every page type render, as the admin's preview panel shows them.

The admin posts the edit form (saved or not) to the preview URL, then loads the
preview from it; the page then holds its relations in memory (modelcluster's
FakeQuerySet), not in the database, so every read of them must work on both.
"""

from django.http import QueryDict
from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

import pytest

from courses.models import (
    CourseIndexPage,
    CoursePage,
    LearningPathCourse,
    LearningPathPage,
    ModulePage,
)
from tests.courses.factories import make_course, make_quiz_module, modules_of
from training_site.models import HomePage


def _edit_form_data(client, page: Page) -> QueryDict:
    """The edit form's fields as the browser would post them."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200, (page, response.status_code)
    html = response.text
    return querydict_from_html(html, form_id="page-edit-form")


def _add_form_data(client, model, parent: Page) -> QueryDict:
    url = reverse(
        "wagtailadmin_pages:add",
        args=[model._meta.app_label, model._meta.model_name, parent.pk],
    )
    return querydict_from_html(client.get(url).text, form_id="page-edit-form")


def _lesson(text: str) -> dict[str, str]:
    """A module's two StreamFields as posted: the editor builds these in JavaScript."""
    return nested_form_data(
        {
            "body": streamfield([("paragraph", rich_text(f"<p>{text}</p>"))]),
            "questions": streamfield([]),
        }
    )


def _preview(client, preview_url: str, data: QueryDict):
    """Post the form to the preview view, as the preview panel does, then load it."""
    answer = client.post(preview_url, data.urlencode(), content_type=_FORM)
    assert answer.json() == {"is_valid": True, "is_available": True}, answer.json()
    response = client.get(preview_url)
    assert response.status_code == 200
    # A form the preview view finds invalid renders Wagtail's error page instead.
    assert "Preview not available" not in response.text
    return response


_FORM = "application/x-www-form-urlencoded"


def _edit_preview_url(page: Page) -> str:
    return reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])


def _add_preview_url(model, parent: Page) -> str:
    return reverse(
        "wagtailadmin_pages:preview_on_add",
        args=[model._meta.app_label, model._meta.model_name, parent.pk],
    )


@pytest.fixture
def courses():
    basics = make_course(title="Digital basics", modules=1)
    chatbots = make_course(title="Chatbots at the counter", modules=2)
    return basics, chatbots


@pytest.fixture
def path(courses):
    path = LearningPathPage(
        title="New tools programme",
        slug="new-tools",
        path_courses=[LearningPathCourse(course=courses[0], sort_order=0)],
    )
    CourseIndexPage.objects.get().add_child(instance=path)
    path.save_revision().publish()
    return LearningPathPage.objects.get(pk=path.pk)


@pytest.mark.django_db
def test_every_page_type_previews_from_its_edit_form(
    admin_user, ld_admin, client, courses, path
):
    """Home, catalogue, course, module and path: each preview shows the edited draft."""
    basics, chatbots = courses
    # Only site administrators edit the home page; L&D admins own the catalogue.
    pages = [
        (admin_user, HomePage.objects.get()),
        (ld_admin, CourseIndexPage.objects.get()),
        (ld_admin, chatbots),
        (ld_admin, modules_of(chatbots)[0]),
        (ld_admin, path),
    ]
    for user, page in pages:
        client.force_login(user)
        data = _edit_form_data(client, page)
        data["title"] = f"Draft of {page.title}"
        if isinstance(page, ModulePage):
            data.update(_lesson("The lesson, as edited."))
        response = _preview(client, _edit_preview_url(page), data)
        assert f"Draft of {page.title}" in response.text, type(page).__name__


@pytest.mark.django_db
def test_a_course_preview_is_neither_served_from_nor_written_to_the_cache(
    trainer, employee, client, courses
):
    """The live course page is cached for learners; a draft never leaks either way."""
    basics, chatbots = courses
    client.force_login(employee)
    assert client.get(chatbots.url).status_code == 200  # the live page, cached
    client.force_login(trainer)
    data = _edit_form_data(client, chatbots)
    data["title"] = "Chatbots, as drafted"
    assert (
        "Chatbots, as drafted"
        in _preview(client, _edit_preview_url(chatbots), data).text
    )
    client.force_login(employee)
    live = client.get(chatbots.url).text
    assert "Chatbots, as drafted" not in live
    assert "<h1>" + chatbots.title in live


@pytest.mark.django_db
def test_course_preview_shows_unsaved_prerequisites(trainer, client, courses):
    """A trainer adds a prerequisite, saves nothing, and the preview names it."""
    basics, chatbots = courses
    client.force_login(trainer)
    data = _edit_form_data(client, chatbots)
    data.setlist("prerequisites", [str(basics.pk)])
    data["summary"] = "Answering residents with a chatbot, safely."
    response = _preview(client, _edit_preview_url(chatbots), data)
    assert "Before you start:" in response.text
    assert "Digital basics" in response.text
    assert "Answering residents with a chatbot, safely." in response.text


@pytest.mark.django_db
def test_learning_path_preview_shows_an_unsaved_course(ld_admin, client, courses, path):
    """A course added to the path's inline list appears in the preview, in order."""
    basics, chatbots = courses
    client.force_login(ld_admin)
    data = _edit_form_data(client, path)
    n = int(data["path_courses-TOTAL_FORMS"])
    data["path_courses-TOTAL_FORMS"] = str(n + 1)
    data[f"path_courses-{n}-course"] = str(chatbots.pk)
    data[f"path_courses-{n}-ORDER"] = str(n + 1)
    data[f"path_courses-{n}-id"] = ""
    response = _preview(client, _edit_preview_url(path), data)
    text = response.text
    assert "Digital basics" in text and "Chatbots at the counter" in text
    assert text.index("Digital basics") < text.index("Chatbots at the counter")


@pytest.mark.django_db
def test_new_pages_preview_before_their_first_save(trainer, client, courses):
    """The add form's preview works for a course, a module and a path never saved."""
    basics, chatbots = courses
    client.force_login(trainer)
    catalogue = CourseIndexPage.objects.get()
    data = _add_form_data(client, CoursePage, catalogue)
    data.update(
        {"title": "Plain language", "slug": "plain-language", "summary": "Short words."}
    )
    data.setlist("prerequisites", [str(basics.pk)])
    text = _preview(client, _add_preview_url(CoursePage, catalogue), data).text
    assert "Plain language" in text and "Digital basics" in text

    data = _add_form_data(client, ModulePage, chatbots)
    data.update({"title": "Opening hours", "slug": "opening-hours"})
    data.update(_lesson("Tell the chatbot the hours."))
    text = _preview(client, _add_preview_url(ModulePage, chatbots), data).text
    assert "Opening hours" in text and "Tell the chatbot the hours." in text
    assert "Learners mark the module as complete here." in text

    data = _add_form_data(client, LearningPathPage, catalogue)
    data.update({"title": "Front desk programme", "slug": "front-desk"})
    data["path_courses-0-course"] = str(chatbots.pk)
    text = _preview(client, _add_preview_url(LearningPathPage, catalogue), data).text
    assert "Front desk programme" in text and "Chatbots at the counter" in text


@pytest.mark.django_db
def test_a_quiz_module_draft_previews_with_its_questions(trainer, client, courses):
    """View draft renders the latest revision, questions and all."""
    basics, chatbots = courses
    quiz = make_quiz_module(chatbots)
    draft = quiz.get_latest_revision_as_object()
    draft.title = "Check your chatbot knowledge"
    draft.save_revision(user=trainer)
    client.force_login(trainer)
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[quiz.pk]))
    assert response.status_code == 200
    assert "Check your chatbot knowledge" in response.text
    assert "Knowledge check" in response.text


@pytest.mark.django_db
def test_reviewer_previews_a_course_in_moderation(trainer, ld_admin, client, courses):
    """The dashboard's Preview link of a submitted draft with a new prerequisite."""
    basics, chatbots = courses
    draft = chatbots.get_latest_revision_as_object()
    draft.prerequisites = [basics]
    draft.summary = "Reviewed summary."
    revision = draft.save_revision(user=trainer)
    workflow = chatbots.get_workflow()
    state = workflow.start(chatbots, trainer)
    client.force_login(ld_admin)
    url = reverse(
        "wagtailadmin_pages:workflow_preview",
        args=[chatbots.pk, state.current_task_state.task_id],
    )
    response = client.get(url)
    assert response.status_code == 200
    assert "Reviewed summary." in response.text
    assert "Digital basics" in response.text
    # The same draft through "View draft" and the page history's revision preview.
    for url in [
        reverse("wagtailadmin_pages:view_draft", args=[chatbots.pk]),
        reverse("wagtailadmin_pages:revisions_view", args=[chatbots.pk, revision.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 200 and "Digital basics" in response.text, url
