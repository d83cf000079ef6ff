"""The admin's assigned-people report: every learner, filters, defused downloads."""

from django.urls import reverse

from tests.reports.builders import _rows

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
