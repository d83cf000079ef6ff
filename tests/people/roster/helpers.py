"""Building roster files for tests: people as dicts, CSV bytes, database snapshots."""

import csv
import io

from django.contrib.auth import get_user_model

from people.models import Employee, OrgUnit, RosterImport

User = get_user_model()
PASSWORD = "a-long-enough-password"


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
