"""Organisation-wide reports in the admin: L&D admins only, right numbers, flat query counts."""

import csv
import io
import re
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from assignments.models import AssignedLearner, Assignment
from assignments.services import (
    assignment_create,
    learner_exempt,
    learner_exemption_lift,
)
from assignments.tallies import tallies_rebuild
from people.models import OrgUnit
from reports.admin.selectors import training_by_division_live
from tests.courses.factories import make_course
from tests.people.factories import (
    EmployeeFactory,
    OrgUnitFactory,
    RoleProfileFactory,
    UserFactory,
)
from tests.personas import LOGIN, NO_ADMIN, OK, REFUSED, every_persona

ADMIN_ONLY = every_persona(NO_ADMIN, anonymous=LOGIN, trainer=REFUSED, ld_admin=OK)
REPORTS = ["org_training_by_division", "org_assigned_people", "org_skills_by_unit"]
MENU_LABELS = ["Training by division", "Assigned people", "Skills by unit"]


def _rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


@pytest.fixture
def data(personas, org):
    """Two divisions, two courses, every status once.

    Public Works (the personas' division), course A assigned to all staff:
      Alice completed on time, Charlie completed late, Bob overdue,
      Dana in progress, Tess and Lee not started.
    Parks: Pat overdue on A, Sam exempt on A (left out of the counts);
      course B for Parks only: Pat completed on time, Sam not started.
    """
    today = timezone.localdate()
    parks = OrgUnitFactory(code="PARKS", name="Parks")
    gardens = OrgUnitFactory(code="GARDENS", name="Gardens", parent=parks)
    pat = EmployeeFactory(
        user=UserFactory(username="pat"),
        first_name="Pat",
        last_name="=Gardener",  # a formula-like name: the CSV must defuse it
        org_unit=gardens,
    )
    sam = EmployeeFactory(
        user=UserFactory(username="sam"),
        first_name="Sam",
        last_name="Sower",
        org_unit=gardens,
    )
    analyst = RoleProfileFactory(name="Analyst")
    alice = personas["employee"].employee
    alice.role_profile = analyst
    alice.save(update_fields=["role_profile"])

    course_a = make_course(title="Accessibility basics", modules=1)
    course_b = make_course(title="Tree safety", modules=1)
    later = today + timedelta(days=30)
    a = assignment_create(
        actor=personas["ld_admin"],
        course=course_a,
        target=Assignment.Target.EVERYONE,
        due_date=later,
    ).assignment
    b = assignment_create(
        actor=personas["ld_admin"],
        course=course_b,
        target=Assignment.Target.ORG_UNIT,
        target_unit=parks,
        due_date=later,
    ).assignment
    yesterday = timezone.now() - timedelta(days=1)

    def set_(assignment, user, **fields):
        if "completed_at" in fields:  # as the progress sync records it
            fields["completed_on"] = timezone.localdate(fields["completed_at"])
        updated = AssignedLearner.objects.filter(
            assignment=assignment, user=user
        ).update(**fields)
        assert updated == 1

    set_(a, personas["employee"], completed_at=yesterday, due_on=later)
    set_(a, personas["peer"], completed_at=yesterday, due_on=today - timedelta(10))
    set_(a, personas["manager"], due_on=today - timedelta(days=5))
    set_(a, personas["other_manager"], started_at=timezone.now())
    set_(a, pat.user, due_on=today - timedelta(days=1))
    set_(a, sam.user, exempted_at=timezone.now(), exempt_reason="On leave")
    set_(b, pat.user, completed_at=yesterday)
    tallies_rebuild()  # the updates above went around the services
    return {
        "a": a,
        "b": b,
        "public_works": org["division"],
        "team_a": org["team_a"],
        "parks": parks,
        "gardens": gardens,
        "course_a": course_a,
        "course_b": course_b,
        "analyst": analyst,
        "pat": pat,
        "sam": sam,
    }


def _figures(rows):
    return {
        (r.label, r.assignment.item_title): (
            r.assigned,
            r.completed,
            r.in_progress,
            r.overdue,
            r.on_time_percent,
        )
        for r in rows
    }


# --- permissions -------------------------------------------------------------------


@pytest.mark.parametrize("name", REPORTS)
def test_every_report_and_export_is_for_ld_admins_only(persona_matrix, data, name):
    urls = [
        reverse(name),
        reverse(f"{name}_results"),
        reverse(name) + "?export=csv",
        reverse(name) + "?export=xlsx",
    ]

    def every_url(client, _persona):
        return {url: client.get(url) for url in urls}

    answers_by_persona = persona_matrix(None, ADMIN_ONLY, request=every_url, label=name)
    for persona, answers in answers_by_persona.items():
        for response in answers.values():
            if ADMIN_ONLY[persona] != OK and not response.streaming:
                assert "Gardener" not in response.content.decode()


def test_a_superuser_sees_the_reports(client_for, data):
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    assert client_for(admin).get(reverse("org_training_by_division")).status_code == 200


def test_the_menu_items_show_for_ld_admins_only(personas, client_for):
    for persona in ("trainer", "ld_admin"):
        menu = client_for(personas[persona]).get("/admin/").text
        for name, label in zip(REPORTS, MENU_LABELS, strict=True):
            shown = persona == "ld_admin"
            assert (reverse(name) in menu) is shown, (persona, name)
            assert (label in menu) is shown, (persona, label)


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


# --- assigned people -----------------------------------------------------------------


def test_assigned_people_lists_every_learner_with_status(personas, client_for, data):
    response = client_for(personas["ld_admin"]).get(reverse("org_assigned_people"))
    assert response.status_code == 200
    learners = response.context["object_list"]
    assert len(learners) == 10  # 8 on A (everyone), 2 on B (Parks)
    statuses = {
        (al.user.username, al.assignment.item_title): al.status for al in learners
    }
    assert statuses[("alice", "Accessibility basics")] == "completed"
    assert statuses[("bob", "Accessibility basics")] == "overdue"
    assert statuses[("sam", "Accessibility basics")] == "exempt"
    assert statuses[("pat", "Tree safety")] == "completed"
    page = response.text
    assert "Gardens" in page and "Parks" in page and "Overdue" in page


def test_assigned_people_filters_narrow(personas, client_for, data):
    client = client_for(personas["ld_admin"])

    def people(**params):
        response = client.get(reverse("org_assigned_people"), params)
        return sorted(
            (al.user.username, al.assignment.item_title)
            for al in response.context["object_list"]
        )

    assert people(course=data["course_b"].pk) == [
        ("pat", "Tree safety"),
        ("sam", "Tree safety"),
    ]
    assert len(people(division=data["parks"].pk)) == 4
    assert people(unit=data["gardens"].pk) == people(division=data["parks"].pk)
    assert people(role_profile=data["analyst"].pk) == [
        ("alice", "Accessibility basics")
    ]
    assert people(status="overdue") == [
        ("bob", "Accessibility basics"),
        ("pat", "Accessibility basics"),
    ]
    assert people(status="in_progress") == [("dana", "Accessibility basics")]


def test_assigned_people_csv_equals_the_page_and_is_defused(personas, client_for, data):
    client = client_for(personas["ld_admin"])
    page = client.get(reverse("org_assigned_people"), {"division": data["parks"].pk})
    export = client.get(
        reverse("org_assigned_people"),
        {"division": data["parks"].pk, "export": "csv"},
    )
    header, *rows = _rows(export)
    assert header == [
        "Person",
        "Employee number",
        "Division",
        "Unit",
        "Role profile",
        "Course",
        "Due",
        "Status",
        "Completed at",
    ]
    on_screen = [
        (al.user.employee.employee_number, al.assignment.item_title)
        for al in page.context["object_list"]
    ]
    assert [(row[1], row[5]) for row in rows] == on_screen
    pat = next(row for row in rows if row[1] == data["pat"].employee_number)
    assert pat[0] == "Pat =Gardener"
    assert pat[2:4] == ["Parks", "Gardens"]


def test_assigned_people_csv_neutralises_formula_cells(personas, client_for, data):
    data["pat"].first_name = "=HYPERLINK"
    data["pat"].save(update_fields=["first_name"])
    export = client_for(personas["ld_admin"]).get(
        reverse("org_assigned_people"), {"course": data["course_b"].pk, "export": "csv"}
    )
    header, *rows = _rows(export)
    names = {row[0] for row in rows}
    assert "'=HYPERLINK =Gardener" in names


def test_assigned_people_xlsx_downloads(personas, client_for, data):
    response = client_for(personas["ld_admin"]).get(
        reverse("org_assigned_people") + "?export=xlsx"
    )
    assert response.status_code == 200
    assert response["Content-Type"].endswith("spreadsheetml.sheet")


# --- skills by unit -----------------------------------------------------------------


def test_skills_by_unit_renders_for_an_ld_admin(personas, client_for, data):
    response = client_for(personas["ld_admin"]).get(reverse("org_skills_by_unit"))
    assert response.status_code == 200
    assert "Skills by unit" in response.text


# --- query counts ------------------------------------------------------------------


def _grow(data, n):
    """`n` more people in Gardens, each on both courses."""
    today = timezone.localdate()
    for i in range(n):
        person = EmployeeFactory(
            user=UserFactory(username=f"extra-{len(data['extra'])}-{i}"),
            org_unit=data["gardens"],
            role_profile=data["analyst"],
        )
        AssignedLearner.objects.bulk_create(
            AssignedLearner(
                assignment=assignment,
                user=person.user,
                assigned_on=today,
                due_on=today + timedelta(days=i % 3 - 1),
                original_due_on=today,
            )
            for assignment in (data["a"], data["b"])
        )
    tallies_rebuild()
    data["extra"].append(n)


@pytest.mark.parametrize("name", REPORTS)
@pytest.mark.parametrize(
    "params", [{}, {"status": "overdue"}, {"export": "csv"}, {"export": "xlsx"}]
)
def test_report_queries_do_not_grow_with_the_data(
    personas, client_for, data, name, params
):
    data["extra"] = []
    client = client_for(personas["ld_admin"])

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse(name), params)
            assert response.status_code == 200
            if response.streaming:
                b"".join(response.streaming_content)
        return len(queries)

    count()  # warm the per-process caches (site, content types)
    _grow(data, 3)
    small = count()
    _grow(data, 27)
    assert count() == small
