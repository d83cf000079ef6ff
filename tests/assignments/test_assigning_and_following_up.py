"""Assigning training on the site: creating, following up, what is logged, and the cost.

Personas (tests/conftest.py): Bob manages Team A (Alice); Dana manages Team B
(Charlie); Tess is a trainer; Lee is an L&D admin.
"""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from assignments.models import AssignedLearner, Assignment, AssignmentEvent
from assignments.services import assignment_create, assignment_expand
from courses.models import Enrolment
from tests.assignments.helpers import form_data, messages_of, team_member, today
from tests.courses.factories import make_course

Target = Assignment.Target
Status = AssignedLearner.Status


@pytest.fixture
def course(db):
    # Not the folder's course: these tests read its title in the messages.
    return make_course(title="Working with open data", modules=2)


# --- creating ----------------------------------------------------------------------


@pytest.mark.django_db
def test_manager_assigns_everyone_below_them(course, personas, org, client_for):
    team_member(org, personas["manager"], 1)
    client = client_for(personas["manager"])
    response = client.post(
        reverse("assignments:assign"), form_data(course, reason="New open data law")
    )
    assignment = Assignment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("assignments:detail", args=[assignment.pk])
    assert messages_of(response) == ["Assigned Working with open data to 2 people"]
    assert assignment.target_employee == personas["manager"].employee
    assert assignment.created_by == personas["manager"]
    assert set(assignment.learners.values_list("user__username", flat=True)) == {
        "alice",
        "crew1",
    }
    assert (
        Enrolment.objects.filter(
            course=course, source=Enrolment.Source.ASSIGNED
        ).count()
        == 2
    )
    page = client.get(response["Location"]).text
    assert "Alice Arsenault" in page and "Crew M001" in page
    assert "New open data law" in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "overrides,error",
    [
        ({"due_date": ""}, "Give a due date."),
        ({"due_date": "2001-01-01"}, "The due date cannot be in the past."),
        ({"due_date": "31/31/2031"}, "Enter a valid date."),
        (
            {"due_rule": Assignment.DueRule.AFTER_HIRE, "due_date": ""},
            "Give the number of days.",
        ),
        ({"item": ""}, "This field is required."),
        ({"item": "course:999999"}, "Select a valid choice."),
        ({"target": Target.EMPLOYEE}, "Choose a person."),
        ({"target": Target.ROLE_PROFILE}, "Select a valid choice."),
    ],
)
def test_bad_input_reshows_the_form_with_its_values(
    overrides, error, course, personas, client_for
):
    client = client_for(personas["manager"])
    data = form_data(course, reason="Keep me", **overrides)
    response = client.post(reverse("assignments:assign"), data)
    assert response.status_code == 200
    page = response.text
    assert error in page
    assert "Nothing was assigned" in page
    assert 'value="Keep me"' in page
    if data["item"] == f"course:{course.pk}":
        assert f'<option value="course:{course.pk}" selected>' in page
    assert not Assignment.objects.exists()


@pytest.mark.django_db
def test_draft_courses_are_not_offered_or_accepted(personas, client_for):
    draft = make_course(title="Unpublished draft", live=False)
    client = client_for(personas["manager"])
    assert "Unpublished draft" not in client.get(reverse("assignments:assign")).text
    response = client.post(reverse("assignments:assign"), form_data(draft))
    assert response.status_code == 200
    assert not Assignment.objects.exists()


@pytest.mark.django_db
def test_a_double_submit_assigns_once(course, personas, client_for):
    client = client_for(personas["manager"])
    first = client.post(reverse("assignments:assign"), form_data(course))
    second = client.post(reverse("assignments:assign"), form_data(course))
    assignment = Assignment.objects.get()
    assert first["Location"] == second["Location"]
    assert messages_of(second)[-1:] == [
        "You assigned Working with open data to the same people a moment ago, "
        "so nothing new was assigned."
    ]
    assert AssignedLearner.objects.count() == 1
    # A minute later, or with another due date, it is a new assignment.
    other = form_data(course, due_date=(today() + timedelta(days=60)).isoformat())
    client.post(reverse("assignments:assign"), other)
    Assignment.objects.filter(pk=assignment.pk).update(
        created_at=timezone.now() - timedelta(minutes=2)
    )
    client.post(reverse("assignments:assign"), form_data(course))
    assert Assignment.objects.count() == 3


@pytest.mark.django_db
def test_assigning_to_an_empty_group_says_so(course, personas, org, client_for):
    client = client_for(personas["ld_admin"])
    empty = org["division"].add_child(code="EMPTY", name="Empty unit")
    data = form_data(course, target=Target.ORG_UNIT, target_unit=empty.pk)
    response = client.post(reverse("assignments:assign"), data)
    assert response["Location"] == reverse("assignments:list")
    assert "to nobody yet" in messages_of(response)[0]


# --- following up: list, detail, extend, exempt ----------------------------------


@pytest.mark.django_db
def test_list_shows_counts_per_status_and_links_to_the_detail(
    team_assignment, alice_row, personas, client_for
):
    AssignedLearner.objects.filter(pk=alice_row.pk).update(
        due_on=today() - timedelta(days=1)
    )
    page = client_for(personas["manager"]).get(reverse("assignments:list")).text
    assert reverse("assignments:detail", args=[team_assignment.pk]) in page
    assert "Everyone below Bob Bouchard" in page
    assert "<caption" in page and 'scope="col"' in page
    assert '<span aria-hidden="true">⚠ </span>1' in page  # one overdue
    # Dana sees no assignment of Bob's.
    page = client_for(personas["other_manager"]).get(reverse("assignments:list"))
    assert "Working with open data" not in page.text


@pytest.mark.django_db
def test_detail_filters_by_status(team_assignment, course, personas, org, client_for):
    crew = team_member(org, personas["manager"], 1)
    assignment_expand(assignment=team_assignment)
    AssignedLearner.objects.filter(user=crew.user).update(
        due_on=today() - timedelta(days=2)
    )
    client = client_for(personas["manager"])
    url = reverse("assignments:detail", args=[team_assignment.pk])
    everyone = client.get(url).text
    assert "Alice Arsenault" in everyone and "Crew M001" in everyone
    overdue = client.get(url, {"status": Status.OVERDUE}).text
    assert "Crew M001" in overdue and "Alice Arsenault" not in overdue
    assert "Overdue" in overdue
    assert "Alice Arsenault" in client.get(url, {"status": "bogus"}).text


def test_detail_pages_keep_the_status_filter(
    team_assignment, personas, org, client_for, monkeypatch
):
    monkeypatch.setattr("assignments.views.LEARNERS_PER_PAGE", 1)
    for n in (1, 2):
        team_member(org, personas["manager"], n)
    assignment_expand(assignment=team_assignment)
    client = client_for(personas["manager"])
    url = reverse("assignments:detail", args=[team_assignment.pk])
    first = client.get(url, {"status": Status.NOT_STARTED}).text
    assert "Page 1 of 3" in first
    assert f'href="?status={Status.NOT_STARTED}&amp;page=2"' in first
    last = client.get(url, {"status": Status.NOT_STARTED, "page": 3}).text
    assert f'href="?status={Status.NOT_STARTED}&amp;page=2"' in last
    assert "page=4" not in last


@pytest.mark.django_db
def test_extension_is_logged_and_shown(alice_row, personas, client_for):
    client = client_for(personas["manager"])
    url = reverse("assignments:learner-extend", args=[alice_row.pk])
    new_due = alice_row.due_on + timedelta(days=14)
    response = client.post(
        url, {"due_on": new_due.isoformat(), "reason": "On leave in March"}
    )
    detail = reverse("assignments:detail", args=[alice_row.assignment_id])
    assert response["Location"] == f"{detail}#learner-{alice_row.pk}"
    alice_row.refresh_from_db()
    assert alice_row.due_on == new_due
    event = AssignmentEvent.objects.get(learner=alice_row)
    assert (event.kind, event.actor, event.reason) == (
        AssignmentEvent.Kind.EXTENDED,
        personas["manager"],
        "On leave in March",
    )
    assert (event.new_due_on - event.old_due_on).days == 14
    page = client.get(detail).text
    assert "Due date extended" in page
    assert "On leave in March" in page
    assert "by Bob Bouchard" in page
    assert f'datetime="{new_due.isoformat()}"' in page
    # The form page shows the history too.
    assert "On leave in March" in client.get(url).text


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data,error",
    [
        ({"due_on": "2001-01-01", "reason": "x"}, "must be after the current one"),
        ({"due_on": "", "reason": "x"}, "This field is required."),
        ({"due_on": "2099-01-01", "reason": ""}, "This field is required."),
    ],
)
def test_a_bad_extension_reshows_the_form(data, error, alice_row, personas, client_for):
    before = alice_row.due_on
    response = client_for(personas["manager"]).post(
        reverse("assignments:learner-extend", args=[alice_row.pk]), data
    )
    assert response.status_code == 200
    assert error in response.text
    alice_row.refresh_from_db()
    assert alice_row.due_on == before
    assert not AssignmentEvent.objects.exists()


@pytest.mark.django_db
def test_exemption_is_logged_shown_and_can_be_lifted(alice_row, personas, client_for):
    client = client_for(personas["ld_admin"])
    url = reverse("assignments:learner-exempt", args=[alice_row.pk])
    assert "This field is required." in client.post(url, {"reason": ""}).text
    response = client.post(url, {"reason": "Completed it at the province"})
    assert response.status_code == 302
    assert messages_of(response) == [
        "Alice Arsenault is exempt from Working with open data."
    ]
    alice_row.refresh_from_db()
    assert alice_row.exempted_at is not None
    page = client.get(
        reverse("assignments:detail", args=[alice_row.assignment_id])
    ).text
    assert "Exempt</span>" in page
    assert "Completed it at the province" in page
    assert "Lift exemption" in page
    lift = reverse("assignments:learner-exemption-lift", args=[alice_row.pk])
    assert client.post(lift).status_code == 302
    alice_row.refresh_from_db()
    assert alice_row.exempted_at is None
    assert list(
        AssignmentEvent.objects.filter(learner=alice_row).values_list("kind", flat=True)
    ) == [AssignmentEvent.Kind.EXEMPTED, AssignmentEvent.Kind.EXEMPTION_LIFTED]


@pytest.mark.django_db
def test_manager_cannot_extend_or_exempt_outside_scope(course, personas, client_for):
    # Lee assigns Charlie; Bob may not touch Charlie's row, nor Lee's own.
    lee = personas["ld_admin"]
    assignment_create(
        actor=lee,
        course=course,
        target=Target.EMPLOYEE,
        target_employee=personas["peer"].employee,
        due_date=today() + timedelta(days=5),
    )
    charlie_row = AssignedLearner.objects.get(user=personas["peer"])
    client = client_for(personas["manager"])
    for name in ["assignments:learner-extend", "assignments:learner-exempt"]:
        url = reverse(name, args=[charlie_row.pk])
        assert client.get(url).status_code == 404
        assert (
            client.post(url, {"reason": "x", "due_on": "2099-01-01"}).status_code == 404
        )
    assert not AssignmentEvent.objects.exists()


# --- cost ----------------------------------------------------------------------------


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_list_and_detail_queries_do_not_grow_with_the_team(
    course, team_assignment, personas, org, client_for
):
    """3 people, then 30 (with more assignments and history): the same queries."""
    bob = personas["manager"]
    client = client_for(bob)
    list_url = reverse("assignments:list")
    detail_url = reverse("assignments:detail", args=[team_assignment.pk])
    for n in range(2):
        team_member(org, bob, n)
    assignment_expand(assignment=team_assignment)
    client.get(list_url)  # warm the session's navigation flags
    small = (_queries(client, list_url), _queries(client, detail_url))

    for n in range(2, 29):
        team_member(org, bob, n)
    assignment_expand(assignment=team_assignment)
    for due in (40, 50):
        assignment_create(
            actor=bob,
            course=make_course(modules=1),
            target=Target.TEAM,
            target_employee=bob.employee,
            due_date=today() + timedelta(days=due),
        )
    for row in AssignedLearner.objects.filter(assignment=team_assignment)[:10]:
        AssignmentEvent.objects.create(
            learner=row, kind=AssignmentEvent.Kind.EXTENDED, actor=bob, reason="r"
        )
    assert team_assignment.learners.count() == 30
    large = (_queries(client, list_url), _queries(client, detail_url))
    assert small == large
    assert max(large) <= 12
