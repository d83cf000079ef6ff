"""Catalogue search finds courses by their own text and by their lessons', best first.

The search runs on Wagtail's database backend: SQLite's FTS5 table by default,
PostgreSQL's full-text search in production; both are tested (with-postgres.sh).
"""

import re

from django.urls import reverse

import pytest

from tests.courses.factories import (
    course_form_data,
    make_course,
    make_module,
    modules_of,
    paragraph,
)


def _titles(html: str) -> list[str]:
    """The course cards' titles, in the order the catalogue shows them."""
    return re.findall(r'<h3 class="h5 card-title"><a [^>]*>([^<]+)</a>', html)


def _search(client, query: str) -> str:
    response = client.get("/courses/", {"q": query})
    assert response.status_code == 200
    return response.text


@pytest.fixture
def catalogue():
    """Three courses: one about chatbots, one teaching them in a lesson, one not."""
    about = make_course(
        title="Chatbots at the counter",
        summary="Answering residents with a chatbot, and knowing when not to.",
        modules=1,
    )
    teaches = make_course(
        title="Generative AI at work", summary="What AI tools do well.", modules=0
    )
    make_module(teaches, title="What AI is")
    lesson = make_module(teaches, title="Talking to machines")
    lesson.body = paragraph(
        "Generative tools include chatbots that write text. Never paste a "
        "resident's details into a public chatbot."
    )
    lesson.save_revision().publish()
    unrelated = make_course(title="Snow clearing routes", summary="Plows and salt.")
    return about, teaches, unrelated


@pytest.mark.django_db
def test_search_finds_a_course_by_its_lesson_text(employee, client, catalogue):
    """`?q=chatbot` lists the course whose lesson teaches chatbots, with the lesson."""
    client.force_login(employee)
    html = _search(client, "chatbot")
    assert "Generative AI at work" in _titles(html)
    assert "Snow clearing routes" not in _titles(html)
    # The card says where the words were found.
    assert "Talking to machines" in html
    # Words the lesson has only in its text, not its title, find it too.
    assert _titles(_search(client, "paste")) == ["Generative AI at work"]


@pytest.mark.django_db
def test_search_ranks_the_course_about_it_first(employee, client, catalogue):
    """A course whose title and summary are about the words comes before a passing mention."""
    client.force_login(employee)
    assert _titles(_search(client, "chatbot")) == [
        "Chatbots at the counter",
        "Generative AI at work",
    ]


@pytest.mark.django_db
def test_search_sees_lesson_text_once_published_not_as_a_draft(employee, client):
    """The index follows publishing: a draft's words are not found, a published lesson's are."""
    course = make_course(title="Permits online", modules=1)
    module = modules_of(course)[0]
    draft = module.get_latest_revision_as_object()
    draft.body = paragraph("Residents upload site plans as PDF files.")
    revision = draft.save_revision()
    client.force_login(employee)
    assert _titles(_search(client, "site plans")) == []
    revision.publish()
    assert _titles(_search(client, "site plans")) == ["Permits online"]
    # Unpublishing the module takes its words out of the catalogue again.
    module.refresh_from_db()
    module.unpublish()
    assert _titles(_search(client, "site plans")) == []


@pytest.mark.django_db
def test_search_keeps_other_filters_and_unpublished_courses_out(
    employee, client, catalogue
):
    """Level filters still apply, and a draft course's lessons never show."""
    about, teaches, unrelated = catalogue
    hidden = make_course(title="Chatbot pilot (draft)", live=False, modules=0)
    make_module(hidden, title="Chatbot pilot lesson")
    client.force_login(employee)
    assert "Chatbot pilot (draft)" not in _titles(_search(client, "chatbot"))
    teaches.level = "advanced"
    teaches.save_revision().publish()
    response = client.get("/courses/", {"q": "chatbot", "level": "advanced"})
    assert _titles(response.text) == ["Generative AI at work"]


@pytest.mark.django_db
@pytest.mark.parametrize("courses", [2, 10])
def test_search_queries_do_not_grow(
    courses, employee, client, django_assert_max_num_queries
):
    for n in range(courses):
        course = make_course(title=f"Course {n}", modules=0)
        for m in range(3):
            make_module(course, title=f"Chatbot lesson {m}")
    client.force_login(employee)
    client.get("/courses/", {"q": "chatbot"})  # warm the site-root cache
    with django_assert_max_num_queries(18):
        html = client.get("/courses/", {"q": "chatbot"}).text
    assert len(_titles(html)) == courses


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ['"chatbot', "chat*", "(", "NOT chatbot", "-chatbot", "chatbot:", "é"]
)
def test_search_syntax_in_a_query_is_not_an_error(employee, client, catalogue, query):
    """Quotes, stars, brackets and operators are words to look for, not a 500."""
    client.force_login(employee)
    titles = _titles(_search(client, query))
    assert "Snow clearing routes" not in titles
    if "chatbot" in query:
        assert "Chatbots at the counter" in titles


@pytest.mark.django_db
def test_a_topic_added_in_the_editor_is_found_once_published(
    employee, ld_admin, client, client_for, django_capture_on_commit_callbacks
):
    """Tags are saved after the page, so the page is indexed again once they are."""
    course = make_course(title="Permits online", summary="Applying from home.")
    editor = client_for(ld_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(
            reverse("wagtailadmin_pages:edit", args=[course.pk]),
            course_form_data(
                title=course.title,
                slug=course.slug,
                summary=course.summary,
                topics="zoning",
                **{"action-publish": "action-publish"},
            ),
        )
    assert response.status_code == 302
    client.force_login(employee)
    assert _titles(_search(client, "zoning")) == ["Permits online"]
