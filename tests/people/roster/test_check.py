"""All or nothing: every bad row and every loop is reported by line, and nothing is written."""

import pytest

from people.models import Employee, OrgUnit
from people.roster import roster_import
from tests.people.roster.helpers import (
    PASSWORD,
    User,
    assert_tree_is_sound,
    base_rows,
    parent_code,
    person,
    snapshot,
    to_csv,
)


def _duplicate(rows):
    rows.append(person("1002", "Luc", "Again", "SEC", "Roads", "DIV", "1001"))


def _unknown_manager(rows):
    rows[3]["manager_employee_number"] = "9999"


def _self_manager(rows):
    rows[2]["manager_employee_number"] = "1003"


def _two_manager_cycle(rows):
    rows[0]["manager_employee_number"] = "1002"  # 1002 already reports to 1001


def _unknown_parent(rows):
    rows[1]["parent_org_unit_code"] = "NOPE"


def _unit_self_parent(rows):
    for row in rows:
        if row["org_unit_code"] == "TM-A":
            row["parent_org_unit_code"] = "TM-A"


def _unit_cycle(rows):
    rows[0]["parent_org_unit_code"] = "TM-B"  # DIV > SEC > TM-B > DIV


def _unit_name_conflict(rows):
    rows[3]["org_unit_name"] = "Road Crew Alpha"


def _unit_parent_conflict(rows):
    rows[3]["parent_org_unit_code"] = "DIV"


def _bad_email(rows):
    rows[3]["email"] = "priya.raman@"


def _bad_date(rows):
    rows[3]["hire_date"] = "01/04/2020"


def _impossible_date(rows):
    rows[3]["hire_date"] = "2021-02-30"


def _missing_value(rows):
    rows[3]["last_name"] = "  "


def _unknown_status(rows):
    rows[3]["status"] = "on leave"


def _unknown_role_profile(rows):
    for row in rows:
        row["role_profile"] = ""
    rows[3]["role_profile"] = "ASTRONAUT"


def _username_taken(rows):
    User.objects.create_user("1007", password=PASSWORD)
    rows.append(person("1007", "Nia", "Okafor", "TM-B", "Road Crew B", "SEC", "1005"))


def _too_many_values(rows):
    rows[3]["job_title"] = "Manager, Roads"


ERROR_CASES = [
    (_duplicate, 8, "employee_number", "already used on line 3"),
    (
        _unknown_manager,
        5,
        "manager_employee_number",
        "Unknown manager employee number 9999",
    ),
    (_self_manager, 4, "manager_employee_number", "1003 cannot be their own manager"),
    (_two_manager_cycle, 2, "manager_employee_number", "1001 → 1002 → 1001"),
    (_unknown_parent, 3, "parent_org_unit_code", "Unknown parent unit NOPE"),
    (_unit_self_parent, 4, "parent_org_unit_code", "TM-A cannot be its own parent"),
    (_unit_cycle, 2, "parent_org_unit_code", "DIV → TM-B → SEC → DIV"),
    (_unit_name_conflict, 5, "org_unit_name", "named 'Road Crew A' on line 4"),
    (_unit_parent_conflict, 5, "parent_org_unit_code", "has parent 'SEC' on line 4"),
    (_bad_email, 5, "email", "not a valid email address"),
    (_bad_date, 5, "hire_date", "not a date in YYYY-MM-DD form"),
    (_impossible_date, 5, "hire_date", "not a real date"),
    (_missing_value, 5, "last_name", "last_name is required"),
    (_unknown_status, 5, "status", "Unknown status 'on leave'"),
    (_unknown_role_profile, 5, "role_profile", "Unknown role profile 'ASTRONAUT'"),
    (_username_taken, 8, "employee_number", "username 1007 is already taken"),
]


@pytest.mark.parametrize(
    ("spoil", "line", "column", "message"),
    ERROR_CASES,
    ids=[case[0].__name__.strip("_") for case in ERROR_CASES],
)
@pytest.mark.django_db
def test_a_bad_row_is_reported_by_line_and_nothing_is_written(
    imported, spoil, line, column, message
):
    rows = base_rows()
    rows[5]["job_title"] = "A change that must not be applied"
    spoil(rows)
    before = snapshot()

    result = roster_import(data=to_csv(rows))

    assert not result.applied
    assert (line, column) in [(e.line, e.column) for e in result.errors]
    assert any(message in e.message for e in result.errors), result.errors
    assert (result.created, result.updated, result.unchanged) == (0, 0, 0)
    assert snapshot() == before


@pytest.mark.django_db
def test_a_row_with_an_unquoted_comma_is_refused_rather_than_misread(imported):
    data = to_csv(base_rows()).replace(b"Director", b"Director, Public Works")
    before = snapshot()

    result = roster_import(data=data)

    assert [(e.line, e.column) for e in result.errors] == [(2, "")]
    assert "13 values but the header has 12 columns" in result.errors[0].message
    assert snapshot() == before


@pytest.mark.django_db
def test_every_bad_row_is_reported_in_line_order_on_a_first_import():
    rows = base_rows()
    rows[1]["email"] = "not-an-email"
    rows[4]["status"] = "retired"
    rows[4]["hire_date"] = "2020-13-01"
    rows[5]["manager_employee_number"] = "4242"

    result = roster_import(data=to_csv(rows))

    assert [(e.line, e.column) for e in result.errors] == [
        (3, "email"),
        (6, "hire_date"),
        (6, "status"),
        (7, "manager_employee_number"),
    ]
    assert Employee.objects.count() == OrgUnit.objects.count() == 0
    assert User.objects.count() == 0


@pytest.mark.django_db
def test_a_longer_manager_cycle_is_reported_on_every_row_in_it():
    rows = base_rows()
    rows[0]["manager_employee_number"] = "1004"  # 1001 → 1004 → 1003 → 1002 → 1001

    result = roster_import(data=to_csv(rows))

    assert [e.line for e in result.errors] == [2, 3, 4, 5]
    assert (
        result.errors[0].message == "Manager cycle: 1001 → 1004 → 1003 → 1002 → 1001."
    )
    assert Employee.objects.count() == 0


@pytest.mark.django_db
def test_a_manager_cycle_through_people_not_in_the_file_is_refused(imported):
    # 1004 reports (in the database) to 1003, who reports to 1002, then 1001.
    rows = [person("1001", "Grace", "Oyelaran", "DIV", "Public Works", manager="1004")]
    before = snapshot()

    result = roster_import(data=to_csv(rows))

    assert [(e.line, e.message) for e in result.errors] == [
        (2, "Manager cycle: 1001 → 1004 → 1003 → 1002 → 1001.")
    ]
    assert snapshot() == before


@pytest.mark.django_db
def test_managers_and_parent_units_may_come_from_the_database(imported):
    rows = [person("1007", "Nia", "Okafor", "TM-C", "Road Crew C", "SEC", "1002")]
    result = roster_import(data=to_csv(rows))

    assert result.created == 1
    nia = Employee.objects.get(employee_number="1007")
    assert nia.manager.employee_number == "1002"
    assert parent_code("TM-C") == "SEC"
    assert_tree_is_sound()


# --- one e-mail address per employee -----------------------------------------


@pytest.mark.django_db
def test_two_rows_sharing_an_email_are_refused_by_line(imported):
    rows = base_rows()
    rows[3]["email"] = rows[1]["email"].upper()  # addresses ignore case
    rows[5]["email"] = rows[1]["email"]
    rows.append(person("1007", "Ana", "Silva", "TM-B", "Road Crew B", "SEC", "1005"))
    before = snapshot()

    result = roster_import(data=to_csv(rows))

    assert not result.applied
    shared = rows[1]["email"]
    assert [(e.line, e.column, e.value.lower()) for e in result.errors] == [
        (3, "email", shared),
        (5, "email", shared),
        (7, "email", shared),
    ]
    assert "also on lines 5 and 7" in result.errors[0].message
    assert "also on lines 3 and 7" in result.errors[1].message
    assert snapshot() == before


@pytest.mark.django_db
def test_an_email_held_by_an_employee_the_file_leaves_out_is_refused(imported):
    rows = [row for row in base_rows() if row["employee_number"] != "1006"]
    newcomer = person("1007", "Ana", "Silva", "TM-B", "Road Crew B", "SEC", "1005")
    newcomer["email"] = "wei.chen@city.example"
    rows.append(newcomer)
    before = snapshot()

    result = roster_import(data=to_csv(rows))

    assert [(e.line, e.column) for e in result.errors] == [(7, "email")]
    assert "already the address of employee 1006 (Wei Chen)" in (
        result.errors[0].message
    )
    assert snapshot() == before


@pytest.mark.django_db
def test_two_people_may_swap_email_addresses_in_one_file(imported):
    rows = base_rows()
    rows[4]["email"], rows[5]["email"] = rows[5]["email"], rows[4]["email"]

    result = roster_import(data=to_csv(rows))

    assert result.errors == []
    assert Employee.objects.get(employee_number="1005").email == rows[4]["email"]
    assert User.objects.get(username="1006").email == rows[5]["email"]
