"""One module page, one way to render it: the fast URL, Wagtail's routing (page
privacy) and the admin's preview all end in `courses.views._module_page`, so what
one of them does for the learner, the others do too (issue 14)."""

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

import pytest

from courses.models import Enrolment
from courses.services import enrolment_create
from tests.courses.factories import make_course, modules_of

_FORM = "application/x-www-form-urlencoded"


@pytest.mark.django_db
def test_a_module_under_page_privacy_is_where_the_course_resumes(client, employee):
    """Served by Wagtail (page privacy), the visit is remembered as on the fast URL."""
    course = make_course(title="Budget committee briefing", modules=2)
    group = Group.objects.create(name="Budget committee")
    restriction = PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    employee.groups.add(group)
    enrolment_create(user=employee, course=course)
    second = modules_of(course)[1]
    client.force_login(employee)
    assert client.get(second.url).status_code == 200
    enrolment = Enrolment.objects.get(user=employee, course=course)
    assert enrolment.last_module_id == second.pk
    assert enrolment.started_at is not None


@pytest.mark.django_db
def test_a_module_preview_shows_the_lesson_as_edited_not_as_published(client, ld_admin):
    course = make_course(title="Chatbots at the counter", modules=1)
    module = modules_of(course)[0]
    client.force_login(ld_admin)
    assert client.get(module.url).status_code == 200  # the published lesson, cached
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[module.pk])).text
    data = querydict_from_html(edit, form_id="page-edit-form")
    data.update(
        nested_form_data(
            {
                "body": streamfield(
                    [("paragraph", rich_text("<p>The lesson, as edited.</p>"))]
                ),
                "questions": streamfield([]),
            }
        )
    )
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[module.pk])
    client.post(url, data.urlencode(), content_type=_FORM)
    preview = client.get(url)
    assert preview.status_code == 200
    assert "The lesson, as edited." in preview.text
    # The learners' page still shows the published lesson.
    assert "The lesson, as edited." not in client.get(module.url).text
