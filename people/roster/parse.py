"""Stage one of a roster import: the file's header and rows as typed rows.

Every problem a single row can show on its own (a missing value, a bad date, an
employee number used twice, a role profile that does not exist) is reported
with its physical line; problems across rows and against the organisation are
the `check` stage's.
"""

import datetime
import re
import sys
from collections.abc import Collection
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from lib.csv_import import CsvReader, csv_decode, header_index, row_width_message
from people.models import Employee, OrgUnit

from .results import RosterError, RosterFileError

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
_UNIT_COLUMNS = {"org_unit_code", "org_unit_name", "parent_org_unit_code"}


@dataclass(slots=True)
class RosterRow:
    """One person as the file states them."""

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
class UnitSpec:
    """One org unit as the file states it (name and parent), from its first line."""

    name: str
    parent: str
    line: int


@dataclass
class ParsedRoster:
    """The file's rows and units, and every problem found row by row."""

    rows: list[RosterRow] = field(default_factory=list)
    units: dict[str, UnitSpec] = field(default_factory=dict)
    first_line: dict[str, int] = field(default_factory=dict)  # number -> line
    errors: list[RosterError] = field(default_factory=list)


def roster_parse(
    *, text: str, role_codes: Collection[str], taken_usernames: Collection[str]
) -> ParsedRoster:
    """Read the roster CSV in `text`; raise RosterFileError if it is not one at all.

    `role_codes` are the role profiles that exist; `taken_usernames` are the
    accounts that no employee holds, whose names a new employee cannot take.
    """
    return _Parser(role_codes, taken_usernames).parse(text)


def roster_decode(data: bytes) -> str:
    """The file as text (UTF-8, with or without a byte-order mark), or RosterFileError."""
    return csv_decode(data, error=RosterFileError)


class _Parser:
    def __init__(
        self, role_codes: Collection[str], taken_usernames: Collection[str]
    ) -> None:
        self.role_codes = role_codes
        self.taken_usernames = taken_usernames
        self.parsed = ParsedRoster()
        self.errors = self.parsed.errors

    def parse(self, text: str) -> ParsedRoster:
        reader = CsvReader(text, error=RosterFileError)
        index = header_index(
            [name.strip().lower() for name in reader.header],
            required=COLUMNS,
            known=(*COLUMNS, *OPTIONAL_COLUMNS),
            error=RosterFileError,
            written=reader.header,
        )
        for line, cells in reader:
            self._read_row(line, cells, index, len(reader.header))
        if not self.parsed.rows and not self.errors:
            raise reader.no_rows()
        return self.parsed

    def _error(self, line: int, column: str, value: str, message: str) -> None:
        self.errors.append(RosterError(line, column, value, message))

    def _read_row(
        self, line: int, cells: list[str], index: dict[str, int], width: int
    ) -> None:
        if problem := row_width_message(cells, width):
            self._error(line, "", "", problem)
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
        self._check_number(line, number)
        email = values["email"]
        if email:
            try:
                validate_email(email)
            except ValidationError:
                self._error(
                    line, "email", email, f"'{email}' is not a valid email address."
                )
        hire_date = self._read_date(line, values["hire_date"])
        status = values["status"].lower()
        if status and status not in ("active", "inactive"):
            self._error(
                line,
                "status",
                values["status"],
                f"Unknown status '{values['status']}'; use active or inactive.",
            )
        role_code = values.get("role_profile")
        if role_code and role_code not in self.role_codes:
            self._error(
                line, "role_profile", role_code, f"Unknown role profile '{role_code}'."
            )

        intern = sys.intern  # units, titles and roles repeat across thousands of rows
        row = RosterRow(
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
        self.parsed.rows.append(row)
        if not any(error.column in _UNIT_COLUMNS for error in self.errors[before:]):
            self._read_unit(row)

    def _check_number(self, line: int, number: str) -> None:
        first_line = self.parsed.first_line
        if number and not _EMPLOYEE_NUMBER.match(number):
            self._error(
                line,
                "employee_number",
                number,
                "Employee numbers may contain only letters, digits and . @ + - _ "
                "(they become usernames).",
            )
        elif number in first_line:
            self._error(
                line,
                "employee_number",
                number,
                f"Employee number {number} is already used on line "
                f"{first_line[number]}.",
            )
        elif number:
            first_line[number] = line
            if number in self.taken_usernames:
                self._error(
                    line,
                    "employee_number",
                    number,
                    f"Cannot create an account for {number}: the username {number} "
                    "is already taken by another account.",
                )

    def _read_date(self, line: int, raw: str) -> datetime.date | None:
        if not raw:
            return None
        if not _DATE.match(raw):
            self._error(
                line, "hire_date", raw, f"'{raw}' is not a date in YYYY-MM-DD form."
            )
            return None
        try:
            return datetime.date.fromisoformat(raw)
        except ValueError:
            self._error(line, "hire_date", raw, f"'{raw}' is not a real date.")
            return None

    def _read_unit(self, row: RosterRow) -> None:
        units = self.parsed.units
        spec = units.get(row.unit_code)
        if spec is None:
            units[row.unit_code] = UnitSpec(row.unit_name, row.parent_code, row.line)
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
