"""The home page: a welcome for visitors, a learner's next steps once signed in."""

import re
from datetime import timedelta

from django.utils import timezone

import pytest

from courses.services import module_complete
from tests.courses.factories import make_course, modules_of
from tests.training_site.builders import assign, in_progress

WELCOME = "Learn at your pace"


def section(html: str, heading: str) -> str:
    """The <section> whose heading is `heading`, or "" if there is none."""
    match = re.search(
        rf"<section[^>]*>\s*<h2[^>]*>{re.escape(heading)}</h2>(.*?)</section>",
        html,
        re.S,
    )
    return match.group(1) if match else ""


@pytest.mark.django_db
def test_visitors_get_the_welcome_and_a_way_to_sign_in(client):
    html = client.get("/").text
    assert WELCOME in html
    assert "Sign in with your city account" in html
    assert "Continue where you left off" not in html


@pytest.mark.django_db
def test_a_signed_in_learner_sees_their_next_step_not_the_welcome(employee, client):
    long_ago = timezone.now() - timedelta(days=30)
    older = make_course(title="Older course", modules=2)
    in_progress(employee, older, done=1, at=long_ago)
    recent = make_course(title="Data basics", modules=4)
    resume = in_progress(employee, recent, done=2)
    late = make_course(title="Privacy refresher", modules=1)
    assign(late, employee, days=-3)
    soon = make_course(title="Accessibility (AODA)", modules=1)
    assign(soon, employee, days=5)
    later = make_course(title="Records management", modules=1)
    assign(later, employee, days=60)
    client.force_login(employee)

    html = client.get("/").text

    assert WELCOME not in html
    assert re.search(r"<h1[^>]*>\s*Welcome back, Alice\s*</h1>", html)
    # The most recently active course, with where it resumes and how far along.
    resume_block = section(html, "Continue where you left off")
    assert "Data basics" in resume_block and "Older course" not in resume_block
    assert f'href="{resume.url}"' in resume_block
    assert resume.title in resume_block
    assert 'aria-valuenow="50"' in resume_block
    overdue = section(html, "Overdue")
    assert "Privacy refresher" in overdue
    due = (timezone.localdate() - timedelta(days=3)).isoformat()
    assert f'<time datetime="{due}">' in overdue
    due_soon = section(html, "Due soon")
    assert "Accessibility (AODA)" in due_soon
    assert "Privacy refresher" not in due_soon
    assert "Records management" not in html  # not due for two months
    assert 'href="/my/learning/"' in html  # everything else is one click away


@pytest.mark.django_db
def test_a_learner_with_nothing_open_is_pointed_at_the_catalogue(employee, client):
    finished = make_course(title="Finished course", modules=1)
    module_complete(user=employee, module=modules_of(finished)[0])
    client.force_login(employee)

    html = client.get("/").text

    assert "Continue where you left off" not in html
    assert "Finished course" not in html
    assert "Nothing is waiting for you" in html
    assert 'href="/courses/"' in html


@pytest.mark.django_db
def test_an_assigned_course_never_opened_is_not_where_to_continue(employee, client):
    course = make_course(title="Not opened yet", modules=2)
    assign(course, employee, days=5)
    client.force_login(employee)

    html = client.get("/").text

    assert "Continue where you left off" not in html
    assert "Not opened yet" in section(html, "Due soon")


@pytest.mark.django_db
@pytest.mark.parametrize("courses", [2, 10])
def test_home_page_queries_do_not_grow_with_a_learners_courses(
    courses, employee, client, django_assert_max_num_queries
):
    for n in range(courses):
        course = make_course(modules=2)
        in_progress(employee, course, done=1)
        assign(course, employee, days=n - courses // 2)
    client.force_login(employee)
    client.get("/")
    with django_assert_max_num_queries(14):  # 9 with nothing to show
        assert client.get("/").status_code == 200
