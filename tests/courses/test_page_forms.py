"""The page editor's form: a slug left blank is made from the title."""

from django.urls import reverse

import pytest

from courses.models import CourseIndexPage, CoursePage
from tests.courses.factories import course_form_data, make_course


def _course_form(title: str, slug: str = "") -> dict:
    return course_form_data(title=title, slug=slug)


@pytest.fixture
def author(client_for, trainer):
    return client_for(trainer)


def _add(author, form):
    catalogue = CourseIndexPage.objects.get()
    url = reverse(
        "wagtailadmin_pages:add", args=["courses", "coursepage", catalogue.pk]
    )
    return author.post(url, form)


@pytest.mark.django_db
def test_a_draft_saved_before_the_slug_was_filled_gets_one_from_the_title(author):
    make_course(title="Something else")  # makes the catalogue
    response = _add(author, _course_form("Plain language writing"))
    assert response.status_code == 302, (
        response.context["form"].errors if response.context else ""
    )
    course = CoursePage.objects.get(title="Plain language writing")
    assert course.slug == "plain-language-writing"
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[course.pk])


@pytest.mark.django_db
def test_a_blank_slug_is_made_unique_among_its_siblings(author):
    make_course(title="Something else")
    assert _add(author, _course_form("Plain language writing")).status_code == 302
    response = _add(author, _course_form("Plain language writing"))
    assert response.status_code == 302
    slugs = set(
        CoursePage.objects.filter(title="Plain language writing").values_list(
            "slug", flat=True
        )
    )
    assert slugs == {"plain-language-writing", "plain-language-writing-2"}


@pytest.mark.django_db
def test_a_title_with_nothing_to_make_a_slug_from_asks_for_one(author):
    make_course(title="Something else")
    response = _add(author, _course_form("!!!"))
    assert response.status_code == 200
    assert "no letters or digits to make a slug" in response.text
    assert not CoursePage.objects.filter(title="!!!").exists()


@pytest.mark.django_db
def test_a_slug_typed_by_the_trainer_is_kept(author):
    make_course(title="Something else")
    response = _add(author, _course_form("Plain language writing", "plain-words"))
    assert response.status_code == 302
    assert CoursePage.objects.get(title="Plain language writing").slug == "plain-words"


@pytest.mark.django_db
def test_a_published_page_keeps_its_address_when_its_slug_is_cleared(author):
    course = make_course(title="Plain language writing")
    course.save_revision().publish()
    url = reverse("wagtailadmin_pages:edit", args=[course.pk])
    response = author.post(url, course_form_data(title="Plainer language"))
    assert response.status_code == 200
    assert "This field is required." in response.text
    course.refresh_from_db()
    assert course.slug.startswith("course-")
