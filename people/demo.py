"""Demo organisation for `seed_demo`: a small slice of a city, idempotent.

The people issue grows this into eight divisions and ~300 employees; the four
demo accounts (employee, manager, trainer, admin) are always placed in it.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from .models import Employee, OrgUnit, RoleProfile

ROLE_PROFILES = [
    (
        "CSR",
        "Customer service representative",
        "Answers residents' calls, chats and emails.",
    ),
    (
        "TEAMLEAD",
        "People leader",
        "Leads a team day to day: coaching, scheduling, quality.",
    ),
    ("LND", "Learning specialist", "Designs and delivers staff training."),
]

# (code, name, parent code)
ORG_UNITS = [
    ("DIV-311", "311 Contact Centre", None),
    ("SEC-311-CX", "Customer Experience", "DIV-311"),
    ("TM-311-A", "Front Line Team A", "SEC-311-CX"),
    ("TM-311-B", "Front Line Team B", "SEC-311-CX"),
    ("DIV-PEQ", "People and Equity", None),
    ("SEC-PEQ-LND", "Learning and Development", "DIV-PEQ"),
]


@dataclass(frozen=True)
class DemoPerson:
    username: str | None
    number: str
    first: str
    last: str
    title: str
    unit: str
    role: str
    manager: str | None = None
    heads: str | None = None
    group: str | None = None
    superuser: bool = False


PEOPLE = [
    DemoPerson(
        None,
        "100001",
        "Grace",
        "Oyelaran",
        "Director, 311 Contact Centre",
        "DIV-311",
        "TEAMLEAD",
        heads="DIV-311",
    ),
    DemoPerson(
        None,
        "100002",
        "Luc",
        "Bergeron",
        "Manager, Customer Experience",
        "SEC-311-CX",
        "TEAMLEAD",
        manager="100001",
        heads="SEC-311-CX",
    ),
    DemoPerson(
        "manager",
        "100003",
        "Daniel",
        "Tremblay",
        "Team Lead, Front Line Team A",
        "TM-311-A",
        "TEAMLEAD",
        manager="100002",
        heads="TM-311-A",
    ),
    DemoPerson(
        "employee",
        "100004",
        "Priya",
        "Raman",
        "Customer Service Representative",
        "TM-311-A",
        "CSR",
        manager="100003",
    ),
    DemoPerson(
        None,
        "100005",
        "Mateo",
        "Alvarez",
        "Customer Service Representative",
        "TM-311-A",
        "CSR",
        manager="100003",
    ),
    DemoPerson(
        None,
        "100006",
        "Aisha",
        "Mohammed",
        "Team Lead, Front Line Team B",
        "TM-311-B",
        "TEAMLEAD",
        manager="100002",
        heads="TM-311-B",
    ),
    DemoPerson(
        None,
        "100007",
        "Wei",
        "Chen",
        "Customer Service Representative",
        "TM-311-B",
        "CSR",
        manager="100006",
    ),
    DemoPerson(
        None,
        "100008",
        "Fatima",
        "Haddad",
        "Director, People and Equity",
        "DIV-PEQ",
        "TEAMLEAD",
        heads="DIV-PEQ",
    ),
    DemoPerson(
        "admin",
        "100009",
        "Kenji",
        "Watanabe",
        "Manager, Learning and Development",
        "SEC-PEQ-LND",
        "TEAMLEAD",
        manager="100008",
        heads="SEC-PEQ-LND",
        group="L&D admins",
        superuser=True,
    ),
    DemoPerson(
        "trainer",
        "100010",
        "Marisol",
        "Vega",
        "Learning Specialist",
        "SEC-PEQ-LND",
        "LND",
        manager="100009",
        group="Trainers",
    ),
]

DEMO_USERNAMES = ["employee", "manager", "trainer", "admin"]


def _ensure_units() -> dict[str, OrgUnit]:
    units = {
        unit.code: unit
        for unit in OrgUnit.objects.filter(code__in=[c for c, _n, _p in ORG_UNITS])
    }
    for code, name, parent_code in ORG_UNITS:
        if code in units:
            continue
        if parent_code is None:
            units[code] = OrgUnit.add_root(code=code, name=name)
        else:
            units[code] = OrgUnit.objects.get(pk=units[parent_code].pk).add_child(
                code=code, name=name
            )
    return units


def _ensure_user(person: DemoPerson, password: str):
    user_model = get_user_model()
    username = person.username or f"e{person.number}"
    user, created = user_model.objects.get_or_create(
        username=username,
        defaults={
            "first_name": person.first,
            "last_name": person.last,
            "email": f"{person.first}.{person.last}@city.example".lower(),
            "is_superuser": person.superuser,
            "is_staff": person.superuser,
        },
    )
    if person.username and not user.check_password(password):
        user.set_password(password)
        user.save(update_fields=["password"])
    elif created and not person.username:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    if person.group:
        user.groups.add(Group.objects.get(name=person.group))
    return user


@transaction.atomic
def people_demo_seed(*, password: str) -> None:
    """Create the demo organisation and the four demo accounts (idempotent)."""
    roles = {}
    for code, name, description in ROLE_PROFILES:
        roles[code], _ = RoleProfile.objects.get_or_create(
            code=code, defaults={"name": name, "description": description}
        )
    units = _ensure_units()
    employees: dict[str, Employee] = {}
    for person in PEOPLE:
        user = _ensure_user(person, password)
        employee, _ = Employee.objects.get_or_create(
            employee_number=person.number,
            defaults={
                "user": user,
                "first_name": person.first,
                "last_name": person.last,
                "email": user.email,
                "job_title": person.title,
                "org_unit": units[person.unit],
                "role_profile": roles[person.role],
                "manager": employees.get(person.manager) if person.manager else None,
                "hire_date": datetime.date(2019, 4, 1),
            },
        )
        employees[person.number] = employee
        if person.heads and units[person.heads].head_id != employee.pk:
            OrgUnit.objects.filter(code=person.heads).update(head=employee)
