"""Mandatory training in the Wagtail admin: L&D admins assign to anyone, nobody else."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

import pytest

from assignments.models import AssignedLearner, Assignment
from assignments.services import assignment_create
from courses.models import Enrolment, LearningPathPage
from tests.courses.factories import make_course
from tests.personas import LOGIN, NO_ADMIN, OK, REFUSED, every_persona

ADMIN_ONLY = every_persona(NO_ADMIN, anonymous=LOGIN, trainer=REFUSED, ld_admin=OK)
NOBODY = every_persona(NO_ADMIN, anonymous=LOGIN, trainer=REFUSED, ld_admin=REFUSED)


@pytest.fixture
def course(db):
    return make_course(title="Accessibility for public service (AODA)", modules=1)


@pytest.fixture
def assignment(personas, course):
    return assignment_create(
        actor=personas["ld_admin"],
        course=course,
        target=Assignment.Target.EMPLOYEE,
        target_employee=personas["peer"].employee,
        due_date=timezone.localdate() + timedelta(days=30),
        reason="Required by the AODA",
    ).assignment


def _not_charlie(responses, expected):
    """A refusal shows nothing of the assignment (it is Charlie's)."""
    for persona, response in responses.items():
        if expected[persona] == REFUSED:
            assert "Charlie" not in response.content.decode(), persona


def test_every_assignment_view_is_for_ld_admins_only(persona_matrix, assignment):
    urls = {
        "list": (reverse("assignments_assignment:index"), ADMIN_ONLY),
        "list results": (reverse("assignments_assignment:index_results"), ADMIN_ONLY),
        "new": (reverse("assignments_assignment:add"), ADMIN_ONLY),
        "edit": (
            reverse("assignments_assignment:edit", args=[assignment.pk]),
            ADMIN_ONLY,
        ),
        "inspect": (
            reverse("assignments_assignment:inspect", args=[assignment.pk]),
            ADMIN_ONLY,
        ),
        "history": (
            reverse("assignments_assignment:history", args=[assignment.pk]),
            ADMIN_ONLY,
        ),
        # Assignments are deactivated, never deleted: their history stays.
        "delete": (
            reverse("assignments_assignment:delete", args=[assignment.pk]),
            NOBODY,
        ),
    }
    for label, (url, expectations) in urls.items():
        _not_charlie(persona_matrix(url, expectations, label=label), expectations)


def test_posting_is_refused_to_everyone_but_ld_admins(personas, persona_matrix, course):
    team_a = personas["employee"].employee.org_unit
    data = {
        "course": course.pk,
        "target": "org_unit",
        "target_unit": team_a.pk,
        "due_rule": "fixed",
        "due_date": (timezone.localdate() + timedelta(days=30)).isoformat(),
    }
    refused = {p: v for p, v in ADMIN_ONLY.items() if p != "ld_admin"}
    url = reverse("assignments_assignment:add")
    _not_charlie(persona_matrix(url, refused, method="post", data=data), refused)
    assert not Assignment.objects.exists()


def test_the_menu_item_shows_for_ld_admins_only(personas, client_for):
    assert "Mandatory training" in client_for(personas["ld_admin"]).get("/admin/").text
    assert (
        "Mandatory training" not in client_for(personas["trainer"]).get("/admin/").text
    )


def test_ld_admin_assigns_to_an_org_unit_and_its_people_are_enrolled(
    personas, client_for, course
):
    team_a = personas["employee"].employee.org_unit
    due = timezone.localdate() + timedelta(days=30)

    response = client_for(personas["ld_admin"]).post(
        reverse("assignments_assignment:add"),
        {
            "course": course.pk,
            "target": "org_unit",
            "target_unit": team_a.pk,
            "due_rule": "fixed",
            "due_date": due.isoformat(),
            "reason": "Required by the AODA",
        },
        follow=True,
    )

    assignment = Assignment.objects.get()
    assert response.redirect_chain[-1][0] == reverse(
        "assignments_assignment:inspect", args=[assignment.pk]
    )
    assert "Assigned “Accessibility for public service (AODA)” to 2 people." in (
        response.text
    )
    assert (assignment.created_by, assignment.reason) == (
        personas["ld_admin"],
        "Required by the AODA",
    )
    people = {personas["employee"], personas["manager"]}  # Alice and Bob
    assert {
        u.user for u in AssignedLearner.objects.filter(assignment=assignment)
    } == people
    assert {e.user for e in Enrolment.objects.filter(course=course)} == people
    assert all(
        row.due_on == due
        for row in AssignedLearner.objects.filter(assignment=assignment)
    )


def test_ld_admin_sets_the_newcomer_window_or_keeps_the_default(
    personas, client_for, course
):
    admin = client_for(personas["ld_admin"])
    assert (
        'name="newcomer_days"' in admin.get(reverse("assignments_assignment:add")).text
    )
    due = (timezone.localdate() + timedelta(days=30)).isoformat()
    fields = {"course": course.pk, "target": "everyone", "due_rule": "fixed"}

    for days, expected in (("45", 45), ("", 30)):
        response = admin.post(
            reverse("assignments_assignment:add"),
            {**fields, "due_date": due, "newcomer_days": days},
        )
        assert response.status_code == 302, days
        assignment = Assignment.objects.latest("pk")
        assert assignment.newcomer_days == expected
        inspect = admin.get(
            reverse("assignments_assignment:inspect", args=[assignment.pk])
        )
        shown = " ".join(inspect.text.split())
        assert f"<dt>Days for newcomers</dt> <dd> {expected} </dd>" in shown


def test_after_assignment_days_rule(personas, client_for, course):
    response = client_for(personas["ld_admin"]).post(
        reverse("assignments_assignment:add"),
        {
            "course": course.pk,
            "target": "employee",
            "target_employee": personas["peer"].employee.pk,
            "due_rule": "after_assignment",
            "due_days": "10",
        },
    )
    assert response.status_code == 302
    row = AssignedLearner.objects.get()
    assert row.user == personas["peer"]
    assert row.due_on == timezone.localdate() + timedelta(days=10)


def test_assigning_to_all_staff_needs_no_target_field(personas, client_for, course):
    response = client_for(personas["ld_admin"]).post(
        reverse("assignments_assignment:add"),
        {
            "course": course.pk,
            "target": "everyone",
            "due_rule": "after_hire",
            "due_days": "90",
        },
    )
    assert response.status_code == 302
    everyone = {u for u in personas.values() if u is not None}
    assert {row.user for row in AssignedLearner.objects.all()} == everyone


@pytest.mark.parametrize(
    ("data", "messages"),
    [
        (
            {"target": "org_unit", "due_rule": "fixed"},
            [
                "Choose a course or a learning path.",
                "Choose the org unit.",
                "Give the due date.",
            ],
        ),
        (
            {"both": True, "target": "employee", "due_rule": "after_hire"},
            [
                "Choose a course or a learning path, not both.",
                "Choose the person.",
                "Give the number of days.",
            ],
        ),
        (
            {"course": True, "target": "team", "due_rule": "fixed", "past": True},
            [
                "Choose the manager.",
                "The due date is in the past: everyone would be overdue at once.",
            ],
        ),
        (
            {"draft": True, "target": "role_profile", "due_rule": "fixed"},
            [
                "That page is not published, so nobody could take it.",
                "Choose the role profile.",
            ],
        ),
    ],
)
def test_bad_input_shows_each_error_and_saves_nothing(
    personas, client_for, course, data, messages
):
    post = {"target": data["target"], "due_rule": data["due_rule"]}
    if data.get("course") or data.get("both"):
        post["course"] = course.pk
    if data.get("both"):
        path = LearningPathPage(title="New staff", slug="new-staff")
        course.get_parent().add_child(instance=path)
        post["learning_path"] = path.pk
    if data.get("draft"):
        post["course"] = make_course(title="Unpublished", live=False).pk
    if data.get("past"):
        post["due_date"] = (timezone.localdate() - timedelta(days=1)).isoformat()

    response = client_for(personas["ld_admin"]).post(
        reverse("assignments_assignment:add"), post
    )

    assert response.status_code == 200
    for message in messages:
        assert message in response.text
    assert "Constraint" not in response.text
    assert not Assignment.objects.exists()
    assert not AssignedLearner.objects.exists()


def test_edit_changes_only_the_reason_and_the_active_flag(
    personas, client_for, assignment
):
    other = make_course(title="Something else")
    admin = client_for(personas["ld_admin"])
    url = reverse("assignments_assignment:edit", args=[assignment.pk])
    form = admin.get(url).text
    assert 'name="reason"' in form
    assert 'name="is_active"' in form
    assert 'name="course"' not in form
    assert 'name="due_date"' not in form

    response = admin.post(
        url,
        {"reason": "Council motion 2026-14", "course": other.pk, "due_date": ""},
    )

    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.reason == "Council motion 2026-14"
    assert assignment.is_active is False  # the box was left unticked
    assert assignment.course_id != other.pk


def test_the_list_shows_what_who_when_and_how_many(personas, client_for, assignment):
    page = client_for(personas["ld_admin"]).get(reverse("assignments_assignment:index"))
    text = page.text
    assert "Accessibility for public service (AODA)" in text
    assert "Charlie Chen" in text
    assert f"by {assignment.due_date.isoformat()}" in text
    filtered = client_for(personas["ld_admin"]).get(
        reverse("assignments_assignment:index"), {"target": "org_unit"}
    )
    assert "Charlie Chen" not in filtered.text


def test_inspect_shows_the_details_and_links_to_progress(
    personas, client_for, assignment
):
    text = (
        client_for(personas["ld_admin"])
        .get(reverse("assignments_assignment:inspect", args=[assignment.pk]))
        .text
    )
    assert "Accessibility for public service (AODA)" in text
    assert "Required by the AODA" in text
    assert "Charlie Chen" in text
    try:
        progress = reverse("assignments:detail", args=[assignment.pk])
    except NoReverseMatch:
        return  # the front-end page is not there yet
    assert f'href="{progress}"' in text


def _index_queries(client, count, personas) -> int:
    Assignment.objects.all().delete()
    for _ in range(count):
        assignment_create(
            actor=None,
            course=make_course(modules=0),
            target=Assignment.Target.ORG_UNIT,
            target_unit=personas["employee"].employee.org_unit,
            due_date=timezone.localdate() + timedelta(days=30),
        )
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("assignments_assignment:index"))
    assert response.status_code == 200
    return len(queries)


def test_the_list_takes_the_same_queries_for_2_or_12_assignments(personas, client_for):
    client = client_for(personas["ld_admin"])
    client.get(reverse("assignments_assignment:index"))  # warm per-session caches
    assert _index_queries(client, 2, personas) == _index_queries(client, 12, personas)
