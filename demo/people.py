"""Demo organisation for `seed_demo`, loaded through the roster import.

`people_demo_seed()` takes a plan (`demo.org_plan`: the city in
demo/content/people/city.csv, or a generated organisation for load tests), writes
the people the database lacks as a roster file and imports it with
`people.roster.roster_import`, as an L&D admin would. Running again with the same
plan imports nothing. Running with another plan (or over an older demo) adds that
plan's missing units and people next to what is there: a unit that exists keeps
its name and parent, a person who exists is left as they are, and an empty head or
manager is filled but a set one is never replaced. Mixing sizes therefore gives the
union of both plans; start from an empty database for a clean org.
"""

import csv
import io
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Max

from people.models import Employee, OrgUnit
from people.roster import COLUMNS, OPTIONAL_COLUMNS, roster_import
from skills.framework_defaults import role_profiles_load_default

from .content_files import content_read
from .org_plan import CITY_FILE, PersonSpec, UnitSpec, city_plan, large_plan

ACCOUNTS = content_read("people/accounts.toml")["accounts"]
DEMO_USERNAMES = [account["username"] for account in ACCOUNTS]
MIN_HEADCOUNT = 100
MAX_HEADCOUNT = 200_000
BATCH_SIZE = 1000


class DemoRosterError(Exception):
    """The roster import refused the demo's file (the plan and the data disagree)."""


@dataclass
class DemoSeedResult:
    units_created: int
    people_created: int
    units_total: int
    people_total: int
    max_depth: int


def demo_plan(
    *, employees: int | None = None
) -> tuple[list[UnitSpec], list[PersonSpec]]:
    """The units (parents first) and people (managers first) a run would create."""
    if employees is None:
        units, people = city_plan()
        return list(units), list(people)
    return large_plan(employees)


def _db_units() -> dict[str, tuple[str, str]]:
    """Every unit already there: code -> (name, parent code)."""
    rows = list(OrgUnit.objects.values_list("code", "name", "path"))
    code_at = {path: code for code, _name, path in rows}
    return {
        code: (name, code_at.get(path[: -OrgUnit.steplen], ""))
        for code, name, path in rows
    }


def _free_email(email: str, taken: set[str]) -> str:
    """`email`, or the next numbered address when someone already has it."""
    local, _, domain = email.partition("@")
    candidate, count = email, 1
    while candidate.lower() in taken:
        count += 1
        candidate = f"{local}{count}@{domain}"
    taken.add(candidate.lower())
    return candidate


def roster_file(units: list[UnitSpec], people: list[PersonSpec]) -> bytes:
    """The plan's people missing from the database, in the roster import's format.

    Units already there are written as they are, so the import renames and
    moves nothing; addresses already taken get the next number.
    """
    existing = set(Employee.objects.values_list("employee_number", flat=True))
    missing = [person for person in people if person.number not in existing]
    if not missing:
        return b""
    db_units = _db_units()
    planned = {unit.code: (unit.name, unit.parent or "") for unit in units}
    taken = {e.lower() for e in Employee.objects.values_list("email", flat=True)}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*COLUMNS, *OPTIONAL_COLUMNS])
    for person in missing:
        name, parent = db_units.get(person.unit) or planned[person.unit]
        writer.writerow(
            [
                person.number,
                person.first,
                person.last,
                person.preferred,
                _free_email(person.email, taken),
                person.title,
                person.unit,
                name,
                parent,
                person.manager or "",
                person.hired.isoformat(),
                "active",
                person.role,
            ]
        )
    return out.getvalue().encode()


def _fill_managers(people: list[PersonSpec], pks: dict[str, int]) -> None:
    """Give the plan's manager to people already there without one."""
    empty = set(
        Employee.objects.filter(manager=None).values_list("employee_number", flat=True)
    )
    orphans = [
        Employee(pk=pks[p.number], manager_id=pks[p.manager])
        for p in people
        if p.number in empty and p.manager in pks
    ]
    Employee.objects.bulk_update(orphans, ["manager"], batch_size=BATCH_SIZE)


def _fill_heads(units: list[UnitSpec], pks: dict[str, int]) -> None:
    """Give the plan's head to units without one (the roster format has no heads)."""
    headless = {
        unit.code: unit for unit in OrgUnit.objects.filter(head=None).only("code")
    }
    filled = []
    for spec in units:
        unit = headless.get(spec.code)
        if unit is not None and spec.head in pks:
            unit.head_id = pks[spec.head]
            filled.append(unit)
    OrgUnit.objects.bulk_update(filled, ["head"], batch_size=BATCH_SIZE)


def _ensure_demo_accounts(password: str) -> None:
    """Name the four demo accounts, give them the password and their group."""
    employees = Employee.objects.select_related("user").in_bulk(
        [account["employee_number"] for account in ACCOUNTS],
        field_name="employee_number",
    )
    taken = set(
        get_user_model()
        .objects.filter(username__in=DEMO_USERNAMES)
        .values_list("username", flat=True)
    )
    for account in ACCOUNTS:
        employee = employees.get(account["employee_number"])
        if employee is None:
            continue
        user, username = employee.user, account["username"]
        changed = []
        if user.username != username and username not in taken:
            user.username = username  # the roster named it by employee number
            changed.append("username")
        superuser = account.get("superuser", False)
        if superuser and not (user.is_superuser and user.is_staff):
            user.is_superuser = user.is_staff = True
            changed += ["is_superuser", "is_staff"]
        if not user.check_password(password):
            user.set_password(password)
            changed.append("password")
        if changed:
            user.save(update_fields=changed)
        group = account.get("group")
        if group and not user.groups.filter(name=group).exists():
            user.groups.add(Group.objects.get(name=group))


@transaction.atomic
def people_demo_seed(*, password: str, employees: int | None = None) -> DemoSeedResult:
    """Create the demo organisation and the four demo accounts (idempotent).

    `employees=None` builds the 300-person city; a number builds a generated
    organisation of that many people for load testing.
    """
    if employees is not None and not MIN_HEADCOUNT <= employees <= MAX_HEADCOUNT:
        raise ValueError(
            f"employees must be between {MIN_HEADCOUNT} and {MAX_HEADCOUNT}"
        )
    role_profiles_load_default()
    units, people = demo_plan(employees=employees)
    units_before = OrgUnit.objects.count()
    created = 0
    data = roster_file(units, people)
    if data:
        name = CITY_FILE if employees is None else f"seed_demo --employees {employees}"
        result = roster_import(data=data, filename=name)
        if result.errors:
            first = "; ".join(
                f"line {e.line} {e.column}: {e.message}" for e in result.errors[:5]
            )
            raise DemoRosterError(f"The demo roster did not import: {first}")
        created = result.created
    pks = dict(Employee.objects.values_list("employee_number", "pk"))
    _fill_managers(people, pks)
    _fill_heads(units, pks)
    _ensure_demo_accounts(password)
    units_total = OrgUnit.objects.count()
    return DemoSeedResult(
        units_created=units_total - units_before,
        people_created=created,
        units_total=units_total,
        people_total=len(pks),
        max_depth=OrgUnit.objects.aggregate(depth=Max("depth"))["depth"] or 0,
    )
