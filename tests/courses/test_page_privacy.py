"""Wagtail page privacy holds on the fast course and module pages too.

Course and module pages are served without Wagtail's routing (courses.views), so
a trainer's *Privacy* setting on a course (or the catalogue) must still decide
who reads it: a restricted page goes through Wagtail, which enforces it.
"""

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

import pytest

from tests.courses.factories import make_course, modules_of


@pytest.fixture
def restricted_course(db):
    course = make_course(title="Budget committee briefing", modules=1)
    group = Group.objects.create(name="Budget committee")
    restriction = PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    return course, group


def _urls(course):
    return [course.url, modules_of(course)[0].url]


@pytest.mark.django_db
def test_a_course_restricted_to_a_group_is_not_shown_to_others(
    restricted_course, client, employee
):
    course, _group = restricted_course
    client.force_login(employee)
    for url in _urls(course):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "Budget committee briefing" not in response.content.decode()


@pytest.mark.django_db
def test_members_of_the_group_read_the_restricted_course(
    restricted_course, client, employee
):
    course, group = restricted_course
    employee.groups.add(group)
    client.force_login(employee)
    for url in _urls(course):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Budget committee briefing" in response.content.decode()


@pytest.mark.django_db
def test_a_restriction_added_after_the_page_was_cached_applies_at_once(
    client, employee
):
    course = make_course(title="Budget committee briefing", modules=1)
    client.force_login(employee)
    for url in _urls(course):  # served and cached while open to all staff
        assert client.get(url).status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Budget committee"))
    for url in _urls(course):
        assert client.get(url).status_code == 302, url
    restriction.delete()
    for url in _urls(course):
        assert client.get(url).status_code == 200, url
