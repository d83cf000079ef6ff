"""HR roster import: the service, the import_roster command, and what HR would see."""

import csv
import hashlib
import io
import json
import re
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

import pytest

from people.models import Employee, OrgUnit, RosterImport
from people.roster import COLUMNS, RosterFileError, roster_import
from tests.people.factories import RoleProfileFactory

User = get_user_model()
PASSWORD = "a-long-enough-password"


# --- building files ----------------------------------------------------------


def person(number, first, last, unit, unit_name, parent="", manager="", **extra):
    row = {
        "employee_number": number,
        "first_name": first,
        "last_name": last,
        "preferred_name": "",
        "email": f"{first}.{last}@city.example".lower(),
        "job_title": "Customer Service Representative",
        "org_unit_code": unit,
        "org_unit_name": unit_name,
        "parent_org_unit_code": parent,
        "manager_employee_number": manager,
        "hire_date": "2020-04-01",
        "status": "active",
    }
    row.update(extra)
    return row


def base_rows():
    """A division, a section and two teams, six people in one reporting line."""
    return [
        person(
            "1001", "Grace", "Oyelaran", "DIV", "Public Works", job_title="Director"
        ),
        person("1002", "Luc", "Bergeron", "SEC", "Roads", "DIV", "1001"),
        person("1003", "Daniel", "Tremblay", "TM-A", "Road Crew A", "SEC", "1002"),
        person("1004", "Priya", "Raman", "TM-A", "Road Crew A", "SEC", "1003"),
        person("1005", "Mateo", "Alvarez", "TM-B", "Road Crew B", "SEC", "1002"),
        person("1006", "Wei", "Chen", "TM-B", "Road Crew B", "SEC", "1005"),
    ]


def to_csv(rows, *, delimiter=",", newline="\n", bom=False, columns=None):
    columns = columns or list(rows[0])
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer,
        columns,
        delimiter=delimiter,
        lineterminator=newline,
        extrasaction="ignore",
    )
    writer.writeheader()
    writer.writerows(rows)
    data = buffer.getvalue().encode()
    return b"\xef\xbb\xbf" + data if bom else data


def many_rows(count, *, units=3):
    """`count` people spread over `units` teams below one division, all managed by 1."""
    rows = [person("1", "Head", "Person", "DIV", "Division")]
    for n in range(2, count + 1):
        team = n % units
        rows.append(
            person(
                str(n), f"First{n}", f"Last{n}", f"T{team}", f"Team {team}", "DIV", "1"
            )
        )
    return rows


def snapshot():
    """Everything an import may touch, to show that a rejected one touched nothing."""
    return (
        list(Employee.objects.order_by("pk").values()),
        list(OrgUnit.objects.order_by("pk").values()),
        list(User.objects.order_by("pk").values()),
        RosterImport.objects.count(),
    )


def parent_code(code):
    parent = OrgUnit.objects.get(code=code).get_parent()
    return parent.code if parent else ""


def assert_tree_is_sound():
    assert all(not problems for problems in OrgUnit.find_problems())


@pytest.fixture
def imported(db):
    """The base roster, already imported once."""
    roster_import(data=to_csv(base_rows()))
    return base_rows()


# --- happy path ----------------------------------------------------------------


@pytest.mark.django_db
def test_a_first_import_creates_units_people_accounts_and_managers():
    result = roster_import(data=to_csv(base_rows()))

    assert (result.created, result.updated, result.deactivated, result.unchanged) == (
        6,
        0,
        0,
        0,
    )
    assert result.errors == []
    assert result.applied
    assert [(c.line, c.employee_number, c.action) for c in result.changes] == [
        (line, str(1000 + line - 1), "create") for line in range(2, 8)
    ]
    assert {u.code: parent_code(u.code) for u in OrgUnit.objects.all()} == {
        "DIV": "",
        "SEC": "DIV",
        "TM-A": "SEC",
        "TM-B": "SEC",
    }
    assert_tree_is_sound()
    # Siblings are kept in name order, as treebeard's node_order_by asks.
    assert [u.code for u in OrgUnit.objects.get(code="SEC").get_children()] == [
        "TM-A",
        "TM-B",
    ]
    priya = Employee.objects.select_related("user", "manager", "org_unit").get(
        employee_number="1004"
    )
    assert priya.manager.employee_number == "1003"
    assert priya.org_unit.code == "TM-A"
    assert priya.email == "priya.raman@city.example"
    assert str(priya.hire_date) == "2020-04-01"
    assert priya.user.username == "1004"
    assert (priya.user.first_name, priya.user.last_name) == ("Priya", "Raman")
    assert priya.user.email == "priya.raman@city.example"
    assert not priya.user.has_usable_password()
    assert Employee.objects.get(employee_number="1001").manager is None


@pytest.mark.django_db
def test_the_import_is_recorded_with_who_the_file_hash_and_the_counts(ld_admin):
    data = to_csv(base_rows())
    result = roster_import(data=data, actor=ld_admin, filename="roster-2025-06.csv")

    record = RosterImport.objects.get()
    assert result.import_record == record
    assert record.imported_by == ld_admin
    assert record.filename == "roster-2025-06.csv"
    assert record.sha256 == hashlib.sha256(data).hexdigest()
    assert (record.row_count, record.created, record.updated) == (6, 6, 0)
    assert (record.deactivated, record.unchanged) == (0, 0)
    assert record.options["deactivate_missing"] is False


@pytest.mark.django_db
def test_importing_the_same_file_twice_changes_nothing_the_second_time(imported):
    before = snapshot()[:3]
    result = roster_import(data=to_csv(imported))

    assert (result.created, result.updated, result.deactivated, result.unchanged) == (
        0,
        0,
        0,
        6,
    )
    assert result.changes == []
    assert snapshot()[:3] == before
    # The no-op import is still on record.
    assert RosterImport.objects.count() == 2
    assert RosterImport.objects.first().unchanged == 6


@pytest.mark.django_db
def test_a_dry_run_reports_what_would_happen_and_writes_nothing():
    before = snapshot()
    result = roster_import(data=to_csv(base_rows()), dry_run=True)

    assert result.created == 6
    assert not result.applied
    assert result.import_record is None
    assert snapshot() == before


@pytest.mark.django_db
def test_changed_rows_update_the_employee_and_their_account(imported):
    rows = imported
    rows[3].update(
        last_name="Raman-Singh", job_title="Senior CSR", org_unit_code="TM-B"
    )
    rows[3].update(org_unit_name="Road Crew B", manager_employee_number="1005")
    result = roster_import(data=to_csv(rows))

    assert (result.created, result.updated, result.unchanged) == (0, 1, 5)
    assert result.changes[0].line == 5
    assert set(result.changes[0].fields) == {
        "last_name",
        "job_title",
        "org_unit",
        "manager",
    }
    priya = Employee.objects.select_related("user", "manager").get(
        employee_number="1004"
    )
    assert priya.last_name == "Raman-Singh"
    assert priya.user.last_name == "Raman-Singh"
    assert priya.org_unit.code == "TM-B"
    assert priya.manager.employee_number == "1005"


@pytest.mark.django_db
def test_many_people_change_at_once_each_to_their_own_values(imported):
    rows = imported
    for n, row in enumerate(rows, start=1):
        row.update(hire_date=f"2021-0{n}-1{n}", job_title=f"Title {n % 2}")
        row["email"] = f"person{n}@city.example"
    rows[4].update(manager_employee_number="1003")
    rows[5].update(manager_employee_number="1004", preferred_name="Wei-Wei")
    result = roster_import(data=to_csv(rows))

    assert (result.updated, result.unchanged) == (6, 0)
    people = {e.employee_number: e for e in Employee.objects.select_related("user")}
    assert [str(people[f"100{n}"].hire_date) for n in range(1, 7)] == [
        f"2021-0{n}-1{n}" for n in range(1, 7)
    ]
    assert people["1002"].job_title == "Title 0"
    assert people["1003"].job_title == "Title 1"
    assert people["1005"].manager.employee_number == "1003"
    assert people["1006"].manager.employee_number == "1004"
    assert people["1006"].preferred_name == "Wei-Wei"
    assert people["1006"].user.email == "person6@city.example"


@pytest.mark.django_db
def test_an_account_edited_elsewhere_is_brought_back_in_step(imported):
    User.objects.filter(username="1004").update(email="old@elsewhere.example")

    result = roster_import(data=to_csv(imported))

    assert (result.updated, result.unchanged) == (1, 5)
    assert result.changes[0].fields == ("account",)
    assert User.objects.get(username="1004").email == "priya.raman@city.example"


@pytest.mark.django_db
def test_an_existing_employee_keeps_their_account_and_username(employee):
    alice = employee.employee
    rows = [
        person(
            alice.employee_number,
            "Alice",
            "Arsenault-Roy",
            "TEAM-A",
            "Road Crew A",
            "SEC",
            email="alice@city.example",
        )
    ]
    result = roster_import(data=to_csv(rows))

    assert result.updated == 1
    employee.refresh_from_db()
    assert employee.username == "alice"
    assert employee.last_name == "Arsenault-Roy"
    assert employee.email == "alice@city.example"
    assert employee.employee.manager is None  # the file says she has no manager


@pytest.mark.django_db
def test_units_are_renamed_and_moved_and_units_not_in_the_file_are_left_alone(
    imported,
):
    OrgUnit.objects.get(code="DIV").add_child(code="OTHER", name="Not in HR's file")
    rows = imported
    rows.insert(0, person("1000", "Ada", "Lovelace", "DIV2", "Transit"))
    for row in rows:
        if row["org_unit_code"] == "TM-B":
            row.update(parent_org_unit_code="DIV2", org_unit_name="Bus Crew B")
    result = roster_import(data=to_csv(rows))

    assert result.errors == []
    assert result.units_created == 1
    assert result.units_updated == 1
    # A unit's rename or move is not a change to the people in it.
    assert (result.created, result.updated, result.unchanged) == (1, 0, 6)
    assert parent_code("TM-B") == "DIV2"
    assert OrgUnit.objects.get(code="TM-B").name == "Bus Crew B"
    assert parent_code("OTHER") == "DIV"
    assert [u.code for u in OrgUnit.get_root_nodes()] == ["DIV", "DIV2"]
    assert_tree_is_sound()


@pytest.mark.django_db
def test_units_move_below_new_units_and_to_the_top_level(imported):
    rows = imported
    # A new section under the division takes team A; the section becomes a division.
    for row in rows:
        if row["org_unit_code"] == "TM-A":
            row["parent_org_unit_code"] = "SEC-NEW"
        if row["org_unit_code"] == "SEC":
            row["parent_org_unit_code"] = ""
    rows.append(person("1007", "Nia", "Okafor", "SEC-NEW", "Bridges", "DIV", "1001"))
    rows.append(
        person("1008", "Omar", "Haddad", "TM-C", "Bridge Crew", "SEC-NEW", "1007")
    )
    result = roster_import(data=to_csv(rows))

    assert result.errors == []
    assert {u.code: parent_code(u.code) for u in OrgUnit.objects.all()} == {
        "DIV": "",
        "SEC": "",
        "SEC-NEW": "DIV",
        "TM-A": "SEC-NEW",
        "TM-B": "SEC",
        "TM-C": "SEC-NEW",
    }
    assert_tree_is_sound()


@pytest.mark.django_db
def test_units_and_managers_may_be_listed_after_the_rows_that_need_them():
    rows = [
        person(
            str(n),
            "P",
            f"Level{n}",
            f"L{n}",
            f"Level {n}",
            f"L{n - 1}" if n > 1 else "",
            str(n - 1) if n > 1 else "",
        )
        for n in range(8, 0, -1)
    ]
    rows.append(person("9", "Q", "Sibling", "L8B", "Another level 8", "L7", "8"))
    assert roster_import(data=to_csv(rows)).errors == []

    assert Employee.objects.get(employee_number="9").manager.employee_number == "8"
    assert Employee.objects.get(employee_number="2").manager.employee_number == "1"

    assert OrgUnit.objects.get(code="L8").depth == 8
    assert parent_code("L8B") == "L7"
    assert [u.code for u in OrgUnit.objects.get(code="L7").get_children()] == [
        "L8B",
        "L8",
    ]
    assert_tree_is_sound()


@pytest.mark.django_db
def test_the_documented_example_file_imports_as_described():
    RoleProfileFactory(code="TEAMLEAD", name="People leader")
    data = (Path(__file__).parents[2] / "docs" / "roster-example.csv").read_bytes()

    result = roster_import(data=data)

    assert result.errors == []
    assert (result.created, result.units_created) == (12, 4)
    assert Employee.objects.filter(is_active=False).count() == 1
    assert Employee.objects.get(last_name="O'Brien-Nguyễn").first_name == "Zoë"
    assert Employee.objects.filter(job_title="Supervisor, North Crew").exists()
    assert_tree_is_sound()


# --- all or nothing ---------------------------------------------------------------


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


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b" \r\n", "empty"),
        ("employee_number,first_name\n1,Zoë\n".encode("latin-1"), "not_utf8"),
        (b"employee_number,first_name,last_name\n1,A,B\n", "missing_columns"),
        (b",".join(c.encode() for c in COLUMNS) + b"\n", "no_rows"),
    ],
)
@pytest.mark.django_db
def test_an_unreadable_file_is_refused_with_a_code(imported, data, code):
    before = snapshot()
    with pytest.raises(RosterFileError) as caught:
        roster_import(data=data)
    assert caught.value.code == code
    assert snapshot() == before


@pytest.mark.django_db
def test_a_missing_column_is_named_in_the_error():
    columns = [c for c in COLUMNS if c != "status"]
    with pytest.raises(RosterFileError) as caught:
        roster_import(data=to_csv(base_rows(), columns=columns))
    assert caught.value.code == "missing_columns"
    assert "status" in caught.value.message
    assert caught.value.as_error().line == 1


# --- deactivation ---------------------------------------------------------------


@pytest.mark.django_db
def test_people_missing_from_the_file_are_kept_unless_asked(imported):
    result = roster_import(data=to_csv(imported[:5]))

    assert result.deactivated == 0
    assert Employee.objects.get(employee_number="1006").is_active


@pytest.mark.django_db
def test_deactivating_more_than_five_percent_is_refused_without_the_flag():
    rows = many_rows(40)
    roster_import(data=to_csv(rows))
    before = snapshot()

    refused = roster_import(data=to_csv(rows[:-3]), deactivate_missing=True)

    assert [(e.line, e.column) for e in refused.errors] == [(0, "")]
    assert "deactivate 3 of 40 active employees (7.5%)" in refused.errors[0].message
    assert snapshot() == before

    allowed = roster_import(
        data=to_csv(rows[:-3]), deactivate_missing=True, allow_mass_deactivation=True
    )

    assert allowed.deactivated == 3
    assert Employee.objects.filter(is_active=False).count() == 3


@pytest.mark.django_db
def test_rows_marked_inactive_count_towards_the_five_percent_guard():
    rows = many_rows(40)
    roster_import(data=to_csv(rows))
    for row in rows[-3:]:
        row["status"] = "inactive"

    assert roster_import(data=to_csv(rows)).errors[0].line == 0
    assert Employee.objects.filter(is_active=False).count() == 0


@pytest.mark.django_db
def test_deactivating_missing_people_under_the_threshold_keeps_their_history():
    rows = many_rows(40)
    roster_import(data=to_csv(rows))

    result = roster_import(data=to_csv(rows[:-2]), deactivate_missing=True)

    assert result.errors == []
    assert result.deactivated == 2
    assert [(c.line, c.employee_number, c.action) for c in result.changes] == [
        (0, "39", "deactivate"),
        (0, "40", "deactivate"),
    ]
    gone = Employee.objects.select_related("user").get(employee_number="40")
    assert not gone.is_active
    assert not gone.user.is_active
    assert Employee.objects.count() == 40  # never deleted


@pytest.mark.django_db
def test_a_deactivated_person_cannot_sign_in_and_reactivation_lets_them_back(
    client, imported
):
    user = User.objects.get(username="1004")
    user.set_password(PASSWORD)
    user.save()
    credentials = {"username": "1004", "password": PASSWORD}
    assert client.post("/accounts/login/", credentials).status_code == 302
    client.logout()

    rows = imported
    rows[3]["status"] = "inactive"
    # One of six is over the 5% guard, so this small organisation needs the flag.
    result = roster_import(data=to_csv(rows), allow_mass_deactivation=True)

    assert (result.deactivated, result.updated, result.unchanged) == (1, 0, 5)
    assert result.changes[0].action == "deactivate"
    response = client.post("/accounts/login/", credentials)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert not Employee.objects.get(employee_number="1004").is_active

    rows[3]["status"] = "active"
    result = roster_import(data=to_csv(rows))

    assert result.updated == 1
    assert result.changes[0].fields == ("is_active",)
    assert Employee.objects.get(employee_number="1004").is_active
    assert client.post("/accounts/login/", credentials).status_code == 302


# --- file formats ---------------------------------------------------------------


NON_ASCII = person(
    "1007",
    "Zoë",
    "O'Brien-Nguyễn",
    "TM-B",
    "Road Crew B",
    "SEC",
    "1005",
    email="zoe.obrien@city.example",
    job_title="Manager, Roads; Bridges",
    preferred_name="Zoë “Z”",
)


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"bom": True},
        {"delimiter": ";"},
        {"newline": "\r\n"},
        {"bom": True, "delimiter": ";", "newline": "\r\n"},
    ],
    ids=["plain", "bom", "semicolons", "crlf", "all-of-them"],
)
@pytest.mark.django_db
def test_excel_style_files_import_the_same(options):
    result = roster_import(data=to_csv([*base_rows(), NON_ASCII], **options))

    assert result.errors == []
    assert result.created == 7
    zoe = Employee.objects.select_related("user").get(employee_number="1007")
    assert (zoe.first_name, zoe.last_name) == ("Zoë", "O'Brien-Nguyễn")
    assert zoe.preferred_name == "Zoë “Z”"
    assert zoe.job_title == "Manager, Roads; Bridges"
    assert zoe.user.last_name == "O'Brien-Nguyễn"
    assert str(zoe) == "Zoë “Z” O'Brien-Nguyễn"
    # The header survived the BOM: the first person is complete.
    assert Employee.objects.get(employee_number="1001").job_title == "Director"


@pytest.mark.django_db
def test_extra_columns_are_ignored_and_headers_may_vary_in_case_and_spacing():
    rows = [{**row, "Cost centre": "CC-17", "notes": "x"} for row in base_rows()]
    data = to_csv(rows).replace(
        b"employee_number,first_name", b" Employee_Number ,FIRST_NAME"
    )

    result = roster_import(data=data)

    assert result.errors == []
    assert result.created == 6


@pytest.mark.django_db
def test_blank_lines_are_skipped_but_line_numbers_stay_physical():
    data = to_csv(base_rows()).replace(b"\n1003,", b"\n\n,,,,,,,,,,,\n1003,")
    data = data.replace(b"priya.raman@city.example", b"priya")

    result = roster_import(data=data)

    assert [(e.line, e.column) for e in result.errors] == [(7, "email")]


@pytest.mark.django_db
def test_role_profiles_are_set_cleared_or_left_alone():
    csr = RoleProfileFactory(code="CSR", name="Customer service representative")
    rows = [{**row, "role_profile": "CSR"} for row in base_rows()]
    roster_import(data=to_csv(rows))
    assert Employee.objects.filter(role_profile=csr).count() == 6

    # Without the column, role profiles are someone else's business.
    assert roster_import(data=to_csv(base_rows())).unchanged == 6
    assert Employee.objects.filter(role_profile=csr).count() == 6

    rows[0]["role_profile"] = ""
    result = roster_import(data=to_csv(rows))
    assert result.changes[0].fields == ("role_profile",)
    assert Employee.objects.get(employee_number="1001").role_profile is None


# --- the command ----------------------------------------------------------------


@pytest.fixture
def roster_file(tmp_path):
    def write(rows, name="roster.csv"):
        path = tmp_path / name
        path.write_bytes(to_csv(rows))
        return str(path)

    return write


@pytest.mark.django_db
def test_the_command_prints_a_json_summary_and_exits_zero(roster_file, capsys):
    call_command("import_roster", roster_file(base_rows()), "--format", "json")

    summary = json.loads(capsys.readouterr().out)
    assert summary == {
        "created": 6,
        "updated": 0,
        "deactivated": 0,
        "unchanged": 0,
        "errors": [],
    }
    assert RosterImport.objects.get().filename == "roster.csv"


@pytest.mark.django_db
def test_the_command_rejects_a_bad_file_with_json_errors_and_a_failure_status(
    roster_file, capsys
):
    rows = base_rows()
    rows[5]["manager_employee_number"] = "9999"

    with pytest.raises(CommandError) as caught:
        call_command("import_roster", roster_file(rows), "--format", "json")

    assert caught.value.returncode == 1
    summary = json.loads(capsys.readouterr().out)
    assert summary["created"] == 0
    assert summary["errors"] == [
        {
            "line": 7,
            "column": "manager_employee_number",
            "value": "9999",
            "message": "Unknown manager employee number 9999.",
        }
    ]
    assert Employee.objects.count() == 0


@pytest.mark.django_db
def test_the_command_reports_an_unreadable_file_as_json(tmp_path, capsys):
    path = tmp_path / "roster.csv"
    path.write_bytes(b"employee_number;first_name\n1;A\n")

    with pytest.raises(CommandError):
        call_command("import_roster", str(path), "--format", "json")

    errors = json.loads(capsys.readouterr().out)["errors"]
    assert errors[0]["line"] == 1
    assert "missing these columns" in errors[0]["message"]


@pytest.mark.django_db
def test_the_command_text_output_lists_errors_one_per_line(roster_file, capsys):
    rows = base_rows()
    rows[5]["manager_employee_number"] = "9999"

    with pytest.raises(CommandError):
        call_command("import_roster", roster_file(rows))

    out = capsys.readouterr().out
    assert "rejected, nothing was written" in out
    assert (
        "line 7, manager_employee_number '9999': Unknown manager employee number 9999."
        in out
    )


@pytest.mark.django_db
def test_the_command_dry_run_and_flags(roster_file, capsys, ld_admin):
    path = roster_file(base_rows())
    call_command("import_roster", path, "--dry-run")
    assert "dry run: nothing was written" in capsys.readouterr().out
    assert not Employee.objects.filter(employee_number="1001").exists()

    call_command(
        "import_roster",
        path,
        "--deactivate-missing",
        "--allow-mass-deactivation",
        "--actor",
        "lee",
    )

    out = capsys.readouterr().out
    assert "Roster imported." in out
    assert "deactivated        1" in out  # Lee is not in HR's file
    record = RosterImport.objects.get()
    assert record.imported_by == ld_admin
    assert record.options == {
        "deactivate_missing": True,
        "allow_mass_deactivation": True,
    }
    assert not Employee.objects.get(user=ld_admin).is_active


# --- scale ------------------------------------------------------------------------


@pytest.mark.parametrize("count", [20, 200])
@pytest.mark.django_db
def test_queries_do_not_grow_with_the_number_of_rows(
    count, django_assert_max_num_queries
):
    # The same bound at both sizes: work is done in batches of 1,000 rows.
    # (SQLite splits an INSERT into pieces of 999 parameters, hence the slack.)
    # Loading the URLs loads Wagtail's hooks, which add reference-index queries
    # to every save of a registered model; do it first so test order is moot.
    reverse("wagtailadmin_home")
    rows = many_rows(count)
    with django_assert_max_num_queries(32):
        first = roster_import(data=to_csv(rows))
    for row in rows[1:]:
        row["job_title"] = "Senior CSR"
    # An import that updates people also counts the report tallies again (6).
    with django_assert_max_num_queries(20):
        second = roster_import(data=to_csv(rows))

    assert first.created == count
    assert second.updated == count - 1


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


@pytest.mark.django_db
def test_the_upload_page_lists_each_row_sharing_an_email(ld_admin, client):
    rows = base_rows()
    rows[4]["email"] = rows[2]["email"]
    upload = io.BytesIO(to_csv(rows))
    upload.name = "roster.csv"
    client.force_login(ld_admin)

    page = client.post(reverse("roster_upload:index"), {"file": upload}).text

    assert "The file has 2 problems. Nothing was imported." in page
    table = page[page.index('id="roster-errors"') :]
    cells = [
        [cell.strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", table[: table.index("</table>")], re.S)
    ]
    cells = [row for row in cells if row]  # the header row has no <td>
    assert [(row[0], row[1]) for row in cells] == [
        ("4", "email"),
        ("6", "email"),
    ]
    assert "also on line 6" in cells[0][3] and "also on line 4" in cells[1][3]
    numbers = [row["employee_number"] for row in rows]
    assert not Employee.objects.filter(employee_number__in=numbers).exists()
