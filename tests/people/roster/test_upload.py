"""The admin upload's preview of a rejected file."""

import io
import re

from django.urls import reverse

import pytest

from people.models import Employee, RosterImport
from people.roster import roster_import
from tests.people.roster.helpers import (
    base_rows,
    to_csv,
)


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


@pytest.mark.django_db
def test_the_confirm_applies_the_previewed_file_with_its_options(ld_admin, client):
    roster_import(data=to_csv(base_rows()))
    rows = [row for row in base_rows() if row["employee_number"] != "1006"]
    upload = io.BytesIO(to_csv(rows))
    upload.name = "roster.csv"
    client.force_login(ld_admin)
    options = {"deactivate_missing": "on", "allow_mass_deactivation": "on"}

    preview = client.post(reverse("roster_upload:index"), {"file": upload, **options})

    assert "Preview of roster.csv" in preview.text
    assert Employee.objects.get(employee_number="1006").is_active
    confirm = preview.context["confirm_form"].initial
    expected = preview.context["result"].deactivated

    client.post(reverse("roster_upload:index"), confirm)

    record = RosterImport.objects.latest("pk")
    assert record.options == {
        "deactivate_missing": True,
        "allow_mass_deactivation": True,
    }
    assert (record.filename, record.deactivated) == ("roster.csv", expected)
    assert not Employee.objects.get(employee_number="1006").is_active
