"""XLSX cells keep their types: text stays text (no CSV apostrophe), percentages
are numbers shown as % (issue 13, item 15 c and d)."""

import io
import zipfile

from django.urls import reverse

import pytest
from openpyxl import load_workbook

from reports.exports import stream_csv, xlsx_response
from skills.models import Assessment
from skills.services import levels_refresh
from tests.people.factories import EmployeeFactory
from tests.skills.factories import make_category, make_role, make_skill, set_target

UNITS = reverse("reports:team-skills-units")
PEOPLE = reverse("reports:team-people")


def _sheet(content: bytes):
    return load_workbook(io.BytesIO(content)).active


def test_xlsx_writes_formula_like_text_as_plain_text_without_an_apostrophe():
    rows = [[1, "=1+1", "Zoë"], [2, "@here", "bell\x07"]]
    response = xlsx_response("team.xlsx", ["n", "value", "name"], rows)
    sheet = _sheet(response.content)
    assert [list(r) for r in sheet.iter_rows(values_only=True)] == [
        ["n", "value", "name"],
        [1, "=1+1", "Zoë"],
        [2, "@here", "bell"],
    ]
    assert [c.data_type for c in sheet[2]] == ["n", "s", "s"]
    # No formula anywhere in the file that a spreadsheet would evaluate.
    with zipfile.ZipFile(io.BytesIO(response.content)) as xlsx:
        assert b"<f>" not in xlsx.read("xl/worksheets/sheet1.xml")


def test_csv_still_neutralises_with_the_apostrophe():
    response = stream_csv("team.csv", ["value"], [["=1+1"]])
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[1] == "'=1+1"


@pytest.mark.django_db
def test_my_team_people_xlsx_shows_a_formula_like_name_as_typed(
    client_for, org, manager, employee
):
    EmployeeFactory(
        first_name="=Mallory",
        last_name="+1",
        manager=manager.employee,
        org_unit=org["team_a"],
    )
    content = client_for(manager).get(PEOPLE, {"format": "xlsx"}).content
    names = [row[1] for row in _sheet(content).iter_rows(min_row=2, values_only=True)]
    assert "=Mallory +1" in names
    assert not any(str(name).startswith("'") for name in names)


@pytest.fixture
def unit_of_five(org, manager):
    """Five CSRs in team A with a Data literacy target of 2; three reach it."""
    role = make_role()
    skill = make_skill("Data literacy", category=make_category("Data"))
    set_target(role, skill, 2)
    people = [
        EmployeeFactory(
            manager=manager.employee, org_unit=org["team_a"], role_profile=role
        )
        for _ in range(5)
    ]
    for person, level in zip(people, [2, 3, 4, 1, 0], strict=True):
        Assessment.objects.create(
            employee=person, skill=skill, kind="manager", level=level
        )
    levels_refresh(pairs=[(p.pk, skill.pk) for p in people])
    return skill


@pytest.mark.django_db
def test_units_xlsx_percent_is_a_number_formatted_as_a_percentage(
    client_for, manager, unit_of_five
):
    client = client_for(manager)
    sheet = _sheet(client.get(UNITS, {"format": "xlsx"}).content)
    header = [c.value for c in sheet[1]]
    row = {c.column_letter: c for c in sheet[2]}
    people, percent = row["E"], row["F"]
    assert header[4:] == ["People with this target", "% at or above target"]
    assert (people.value, people.data_type) == (5, "n")
    assert (percent.value, percent.data_type, percent.number_format) == (
        0.6,
        "n",
        "0%",
    )
    # The CSV keeps the whole number under the same "%" header.
    lines = (
        b"".join(client.get(UNITS, {"format": "csv"}).streaming_content)
        .decode()
        .splitlines()
    )
    assert lines[1].endswith(",Data literacy,5,60")
