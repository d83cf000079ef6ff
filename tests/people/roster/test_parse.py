"""Reading the file: unreadable files refused with a code, Excel's dialects read the same."""

import pytest

from people.models import Employee
from people.roster import COLUMNS, RosterFileError, roster_import
from tests.people.roster.helpers import (
    base_rows,
    person,
    snapshot,
    to_csv,
)


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
