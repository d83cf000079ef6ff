"""The admin's training-by-division report: right numbers, filters, downloads."""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from assignments.models import AssignedLearner, Assignment
from assignments.services import learner_exempt, learner_exemption_lift
from assignments.tallies import tallies_rebuild
from people.models import OrgUnit
from reports.admin.selectors import training_by_division_live
from tests.reports.builders import _figures, _rows

# --- training by division ------------------------------------------------------


def test_training_by_division_counts_a_known_data_set(personas, client_for, data):
    response = client_for(personas["ld_admin"]).get(reverse("org_training_by_division"))
    assert response.status_code == 200
    assert _figures(response.context["object_list"]) == {
        # assigned, completed, in progress, overdue, % on time
        ("Public Works", "Accessibility basics"): (6, 2, 1, 1, 33),
        ("Parks", "Accessibility basics"): (1, 0, 0, 1, 0),
        ("Parks", "Tree safety"): (2, 1, 0, 0, 100),
    }
    page = response.text
    assert "Public Works" in page and "Tree safety" in page
    assert "% completed on time" in page


def test_training_by_division_statuses_add_up_to_assigned(personas, client_for, data):
    # Tess (the trainer) now has five days left: due soon, whether started or not.
    AssignedLearner.objects.filter(
        assignment=data["a"], user=personas["trainer"]
    ).update(due_on=timezone.localdate() + timedelta(days=5))
    tallies_rebuild()
    response = client_for(personas["ld_admin"]).get(reverse("org_training_by_division"))
    figures = {
        (r.label, r.assignment.item_title): (r.assigned, *r.by_status)
        for r in response.context["object_list"]
    }
    assert figures == {
        # assigned = completed + in progress + not started + due soon + overdue
        ("Public Works", "Accessibility basics"): (6, 2, 1, 1, 1, 1),
        ("Parks", "Accessibility basics"): (1, 0, 0, 0, 0, 1),
        ("Parks", "Tree safety"): (2, 1, 0, 1, 0, 0),
    }
    headings = [
        " ".join(re.sub(r"<[^>]+>", " ", cell).split())
        for cell in re.findall(r"<th[^>]*>(.*?)</th>", response.text, flags=re.S)
    ]
    start = headings.index("Division")
    assert headings[start + 3 : start + 10] == [
        "Assigned",
        "Completed",
        "In progress",
        "Not started",
        "Due soon",
        "Overdue",
        "% completed on time",
    ]


def test_training_by_division_shows_a_change_at_once(
    personas, client_for, data, django_capture_on_commit_callbacks
):
    client = client_for(personas["ld_admin"])
    url = reverse("org_training_by_division")
    pat = AssignedLearner.objects.get(assignment=data["a"], user=data["pat"].user)
    with django_capture_on_commit_callbacks(execute=True):
        learner_exempt(learner=pat, actor=personas["ld_admin"], reason="Seasonal")
    figures = _figures(client.get(url).context["object_list"])
    assert ("Parks", "Accessibility basics") not in figures  # nobody left to count
    with django_capture_on_commit_callbacks(execute=True):
        learner_exemption_lift(learner=pat, actor=personas["ld_admin"])
    figures = _figures(client.get(url).context["object_list"])
    assert figures[("Parks", "Accessibility basics")] == (1, 0, 0, 1, 0)


def test_training_by_division_leaves_out_inactive_assignments(
    personas, client_for, data
):
    Assignment.objects.filter(pk=data["b"].pk).update(is_active=False)
    response = client_for(personas["ld_admin"]).get(reverse("org_training_by_division"))
    assert ("Parks", "Tree safety") not in _figures(response.context["object_list"])
    assert ("Parks", "Accessibility basics") in _figures(
        response.context["object_list"]
    )


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            lambda d: {"division": d["parks"].pk},
            {("Parks", "Accessibility basics"), ("Parks", "Tree safety")},
        ),
        (
            lambda d: {"unit": d["gardens"].pk},
            {("Parks", "Accessibility basics"), ("Parks", "Tree safety")},
        ),
        (lambda d: {"course": d["course_b"].pk}, {("Parks", "Tree safety")}),
        (lambda d: {"division": d["parks"].pk, "unit": d["team_a"].pk}, set()),
        (
            lambda d: {"role_profile": d["analyst"].pk},
            {("Public Works", "Accessibility basics")},
        ),
        (
            lambda d: {"status": "overdue"},
            {
                ("Public Works", "Accessibility basics"),
                ("Parks", "Accessibility basics"),
            },
        ),
    ],
)
def test_training_by_division_filters_narrow(
    personas, client_for, data, params, expected
):
    response = client_for(personas["ld_admin"]).get(
        reverse("org_training_by_division"), params(data)
    )
    figures = _figures(response.context["object_list"])
    assert set(figures) == expected


@pytest.mark.parametrize(
    "params",
    [
        lambda d: {"division": d["parks"].pk},
        lambda d: {"unit": d["gardens"].pk, "course": d["course_a"].pk},
        lambda d: {"division": d["public_works"].pk},
        lambda d: {"unit": d["team_a"].pk},
    ],
)
def test_training_by_division_filters_count_as_a_live_count_would(
    personas, client_for, data, params
):
    chosen = params(data)
    response = client_for(personas["ld_admin"]).get(
        reverse("org_training_by_division"), chosen
    )
    unit = OrgUnit.objects.get(pk=chosen.get("unit") or chosen["division"])
    learners = AssignedLearner.objects.filter(
        employee__org_unit__path__startswith=unit.path
    )
    if "course" in chosen:
        learners = learners.filter(assignment__course_id=chosen["course"])
    expected = training_by_division_live(learners=learners)
    assert _figures(response.context["object_list"]) == _figures(expected)
    assert expected


def test_training_by_division_filters_give_the_right_numbers(
    personas, client_for, data
):
    client = client_for(personas["ld_admin"])
    overdue = client.get(reverse("org_training_by_division"), {"status": "overdue"})
    assert _figures(overdue.context["object_list"]) == {
        ("Public Works", "Accessibility basics"): (1, 0, 0, 1, 0),
        ("Parks", "Accessibility basics"): (1, 0, 0, 1, 0),
    }
    analysts = client.get(
        reverse("org_training_by_division"), {"role_profile": data["analyst"].pk}
    )
    assert _figures(analysts.context["object_list"]) == {
        ("Public Works", "Accessibility basics"): (1, 1, 0, 0, 100),
    }


def test_training_by_division_csv_equals_the_page(personas, client_for, data):
    client = client_for(personas["ld_admin"])
    page = client.get(reverse("org_training_by_division"))
    export = client.get(reverse("org_training_by_division") + "?export=csv")
    assert export["Content-Type"].startswith("text/csv")
    header, *rows = _rows(export)
    assert header == [
        "Division",
        "Course",
        "Assigned to",
        "Assigned",
        "Completed",
        "In progress",
        "Not started",
        "Due soon",
        "Overdue",
        "% completed on time",
    ]
    on_screen = [
        [
            r.label,
            r.assignment.item_title,
            str(r.assignment.target_label),
            str(r.assigned),
            str(r.completed),
            str(r.in_progress),
            str(r.not_started),
            str(r.due_soon),
            str(r.overdue),
            str(r.on_time_percent),
        ]
        for r in page.context["object_list"]
    ]
    assert rows == on_screen


def test_training_by_division_xlsx_downloads(personas, client_for, data):
    response = client_for(personas["ld_admin"]).get(
        reverse("org_training_by_division") + "?export=xlsx"
    )
    assert response.status_code == 200
    assert response["Content-Type"].endswith("spreadsheetml.sheet")
