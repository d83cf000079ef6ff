"""Stage four of a roster import: the writes, in one transaction, then the signal.

`roster_import` is the service the command and the admin upload call: it plans
(see `plan`), and unless the file is rejected or this is a dry run, applies the
plan, records the import and sends `people.signals.roster_applied`. Nothing is
written unless every row is valid. The file format, the counts and the rules
are described in docs/roster-import.md.
"""

import hashlib
import secrets
from collections import defaultdict
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.hashers import (
    UNUSABLE_PASSWORD_PREFIX,
    UNUSABLE_PASSWORD_SUFFIX_LENGTH,
)
from django.db import connection, transaction
from django.db.models import Case, Value, When
from django.db.models.functions import Cast

from lib.batching import chunks
from people.models import SEARCH_KEY_FIELDS, Employee, OrgUnit, RosterImport
from people.search import employee_search_key
from people.signals import roster_applied

from .parse import RosterRow
from .plan import RosterPlan, roster_plan
from .results import RosterResult

BATCH_SIZE = 1000


def roster_import(
    *,
    data: bytes,
    actor: AbstractBaseUser | None = None,
    filename: str = "",
    dry_run: bool = False,
    deactivate_missing: bool = False,
    allow_mass_deactivation: bool = False,
) -> RosterResult:
    """Check the roster CSV in `data` and, unless rejected or a dry run, apply it."""
    with transaction.atomic():
        plan = roster_plan(
            data=data,
            deactivate_missing=deactivate_missing,
            allow_mass_deactivation=allow_mass_deactivation,
        )
        result = plan.result
        if result.errors or dry_run:
            return result
        _Writer(plan).apply()
        result.import_record = RosterImport.objects.create(
            imported_by=actor if actor is not None and actor.is_authenticated else None,
            filename=filename[:255],
            sha256=hashlib.sha256(data).hexdigest(),
            row_count=result.row_count,
            created=result.created,
            updated=result.updated,
            deactivated=result.deactivated,
            unchanged=result.unchanged,
            options={
                "deactivate_missing": deactivate_missing,
                "allow_mass_deactivation": allow_mass_deactivation,
            },
        )
        result.applied = True
        roster_applied.send(sender=RosterImport, import_record=result.import_record)
    return result


class _Writer:
    """Carries out one plan: units first, then people, then their managers."""

    def __init__(self, plan: RosterPlan) -> None:
        self.plan = plan
        self.units = plan.parsed.units
        self.role_pks = plan.org.role_pks

    def apply(self) -> None:
        self._apply_units()
        unit_pks = dict(OrgUnit.objects.values_list("code", "pk"))
        number_pks = {number: old.pk for number, old in self.plan.org.employees.items()}
        self._create_employees(unit_pks, number_pks)
        self._update_employees(unit_pks)
        # Existing people's managers last: the new manager may be a new person.
        for batch in chunks(self.plan.manager_changes, BATCH_SIZE):
            _bulk_set(
                Employee,
                [
                    (number_pks[number], {"manager": number_pks.get(manager)})
                    for number, manager in batch
                ],
                ["manager"],
            )
        for batch in chunks(self.plan.missing, BATCH_SIZE):
            Employee.objects.filter(pk__in=[old.pk for old in batch]).update(
                is_active=False
            )
            get_user_model().objects.filter(
                pk__in=[old.user_id for old in batch]
            ).update(is_active=False)

    def _apply_units(self) -> None:
        plan = self.plan.units
        OrgUnit.objects.bulk_update(
            [OrgUnit(pk=pk, name=name) for pk, name in plan.renames],
            ["name"],
            batch_size=BATCH_SIZE,
        )
        # Shallowest first, so every parent is in place before its children
        # arrive; treebeard keeps siblings sorted by name and shifts paths, so
        # each node is fetched fresh rather than reused.
        for _depth, name, code, op in plan.ops:
            parent = self.units[code].parent
            if op == "move":
                node = OrgUnit.objects.get(code=code)
                if parent:
                    node.move(OrgUnit.objects.get(code=parent), "sorted-child")
                else:
                    node.move(OrgUnit.get_first_root_node(), "sorted-sibling")
                continue
            if parent:
                node = OrgUnit.objects.get(code=parent).add_child(code=code, name=name)
            else:
                node = OrgUnit.add_root(code=code, name=name)
            if code in plan.subtree_roots:
                self._create_subtree(node)

    def _create_subtree(self, root: OrgUnit) -> None:
        children = self.plan.units.children
        nodes: list[OrgUnit] = []
        level = [(root.code, root.path, root.depth)]
        while level:
            below = []
            for code, path, depth in level:
                kids = sorted(
                    children.get(code, ()), key=lambda c: (self.units[c].name, c)
                )
                for step, child in enumerate(kids, start=1):
                    child_path = OrgUnit._get_path(path, depth + 1, step)
                    nodes.append(
                        OrgUnit(
                            code=child,
                            name=self.units[child].name,
                            path=child_path,
                            depth=depth + 1,
                            numchild=len(children.get(child, ())),
                        )
                    )
                    below.append((child, child_path, depth + 1))
            level = below
        OrgUnit.objects.bulk_create(nodes, batch_size=BATCH_SIZE)
        OrgUnit.objects.filter(pk=root.pk).update(
            numchild=len(children.get(root.code, ()))
        )

    def _levels(self) -> list[list[RosterRow]]:
        """New people in levels: every new manager one level above their reports."""
        new = {row.number: row for row in self.plan.new_rows}
        level: dict[str, int] = {}
        for row in self.plan.new_rows:
            chain, number = [], row.number
            while number in new and number not in level:
                chain.append(number)
                number = new[number].manager_number
            depth = level.get(number, -1)
            for number in reversed(chain):
                depth += 1
                level[number] = depth
        levels: dict[int, list[RosterRow]] = defaultdict(list)
        for row in self.plan.new_rows:
            levels[level[row.number]].append(row)
        return [levels[depth] for depth in sorted(levels)]

    def _create_employees(
        self, unit_pks: dict[str, int], number_pks: dict[str, int]
    ) -> None:
        # New people are inserted level by level down the reporting line, each
        # with their manager already set: a second pass of bulk_update over
        # every new row would cost more than all the inserts together.
        user_model = get_user_model()
        for batch in (
            batch for rows in self._levels() for batch in chunks(rows, BATCH_SIZE)
        ):
            users = user_model.objects.bulk_create(
                [
                    user_model(
                        username=row.number,
                        first_name=row.first_name,
                        last_name=row.last_name,
                        email=row.email,
                        is_active=row.is_active,
                        password=_unusable_password(),
                    )
                    for row in batch
                ]
            )
            if any(user.pk is None for user in users):  # backends without RETURNING
                pks = dict(
                    user_model.objects.filter(
                        username__in=[r.number for r in batch]
                    ).values_list("username", "pk")
                )
                for user in users:
                    user.pk = pks[user.username]
            employees = Employee.objects.bulk_create(
                [
                    Employee(
                        user_id=user.pk,
                        employee_number=row.number,
                        first_name=row.first_name,
                        last_name=row.last_name,
                        preferred_name=row.preferred_name,
                        email=row.email,
                        job_title=row.job_title,
                        org_unit_id=unit_pks[row.unit_code],
                        role_profile_id=self.role_pks.get(row.role_code or ""),
                        manager_id=number_pks.get(row.manager_number),
                        hire_date=row.hire_date,
                        is_active=row.is_active,
                    )
                    for row, user in zip(batch, users, strict=True)
                ]
            )
            if any(employee.pk is None for employee in employees):
                number_pks.update(
                    Employee.objects.filter(
                        employee_number__in=[r.number for r in batch]
                    ).values_list("employee_number", "pk")
                )
            else:
                number_pks.update((e.employee_number, e.pk) for e in employees)

    def _update_employees(self, unit_pks: dict[str, int]) -> None:
        user_model = get_user_model()
        account_fields = ["first_name", "last_name", "email", "is_active"]
        for batch in chunks(self.plan.updates, BATCH_SIZE):
            employees, users, changed = [], [], set()
            renamed = []
            for row, old, fields, account in batch:
                if fields & SEARCH_KEY_FIELDS:
                    key = employee_search_key(
                        first_name=row.first_name,
                        last_name=row.last_name,
                        preferred_name=row.preferred_name,
                        employee_number=row.number,
                    )
                    renamed.append((old.pk, {"search_key": key}))
                if fields - {"manager", "account"}:
                    values = {name: getattr(row, name) for name in _PLAIN_FIELDS}
                    values["org_unit"] = unit_pks[row.unit_code]
                    values["role_profile"] = (
                        old.role_profile_id
                        if row.role_code is None
                        else self.role_pks.get(row.role_code)
                    )
                    employees.append((old.pk, values))
                    changed |= fields - {"manager", "account"}
                if account:
                    users.append(
                        (
                            old.user_id,
                            {name: getattr(row, name) for name in account_fields},
                        )
                    )
            _bulk_set(Employee, employees, sorted(changed))
            # Apart, and only for renamed people: keys are one per person, so
            # in the UPDATE above they would add a CASE branch for everyone.
            _bulk_set(Employee, renamed, ["search_key"])
            _bulk_set(user_model, users, account_fields)


_PLAIN_FIELDS = (
    "first_name",
    "last_name",
    "preferred_name",
    "email",
    "job_title",
    "hire_date",
    "is_active",
)


def _bulk_set(
    model, updates: list[tuple[int, dict[str, Any]]], fields: list[str]
) -> None:
    """One UPDATE for a batch: per field, a CASE with a branch per distinct value."""
    # Django's bulk_update builds one WHEN per object and field and resolves
    # each as its own filter: 20 s for 34,000 changed job titles. People who
    # change together mostly share their new values (a title, a unit, a
    # manager), so one branch per value is many times cheaper.
    if not updates or not fields:
        return
    assignments = {}
    for name in fields:
        field = model._meta.get_field(name)
        groups: dict[Any, list[int]] = defaultdict(list)
        for pk, values in updates:
            groups[values[name]].append(pk)
        if len(groups) == 1:
            assignments[field.attname] = Value(next(iter(groups)), output_field=field)
        else:
            case = Case(
                *(
                    When(pk__in=pks, then=Value(value, output_field=field))
                    for value, pks in groups.items()
                ),
                output_field=field,
            )
            # PostgreSQL types a CASE of parameters as text; Django casts too.
            if connection.features.requires_casted_case_in_updates:
                case = Cast(case, output_field=field)
            assignments[field.attname] = case
    model.objects.filter(pk__in=[pk for pk, _ in updates]).update(**assignments)


def _unusable_password() -> str:
    """What make_password(None) returns, minus its per-character random choices."""
    # make_password(None) draws 40 characters one secrets.choice at a time:
    # 5 s of a 40,000-row import. The format (prefix + 40 random characters)
    # is the same, so has_usable_password() and reset tokens work as usual.
    return UNUSABLE_PASSWORD_PREFIX + secrets.token_hex(
        UNUSABLE_PASSWORD_SUFFIX_LENGTH // 2
    )
