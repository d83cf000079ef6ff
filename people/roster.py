"""HR roster import: check a whole CSV file, then apply it in one transaction.

The file is the truth for everyone it lists: their names, unit, manager, role
profile and whether they are active. People it does not list are kept (or, on
request, deactivated). Nothing is written unless every row is valid. The file
format, the counts and the rules are described in docs/roster-import.md.
"""

import csv
import datetime
import hashlib
import io
import re
import secrets
import sys
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.hashers import (
    UNUSABLE_PASSWORD_PREFIX,
    UNUSABLE_PASSWORD_SUFFIX_LENGTH,
)
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import connection, transaction
from django.db.models import Case, Value, When
from django.db.models.functions import Cast

from .models import SEARCH_KEY_FIELDS, Employee, OrgUnit, RoleProfile, RosterImport
from .search import employee_search_key
from .signals import roster_applied

COLUMNS = (
    "employee_number",
    "first_name",
    "last_name",
    "preferred_name",
    "email",
    "job_title",
    "org_unit_code",
    "org_unit_name",
    "parent_org_unit_code",
    "manager_employee_number",
    "hire_date",
    "status",
)
OPTIONAL_COLUMNS = ("role_profile",)
REQUIRED_VALUES = (
    "employee_number",
    "first_name",
    "last_name",
    "email",
    "org_unit_code",
    "org_unit_name",
    "status",
)
BATCH_SIZE = 1000
# A truncated or wrong file would otherwise lock thousands of people out at once.
MASS_DEACTIVATION_PERCENT = 5

_MAX_LENGTHS = {
    "employee_number": Employee._meta.get_field("employee_number").max_length,
    "first_name": Employee._meta.get_field("first_name").max_length,
    "last_name": Employee._meta.get_field("last_name").max_length,
    "preferred_name": Employee._meta.get_field("preferred_name").max_length,
    "email": Employee._meta.get_field("email").max_length,
    "job_title": Employee._meta.get_field("job_title").max_length,
    "org_unit_code": OrgUnit._meta.get_field("code").max_length,
    "org_unit_name": OrgUnit._meta.get_field("name").max_length,
    "parent_org_unit_code": OrgUnit._meta.get_field("code").max_length,
    "manager_employee_number": Employee._meta.get_field("employee_number").max_length,
}
# The employee number becomes the username, so it must be a valid one.
_EMPLOYEE_NUMBER = re.compile(r"^[\w.@+-]+\Z")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}\Z")


@dataclass(frozen=True)
class RosterError:
    """One problem with the file; line 0 means the file as a whole."""

    line: int
    column: str
    value: str
    message: str


@dataclass(frozen=True)
class RosterChange:
    """What an import does (or would do) to one employee."""

    line: int  # 0 for people deactivated because the file leaves them out
    employee_number: str
    action: str  # "create" | "update" | "deactivate"
    fields: tuple[str, ...]
    name: str


@dataclass
class RosterResult:
    """The outcome of an import or a dry run; counts are zero when rejected."""

    created: int = 0
    updated: int = 0
    deactivated: int = 0
    unchanged: int = 0
    errors: list[RosterError] = field(default_factory=list)
    changes: list[RosterChange] = field(default_factory=list)
    applied: bool = False
    import_record: RosterImport | None = None
    row_count: int = 0
    units_created: int = 0
    units_updated: int = 0  # renamed or moved

    def as_summary(self) -> dict[str, Any]:
        return {
            "created": self.created,
            "updated": self.updated,
            "deactivated": self.deactivated,
            "unchanged": self.unchanged,
            "errors": [asdict(error) for error in self.errors],
        }


class RosterFileError(Exception):
    """The file cannot be read as a roster at all (encoding, empty, header)."""

    def __init__(self, message: str, *, code: str, line: int = 1, column: str = ""):
        super().__init__(message)
        self.message = message
        self.code = code
        self.line = line
        self.column = column

    def as_error(self) -> RosterError:
        return RosterError(self.line, self.column, "", self.message)


@dataclass(slots=True)
class _Row:
    line: int
    number: str
    first_name: str
    last_name: str
    preferred_name: str
    email: str
    job_title: str
    unit_code: str
    unit_name: str
    parent_code: str
    manager_number: str
    hire_date: datetime.date | None
    is_active: bool
    role_code: str | None  # None when the file has no role_profile column

    @property
    def display_name(self) -> str:
        return f"{self.preferred_name or self.first_name} {self.last_name}"


@dataclass(slots=True)
class _UnitSpec:
    name: str
    parent: str
    line: int


@dataclass
class _UnitPlan:
    renames: list[tuple[int, str]] = field(default_factory=list)  # (pk, new name)
    # (final depth, name, code, "create" | "move"), applied shallowest first
    ops: list[tuple[int, str, str, str]] = field(default_factory=list)
    subtree_roots: set[str] = field(default_factory=set)  # new, with only new below
    children: dict[str, list[str]] = field(default_factory=dict)


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
    text = _decode(data)
    with transaction.atomic():
        state = _State(
            text,
            deactivate_missing=deactivate_missing,
            allow_mass_deactivation=allow_mass_deactivation,
        )
        result = state.result
        if result.errors or dry_run:
            return result
        state.apply()
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


def _decode(data: bytes) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise RosterFileError(
            f"The file is not UTF-8 text (line {line}); save it as “CSV UTF-8”.",
            code="not_utf8",
            line=line,
        ) from exc
    if not text.strip():
        raise RosterFileError("The file is empty.", code="empty")
    return text


def _chunks(items: Sequence, size: int = BATCH_SIZE) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class _State:
    """One import: the file's rows, what the database holds, and the plan."""

    def __init__(
        self, text: str, *, deactivate_missing: bool, allow_mass_deactivation: bool
    ):
        self.result = RosterResult()
        self.errors: list[RosterError] = []
        self.rows: list[_Row] = []
        self.units: dict[str, _UnitSpec] = {}
        self.first_line: dict[str, int] = {}  # employee number -> line
        self._prefetch()
        self._parse(text)
        self._check_units()
        self._check_managers()
        self._check_emails()
        if not self.errors:
            self.unit_plan = self._plan_units()
            self._plan_employees(deactivate_missing, allow_mass_deactivation)
        self.errors.sort(key=lambda error: error.line)
        if self.errors:
            # Rejected: nothing happened, so nothing is counted.
            self.result = RosterResult(errors=self.errors, row_count=len(self.rows))

    # --- reading ---------------------------------------------------------------

    def _prefetch(self) -> None:
        # A handful of queries whatever the size of the file or the organisation.
        self.role_pks = dict(RoleProfile.objects.values_list("code", "pk"))
        self.db_units = {
            code: (pk, path, name)
            for pk, code, path, name in OrgUnit.objects.values_list(
                "pk", "code", "path", "name"
            )
        }
        self.unit_code_by_path = {
            path: code for code, (_, path, _) in self.db_units.items()
        }
        self.unit_code_by_pk = {pk: code for code, (pk, _, _) in self.db_units.items()}
        self.existing = {
            e.employee_number: e
            for e in Employee.objects.values_list(
                "pk",
                "employee_number",
                "user_id",
                "first_name",
                "last_name",
                "preferred_name",
                "email",
                "job_title",
                "org_unit_id",
                "role_profile_id",
                "manager_id",
                "hire_date",
                "is_active",
                named=True,
            )
        }
        self.number_by_pk = {e.pk: number for number, e in self.existing.items()}
        self.users = {
            u.pk: u
            for u in get_user_model().objects.values_list(
                "pk",
                "username",
                "first_name",
                "last_name",
                "email",
                "is_active",
                named=True,
            )
        }
        self.usernames = {u.username for u in self.users.values()}

    def _parse(self, text: str) -> None:
        newline = text.find("\n")
        header_line = text if newline < 0 else text[:newline]
        delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            header = next(reader)
            index = self._read_header(header)
            start = reader.line_num + 1
            for cells in reader:
                line, start = start, reader.line_num + 1
                if any(cell.strip() for cell in cells):
                    self._read_row(line, cells, index, len(header))
        except csv.Error as exc:
            raise RosterFileError(
                f"The file is not valid CSV: {exc}.",
                code="bad_csv",
                line=reader.line_num,
            ) from exc
        if not self.rows and not self.errors:
            raise RosterFileError("The file has a header but no rows.", code="no_rows")

    def _read_header(self, header: list[str]) -> dict[str, int]:
        names = [name.strip().lower() for name in header]
        index: dict[str, int] = {}
        for position, name in enumerate(names):
            if name in COLUMNS or name in OPTIONAL_COLUMNS:
                if name in index:
                    raise RosterFileError(
                        f"The header names the column {name} twice.",
                        code="duplicate_column",
                        column=name,
                    )
                index[name] = position
        missing = [name for name in COLUMNS if name not in index]
        if missing:
            unknown = [
                h.strip() for h, n in zip(header, names, strict=True) if n not in index
            ]
            message = f"The header is missing these columns: {', '.join(missing)}."
            if unknown:
                message += f" Columns not recognised: {', '.join(unknown)}."
            raise RosterFileError(message, code="missing_columns", column=missing[0])
        return index

    def _error(self, line: int, column: str, value: str, message: str) -> None:
        self.errors.append(RosterError(line, column, value, message))

    def _read_row(
        self, line: int, cells: list[str], index: dict[str, int], width: int
    ) -> None:
        if len(cells) != width and (
            len(cells) < width or any(cell.strip() for cell in cells[width:])
        ):
            self._error(
                line,
                "",
                "",
                f"This row has {len(cells)} values but the header has {width} columns; "
                "is a value with a comma or semicolon missing its quotes?",
            )
            return
        values = {name: cells[position].strip() for name, position in index.items()}
        before = len(self.errors)
        for name in REQUIRED_VALUES:
            if not values[name]:
                self._error(line, name, "", f"{name} is required.")
        for name, limit in _MAX_LENGTHS.items():
            if len(values[name]) > limit:
                self._error(
                    line,
                    name,
                    values[name],
                    f"{name} is longer than {limit} characters.",
                )

        number = values["employee_number"]
        if number and not _EMPLOYEE_NUMBER.match(number):
            self._error(
                line,
                "employee_number",
                number,
                "Employee numbers may contain only letters, digits and . @ + - _ "
                "(they become usernames).",
            )
        elif number in self.first_line:
            self._error(
                line,
                "employee_number",
                number,
                f"Employee number {number} is already used on line "
                f"{self.first_line[number]}.",
            )
        elif number:
            self.first_line[number] = line
            if number not in self.existing and number in self.usernames:
                self._error(
                    line,
                    "employee_number",
                    number,
                    f"Cannot create an account for {number}: the username {number} "
                    "is already taken by another account.",
                )

        email = values["email"]
        if email:
            try:
                validate_email(email)
            except ValidationError:
                self._error(
                    line, "email", email, f"'{email}' is not a valid email address."
                )

        hire_date = None
        if raw := values["hire_date"]:
            if not _DATE.match(raw):
                self._error(
                    line, "hire_date", raw, f"'{raw}' is not a date in YYYY-MM-DD form."
                )
            else:
                try:
                    hire_date = datetime.date.fromisoformat(raw)
                except ValueError:
                    self._error(line, "hire_date", raw, f"'{raw}' is not a real date.")

        status = values["status"].lower()
        if status and status not in ("active", "inactive"):
            self._error(
                line,
                "status",
                values["status"],
                f"Unknown status '{values['status']}'; use active or inactive.",
            )

        role_code = values.get("role_profile")
        if role_code and role_code not in self.role_pks:
            self._error(
                line, "role_profile", role_code, f"Unknown role profile '{role_code}'."
            )

        intern = sys.intern  # units, titles and roles repeat across thousands of rows
        row = _Row(
            line=line,
            number=number,
            first_name=values["first_name"],
            last_name=values["last_name"],
            preferred_name=values["preferred_name"],
            email=email,
            job_title=intern(values["job_title"]),
            unit_code=intern(values["org_unit_code"]),
            unit_name=intern(values["org_unit_name"]),
            parent_code=intern(values["parent_org_unit_code"]),
            manager_number=values["manager_employee_number"],
            hire_date=hire_date,
            is_active=status == "active",
            role_code=None if role_code is None else intern(role_code),
        )
        self.rows.append(row)
        unit_errors = {"org_unit_code", "org_unit_name", "parent_org_unit_code"}
        if not any(error.column in unit_errors for error in self.errors[before:]):
            self._read_unit(row)

    def _read_unit(self, row: _Row) -> None:
        spec = self.units.get(row.unit_code)
        if spec is None:
            self.units[row.unit_code] = _UnitSpec(
                row.unit_name, row.parent_code, row.line
            )
            return
        if spec.name != row.unit_name:
            self._error(
                row.line,
                "org_unit_name",
                row.unit_name,
                f"Unit {row.unit_code} is named '{spec.name}' on line {spec.line}; "
                "a unit has one name.",
            )
        if spec.parent != row.parent_code:
            self._error(
                row.line,
                "parent_org_unit_code",
                row.parent_code,
                f"Unit {row.unit_code} has parent '{spec.parent or '(none)'}' on line "
                f"{spec.line}; a unit has one parent.",
            )

    # --- checks across rows ----------------------------------------------------

    def _db_parent(self, code: str) -> str:
        path = self.db_units[code][1]
        return self.unit_code_by_path.get(path[: -OrgUnit.steplen], "")

    def _final_parent(self, code: str) -> str:
        spec = self.units.get(code)
        if spec is not None:
            return spec.parent
        return self._db_parent(code) if code in self.db_units else ""

    def _check_units(self) -> None:
        for row in self.rows:
            parent = row.parent_code
            if parent and parent not in self.units and parent not in self.db_units:
                self._error(
                    row.line,
                    "parent_org_unit_code",
                    parent,
                    f"Unknown parent unit {parent}: it is neither in the file nor in "
                    "the organisation.",
                )
        for cycle in _cycles(self.units, self._final_parent):
            for code in cycle:
                if code in self.units:
                    self._error(
                        self.units[code].line,
                        "parent_org_unit_code",
                        self.units[code].parent,
                        _cycle_message("Unit", cycle, code, "its own parent unit"),
                    )

    def _final_manager(self, number: str) -> str:
        line = self.first_line.get(number)
        if line is not None:
            return self.managers[number]
        old = self.existing.get(number)
        if old is None or old.manager_id is None:
            return ""
        return self.number_by_pk.get(old.manager_id, "")

    def _check_managers(self) -> None:
        self.managers = {}
        for row in self.rows:
            if self.first_line.get(row.number) == row.line:
                self.managers[row.number] = row.manager_number
            manager = row.manager_number
            if (
                manager
                and manager not in self.first_line
                and manager not in self.existing
            ):
                self._error(
                    row.line,
                    "manager_employee_number",
                    manager,
                    f"Unknown manager employee number {manager}.",
                )
        for cycle in _cycles(self.managers, self._final_manager):
            for number in cycle:
                if number in self.first_line:
                    self._error(
                        self.first_line[number],
                        "manager_employee_number",
                        self.managers[number],
                        _cycle_message("Manager", cycle, number, "their own manager"),
                    )

    def _check_emails(self) -> None:
        # One address, one person: password resets and reminders go by it. The
        # final state counts, so two people may swap addresses in one file.
        lines: defaultdict[str, list[_Row]] = defaultdict(list)
        for row in self.rows:
            if row.email:
                lines[row.email.lower()].append(row)
        for rows in lines.values():
            for row in rows:
                others = [other.line for other in rows if other is not row]
                if others:
                    self._error(
                        row.line,
                        "email",
                        row.email,
                        f"The email address {row.email} is also on "
                        f"{_lines(others)}; each employee needs their own.",
                    )
        for number, old in self.existing.items():
            if number in self.first_line or not old.email:
                continue  # their address is the file's now, checked above
            for row in lines.get(old.email.lower(), []):
                self._error(
                    row.line,
                    "email",
                    row.email,
                    f"The email address {row.email} is already the address of "
                    f"employee {number} ({old.preferred_name or old.first_name} "
                    f"{old.last_name}), who is not in this file.",
                )

    # --- planning --------------------------------------------------------------

    def _plan_units(self) -> _UnitPlan:
        plan = _UnitPlan()
        depth: dict[str, int] = {}

        def depth_of(code: str) -> int:
            chain = []
            while code and code not in depth:
                chain.append(code)
                code = self._final_parent(code)
            base = depth[code] if code else 0
            for offset, link in enumerate(reversed(chain), start=1):
                depth[link] = base + offset
            return depth[chain[0]] if chain else base

        new = [code for code in self.units if code not in self.db_units]
        for code in new:
            parent = self.units[code].parent
            plan.children.setdefault(parent, []).append(code)
        # A new unit is "all new" when everything that will hang below it is new
        # too; such a subtree is written in bulk with paths computed here.
        all_new = dict.fromkeys(new, True)
        for code in sorted(self.units, key=depth_of, reverse=True):
            parent = self.units[code].parent
            if parent in all_new and not all_new.get(code, False):
                all_new[parent] = False
        for code in new:
            parent = self.units[code].parent
            if not all_new.get(parent, False):
                plan.ops.append((depth_of(code), self.units[code].name, code, "create"))
                if all_new[code]:
                    plan.subtree_roots.add(code)
        for code, spec in self.units.items():
            if code in self.db_units:
                pk, _path, name = self.db_units[code]
                if spec.name != name:
                    plan.renames.append((pk, spec.name))
                if spec.parent != self._db_parent(code):
                    plan.ops.append((depth_of(code), spec.name, code, "move"))
        plan.ops.sort()
        self.result.units_created = len(new)
        self.result.units_updated = len(
            {pk for pk, _ in plan.renames}
            | {self.db_units[code][0] for *_, code, op in plan.ops if op == "move"}
        )
        return plan

    def _plan_employees(self, deactivate_missing: bool, allow_mass: bool) -> None:
        result = self.result
        self.new_rows: list[_Row] = []
        self.updates: list[tuple[_Row, Any, frozenset[str], bool]] = []
        self.manager_changes: list[tuple[str, str]] = []
        self.missing: list[Any] = []
        for row in self.rows:
            old = self.existing.get(row.number)
            if old is None:
                self.new_rows.append(row)
                result.created += 1
                result.changes.append(
                    RosterChange(row.line, row.number, "create", (), row.display_name)
                )
                continue
            fields = self._changed_fields(row, old)
            user = self.users[old.user_id]
            account = (user.first_name, user.last_name, user.email, user.is_active) != (
                row.first_name,
                row.last_name,
                row.email,
                row.is_active,
            )
            if "manager" in fields:
                self.manager_changes.append((row.number, row.manager_number))
            if account and not fields:
                fields = ("account",)
            if not fields:
                result.unchanged += 1
                continue
            self.updates.append((row, old, frozenset(fields), account))
            action = "deactivate" if old.is_active and not row.is_active else "update"
            if action == "deactivate":
                result.deactivated += 1
            else:
                result.updated += 1
            result.changes.append(
                RosterChange(
                    row.line, row.number, action, tuple(fields), row.display_name
                )
            )
        if deactivate_missing:
            for number, old in self.existing.items():
                if old.is_active and number not in self.first_line:
                    self.missing.append(old)
                    result.deactivated += 1
                    name = f"{old.preferred_name or old.first_name} {old.last_name}"
                    result.changes.append(
                        RosterChange(0, number, "deactivate", ("is_active",), name)
                    )
        active = sum(1 for old in self.existing.values() if old.is_active)
        if (
            not allow_mass
            and result.deactivated
            and result.deactivated * 100 > active * MASS_DEACTIVATION_PERCENT
        ):
            self._error(
                0,
                "",
                "",
                f"This import would deactivate {result.deactivated} of {active} active "
                f"employees ({result.deactivated * 100 / active:.1f}%), more than the "
                f"{MASS_DEACTIVATION_PERCENT}% allowed. Check that the file is "
                "complete, or allow mass deactivation.",
            )
        result.row_count = len(self.rows)

    def _changed_fields(self, row: _Row, old: Any) -> tuple[str, ...]:
        fields = [
            name
            for name in (
                "first_name",
                "last_name",
                "preferred_name",
                "email",
                "job_title",
            )
            if getattr(row, name) != getattr(old, name)
        ]
        if self.unit_code_by_pk.get(old.org_unit_id) != row.unit_code:
            fields.append("org_unit")
        if (
            row.role_code is not None
            and self.role_pks.get(row.role_code) != old.role_profile_id
        ):
            fields.append("role_profile")
        if row.manager_number != self.number_by_pk.get(old.manager_id, ""):
            fields.append("manager")
        if row.hire_date != old.hire_date:
            fields.append("hire_date")
        if row.is_active != old.is_active:
            fields.append("is_active")
        return tuple(fields)

    # --- writing ---------------------------------------------------------------

    def apply(self) -> None:
        self._apply_units()
        unit_pks = dict(OrgUnit.objects.values_list("code", "pk"))
        number_pks = {number: old.pk for number, old in self.existing.items()}
        self._create_employees(unit_pks, number_pks)
        self._update_employees(unit_pks)
        # Existing people's managers last: the new manager may be a new person.
        for batch in _chunks(self.manager_changes):
            _bulk_set(
                Employee,
                [
                    (number_pks[number], {"manager": number_pks.get(manager)})
                    for number, manager in batch
                ],
                ["manager"],
            )
        for batch in _chunks(self.missing):
            Employee.objects.filter(pk__in=[old.pk for old in batch]).update(
                is_active=False
            )
            get_user_model().objects.filter(
                pk__in=[old.user_id for old in batch]
            ).update(is_active=False)

    def _apply_units(self) -> None:
        plan = self.unit_plan
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
        children = self.unit_plan.children
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

    def _levels(self) -> list[list[_Row]]:
        """New people in levels: every new manager one level above their reports."""
        new = {row.number: row for row in self.new_rows}
        level: dict[str, int] = {}
        for row in self.new_rows:
            chain, number = [], row.number
            while number in new and number not in level:
                chain.append(number)
                number = new[number].manager_number
            depth = level.get(number, -1)
            for number in reversed(chain):
                depth += 1
                level[number] = depth
        levels: dict[int, list[_Row]] = defaultdict(list)
        for row in self.new_rows:
            levels[level[row.number]].append(row)
        return [levels[depth] for depth in sorted(levels)]

    def _create_employees(
        self, unit_pks: dict[str, int], number_pks: dict[str, int]
    ) -> None:
        # New people are inserted level by level down the reporting line, each
        # with their manager already set: a second pass of bulk_update over
        # every new row would cost more than all the inserts together.
        user_model = get_user_model()
        for batch in (batch for rows in self._levels() for batch in _chunks(rows)):
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
        for batch in _chunks(self.updates):
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


def _lines(numbers: list[int]) -> str:
    """'line 5', 'lines 5 and 7', 'lines 3, 5 and 7'."""
    if len(numbers) == 1:
        return f"line {numbers[0]}"
    return f"lines {', '.join(map(str, numbers[:-1]))} and {numbers[-1]}"


def _cycles(nodes: dict[str, Any], next_of) -> list[list[str]]:
    """Every loop reachable from `nodes` when following `next_of` (one link each)."""
    state: dict[str, int] = {}  # 1 = on the current walk, 2 = settled
    found = []
    for start in nodes:
        walk = []
        node = start
        while node and state.get(node) is None:
            state[node] = 1
            walk.append(node)
            node = next_of(node)
        if node and state.get(node) == 1:
            found.append(walk[walk.index(node) :])
        for visited in walk:
            state[visited] = 2
    return found


def _cycle_message(kind: str, cycle: list[str], start: str, own: str) -> str:
    if len(cycle) == 1:
        return f"{kind} {start} cannot be {own}."
    at = cycle.index(start)
    loop = cycle[at:] + cycle[:at] + [start]
    return f"{kind} cycle: {' → '.join(loop)}."
