"""Applying a roster: units, people, accounts and managers as the file says; queries stay flat."""

import hashlib
from pathlib import Path

from django.urls import reverse

import pytest

from people.models import Employee, OrgUnit, RosterImport
from people.roster import roster_import
from tests.people.factories import RoleProfileFactory
from tests.people.roster.helpers import (
    User,
    assert_tree_is_sound,
    base_rows,
    many_rows,
    parent_code,
    person,
    snapshot,
    to_csv,
)


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
    data = (Path(__file__).parents[3] / "docs" / "roster-example.csv").read_bytes()

    result = roster_import(data=data)

    assert result.errors == []
    assert (result.created, result.units_created) == (12, 4)
    assert Employee.objects.filter(is_active=False).count() == 1
    assert Employee.objects.get(last_name="O'Brien-Nguyễn").first_name == "Zoë"
    assert Employee.objects.filter(job_title="Supervisor, North Crew").exists()
    assert_tree_is_sound()


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
