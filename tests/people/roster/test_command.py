"""The import_roster command: JSON and text output, exit status, dry run and flags."""

import json

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from people.models import Employee, RosterImport
from tests.people.roster.helpers import (
    base_rows,
)


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
