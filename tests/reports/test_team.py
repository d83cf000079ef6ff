"""*My team*: summary, people list, one person's page and the training report."""

import csv
import io
import re
from datetime import timedelta

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assignments.models import AssignedLearner, Assignment
from assignments.services import (
    assignment_create,
    assignment_expand,
    learner_exempt,
)
from people.roles import user_is_manager
from people.selectors import employee_scope_for_user
from reports.team.selectors import team_summary, training_report
from tests.courses.factories import make_course
from tests.reports.builders import TODAY, build_org, finish, org_trees, team_of

SUMMARY = reverse("reports:my-team")
PEOPLE = reverse("reports:team-people")
TRAINING = reverse("reports:team-training")


def person_url(employee) -> str:
    return reverse("reports:team-person", args=[employee.pk])


# --- numbers on a known data set ---------------------------------------------------


def test_summary_numbers_on_a_knownteam_of(client_for, personas, known):
    summary = team_summary(user=personas["manager"])
    assert summary["people"] == 4
    # Decided: on time, late, overdue (Alice is not yet due) -> 1 of 3 on time.
    assert summary["on_time_percent"] == 33
    assert summary["overdue"] == 1
    assert summary["overdue_people"] == 1

    page = client_for(personas["manager"]).get(SUMMARY)
    assert page.status_code == 200
    assert "33%" in page.text
    # Each number links to the list behind it.
    assert f'href="{PEOPLE}?sort=-overdue"' in page.text
    assert f'href="{TRAINING}"' in page.text
    assert f'href="{reverse("skills:review-list")}"' in page.text


def test_training_report_numbers_by_assignment_and_by_unit(personas, known):
    learners = AssignedLearner.objects.filter(
        user__employee__in=employee_scope_for_user(user=personas["manager"]).exclude(
            pk=personas["manager"].employee.pk
        )
    )
    (row,) = training_report(learners=learners)["rows"]
    assert (row.assigned, row.completed, row.in_progress, row.overdue) == (4, 2, 1, 1)
    assert row.on_time == 1
    assert row.on_time_percent == 33

    by_unit = training_report(learners=learners, assignment_id=known["assignment"].pk)
    assert [(r.label, r.assigned) for r in by_unit["rows"]] == [("Road Crew A", 4)]
    months = {month for month, _n in by_unit["months"]}
    assert sum(n for _m, n in by_unit["months"]) == 2
    assert (TODAY - timedelta(days=2)).replace(day=1) in months


def test_exempt_people_leave_the_figures(personas, known):
    learner = AssignedLearner.objects.get(user=known["overdue"].user)
    learner_exempt(learner=learner, actor=personas["manager"], reason="Long leave")
    summary = team_summary(user=personas["manager"])
    assert summary["overdue"] == 0
    assert summary["on_time_percent"] == 50


def test_training_page_shows_the_report_and_its_chart_table(
    client_for, personas, known
):
    client = client_for(personas["manager"])
    page = client.get(TRAINING)
    assert "Accessibility for public service" in page.text
    detail = client.get(TRAINING, {"assignment": known["assignment"].pk})
    assert detail.status_code == 200
    assert "Completions per month" in detail.text
    assert 'id="months-table"' in detail.text
    # Dana's assignment to Charlie covers none of Bob's people: 404, not a peek.
    other = Assignment.objects.exclude(pk=known["assignment"].pk).get()
    assert client.get(TRAINING, {"assignment": other.pk}).status_code == 404


def _with_not_started_and_due_soon(personas, known) -> None:
    """Two more of Bob's people: one not started (due in 20 days), one due in 5."""
    later, soon = team_of(personas["manager"], 2)
    assignment_expand(assignment=known["assignment"])
    learners = AssignedLearner.objects.filter(assignment=known["assignment"])
    learners.filter(user=later.user).update(due_on=TODAY + timedelta(days=20))
    learners.filter(user=soon.user).update(due_on=TODAY + timedelta(days=5))


def test_training_statuses_add_up_to_assigned_on_the_page_and_in_the_export(
    client_for, personas, known
):
    _with_not_started_and_due_soon(personas, known)
    client = client_for(personas["manager"])
    page = client.get(TRAINING)
    (row,) = page.context["report"]["rows"]
    # Assigned, then completed, in progress, not started, due soon, overdue.
    assert (row.assigned, *row.by_status) == (6, 2, 1, 1, 1, 1)
    headings = re.findall(r'<th scope="col"[^>]*>([^<]+)</th>', page.text)
    assert headings[1:7] == [
        "Assigned",
        "Completed",
        "In progress",
        "Not started",
        "Due soon",
        "Overdue",
    ]
    cells = re.findall(r'<td class="text-end">([^<]+)</td>', page.text)
    assert cells[:6] == ["6", "2", "1", "1", "1", "1"]

    export = client.get(TRAINING, {"format": "csv"})
    header, line = csv.reader(
        io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))
    )
    assert header[1:7] == headings[1:7]
    assert line[1:7] == ["6", "2", "1", "1", "1", "1"]


def test_the_persons_learning_record_says_not_started_for_a_course_never_opened(
    client_for, personas, known
):
    page = client_for(personas["manager"]).get(person_url(known["overdue"])).text
    record = page[page.index('id="learning-heading"') :]
    record = record[: record.index("</section>")]
    assert "Accessibility for public service" in record
    assert "Not started" in record
    assert "In progress" not in record


# --- the people list -------------------------------------------------------------


def _listed(response) -> list[str]:
    return [row.employee.display_name for row in response.context["page_obj"]]


def test_people_list_shows_each_persons_figures_and_sorts_by_overdue(
    client_for, personas, known
):
    client = client_for(personas["manager"])
    page = client.get(PEOPLE, {"sort": "-overdue"})
    rows = list(page.context["page_obj"])
    assert rows[0].employee == known["overdue"]
    assert rows[0].overdue == 1
    by_person = {row.employee: row for row in rows}
    assert by_person[known["on_time"]].completion == 100
    assert by_person[known["alice"]].completion == 0
    assert "Charlie" not in page.text
    assert 'aria-sort="descending"' in page.text


def test_parameters_narrow_the_list_but_never_widen_it(
    client_for, org, personas, known
):
    client = client_for(personas["manager"])
    everyone = set(_listed(client.get(PEOPLE)))
    assert len(everyone) == 4
    # Dana's unit is outside Bob's scope: narrowing to it shows nobody.
    assert _listed(client.get(PEOPLE, {"unit": org["team_b"].pk})) == []
    assert set(_listed(client.get(PEOPLE, {"unit": org["team_a"].pk}))) == everyone
    assert set(_listed(client.get(PEOPLE, {"direct": "on"}))) == everyone
    assert (
        _listed(client.get(PEOPLE, {"unit": "not-a-number"}))
        == sorted(everyone, key=lambda name: name.split()[-1])
        or set(_listed(client.get(PEOPLE, {"unit": "x"}))) == everyone
    )


def test_people_csv_export_has_the_same_people_as_the_page(client_for, personas, known):
    client = client_for(personas["manager"])
    response = client.get(PEOPLE, {"format": "csv", "sort": "-overdue"})
    lines = list(
        csv.reader(
            io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))
        )
    )
    assert lines[0][:2] == ["Employee number", "Name"]
    assert {line[1] for line in lines[1:]} == set(_listed(client.get(PEOPLE)))
    assert lines[1][1] == known["overdue"].display_name


# --- one person's page -------------------------------------------------------------


def test_a_person_page_shows_their_record_and_the_managers_actions(
    client_for, personas, known
):
    page = client_for(personas["manager"]).get(person_url(known["alice"]))
    assert page.status_code == 200
    assert "Accessibility for public service" in page.text
    assert f"{reverse('assignments:assign')}?employee={known['alice'].pk}" in page.text
    learner = AssignedLearner.objects.get(user=known["alice"].user)
    assert reverse("assignments:learner-extend", args=[learner.pk]) in page.text


@pytest.mark.parametrize(
    ("viewer", "target", "expected"),
    [
        ("manager", "employee", 200),
        ("ld_admin", "employee", 200),
        ("ld_admin", "peer", 200),
        ("manager", "peer", 404),  # Dana's person
        ("other_manager", "employee", 404),
        ("manager", "manager", 404),  # yourself: that is My learning
        ("employee", "employee", 403),
        ("peer", "employee", 403),
        ("trainer", "employee", 403),
    ],
)
def test_person_page_permissions(client_for, personas, viewer, target, expected):
    url = person_url(personas[target].employee)
    assert client_for(personas[viewer]).get(url).status_code == expected


def test_person_page_sends_anonymous_visitors_to_sign_in(client, personas):
    response = client.get(person_url(personas["employee"].employee))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


# --- scope is absolute (property-based) -------------------------------------------


@pytest.mark.django_db(transaction=False)
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(tree=org_trees, seed=st.integers(0, 3))
def test_people_page_and_export_show_exactly_the_scope(client_for, tree, seed):
    with transaction.atomic():
        units, people = build_org(tree, {"role": None})
        for person in people:
            user = person.user
            if not user_is_manager(user):
                continue
            expected = set(
                employee_scope_for_user(user=user)
                .active()
                .exclude(pk=person.pk)
                .values_list("employee_number", flat=True)
            )
            client = client_for(user)
            page = client.get(
                PEOPLE, {"sort": ["name", "-overdue", "gaps", "unit"][seed]}
            )
            shown = {row.employee.employee_number for row in page.context["page_obj"]}
            assert shown == expected
            export = client.get(PEOPLE, {"format": "csv"})
            lines = b"".join(export.streaming_content).decode("utf-8-sig").splitlines()
            assert {line.split(",")[0] for line in lines[1:]} == expected
            narrowed = client.get(PEOPLE, {"unit": units[tree["narrow_to"]].pk})
            narrowed_shown = {
                row.employee.employee_number for row in narrowed.context["page_obj"]
            }
            assert narrowed_shown <= expected
            assert team_summary(user=user)["people"] == len(expected)
        transaction.set_rollback(True)


# --- speed -----------------------------------------------------------------------


def _grow(personas, size: int) -> None:
    people = team_of(personas["manager"], size)
    course = make_course(modules=1)
    assignment = assignment_create(
        actor=None,
        course=course,
        target=Assignment.Target.TEAM,
        target_employee=personas["manager"].employee,
        due_date=TODAY - timedelta(days=3),
    ).assignment
    finish(
        AssignedLearner.objects.filter(
            assignment=assignment, user__in=[p.user for p in people[::2]]
        ),
        TODAY,
    )


@pytest.mark.parametrize(
    "url",
    [SUMMARY, PEOPLE, f"{PEOPLE}?sort=-gaps", TRAINING, "person", "training-detail"],
)
def test_team_pages_cost_the_same_queries_for_small_and_large_teams(
    client_for, personas, url
):
    client = client_for(personas["manager"])
    counts = []
    for size in (2, 25):
        _grow(personas, size)
        target = url
        if url == "person":
            target = person_url(personas["employee"].employee)
        elif url == "training-detail":
            assignment = Assignment.objects.order_by("-pk").first()
            target = f"{TRAINING}?assignment={assignment.pk}"
        client.get(target)  # warm the session's cached navigation flags
        with CaptureQueriesContext(connection) as queries:
            assert client.get(target).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
