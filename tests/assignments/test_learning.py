"""What a learner sees of training assigned to them: My learning, catalogue, course page."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from assignments.models import Assignment
from assignments.services import assignment_create, learner_exempt
from courses.services import module_complete
from tests.courses.factories import make_course, modules_of


def today():
    return timezone.localdate()


def assign(course, person, *, days: int, reason: str = "", actor=None):
    return assignment_create(
        actor=actor,
        course=course,
        target=Assignment.Target.EMPLOYEE,
        target_employee=person.employee,
        due_date=today() + timedelta(days=days),
        reason=reason,
    ).assignment


def iso(days: int) -> str:
    return (today() + timedelta(days=days)).isoformat()


@pytest.mark.django_db
def test_my_learning_lists_assignments_first_by_due_date_overdue_flagged(
    employee, client
):
    later = make_course(title="Later course")
    soon = make_course(title="Soon course")
    late = make_course(title="Late course")
    exempted = make_course(title="Exempted course")
    self_enrolled = make_course(title="Self-chosen course")
    assign(later, employee, days=60, reason="Required by the AODA")
    assign(soon, employee, days=10)
    assign(late, employee, days=-3)
    exempt_row = assign(exempted, employee, days=5).learners.get()
    learner_exempt(learner=exempt_row, actor=None, reason="Done elsewhere")
    module_complete(user=employee, module=modules_of(self_enrolled)[0])

    client.force_login(employee)
    page = client.get(reverse("training_site:my-learning")).text
    assigned = page.index("Assigned to you")
    assert assigned < page.index("In progress</h2>")
    # Overdue first, then by due date; exempt after the open work.
    order = [
        page.index(title, assigned)
        for title in ["Late course", "Soon course", "Later course", "Exempted course"]
    ]
    assert order == sorted(order)
    section = page[assigned : page.index("In progress</h2>")]
    assert "Self-chosen course" not in section
    assert "Overdue:</strong> was due" in section
    assert f'<time datetime="{iso(-3)}">' in section
    assert f'<time datetime="{iso(10)}">' in section
    assert "Due soon" in section
    assert "Required by the AODA" in section
    assert "You are exempt." in section and "Done elsewhere" in section
    assert later.url in section


@pytest.mark.django_db
def test_my_learning_has_no_assigned_section_without_assignments(employee, client):
    client.force_login(employee)
    page = client.get(reverse("training_site:my-learning")).text
    assert "Assigned to you" not in page


@pytest.mark.django_db
def test_catalogue_and_course_page_show_the_due_date(employee, peer, client):
    assigned = make_course(title="Assigned course")
    other = make_course(title="Free choice")
    assign(assigned, employee, days=20)
    client.force_login(employee)
    catalogue = client.get("/courses/").text
    assert catalogue.count("course-due") == 1
    card = catalogue[catalogue.index("Assigned course") :]
    card = card[: card.index("</article>")]
    assert f'Due <time datetime="{iso(20)}">' in card
    course_page = client.get(assigned.url).text
    assert f'Due <time datetime="{iso(20)}">' in course_page
    assert "course-due" not in client.get(other.url).text
    # Someone else's assignment is theirs alone.
    client.force_login(peer)
    assert "course-due" not in client.get("/courses/").text
    assert "course-due" not in client.get(assigned.url).text


@pytest.mark.django_db
def test_an_overdue_course_says_so_and_a_finished_one_shows_no_date(employee, client):
    course = make_course(title="Overdue course", modules=1)
    assign(course, employee, days=-1)
    client.force_login(employee)
    assert "Overdue:</strong> was due" in client.get(course.url).text
    module_complete(user=employee, module=modules_of(course)[0])
    assert "course-due" not in client.get(course.url).text
    assert "course-due" not in client.get("/courses/").text


@pytest.mark.django_db
@pytest.mark.parametrize("courses", [2, 10])
def test_my_learning_queries_do_not_grow_with_assignments(
    courses, employee, client, django_assert_max_num_queries
):
    for n in range(courses):
        assign(make_course(modules=1), employee, days=n - 1)
    client.force_login(employee)
    client.get(reverse("training_site:my-learning"))
    with django_assert_max_num_queries(12):
        assert client.get(reverse("training_site:my-learning")).status_code == 200


def _section(page: str, heading_id: str) -> str:
    """The HTML of one My learning section, from its heading to the next section."""
    start = page.index(f'id="{heading_id}"')
    end = page.find("<section", start)
    return page[start : end if end != -1 else len(page)]


@pytest.mark.django_db
def test_an_assigned_course_never_opened_is_not_started_with_start(employee, client):
    course = make_course(title="Assigned course", modules=2)
    first = modules_of(course)[0]
    assign(course, employee, days=30)
    client.force_login(employee)

    page = client.get(reverse("training_site:my-learning")).text
    not_started = _section(page, "not-started-heading")
    assert "Assigned course" in not_started
    assert "Not started" in not_started
    assert f'href="{first.url}">Start<' in not_started
    in_progress = _section(page, "in-progress-heading")
    assert "Assigned course" not in in_progress
    assert "Resume" not in page and "0%" not in page

    card = client.get("/courses/").text
    card = card[card.index("Assigned course") :]
    card = card[: card.index("</article>")]
    assert "Not started" in card and "In progress" not in card
    course_page = client.get(course.url).text
    actions = course_page[course_page.index("course-actions") :]
    assert "Not started" in actions and "In progress" not in actions
    assert f'href="{first.url}">Start<' in actions
    assert ">Enrol<" not in actions and "Continue" not in actions

    # Opening the first module starts it: now in progress, with Resume.
    assert client.get(first.url).status_code == 200
    page = client.get(reverse("training_site:my-learning")).text
    assert 'id="not-started-heading"' not in page
    in_progress = _section(page, "in-progress-heading")
    assert "Assigned course" in in_progress and "Resume" in in_progress
    assert "Continue" in client.get(course.url).text
