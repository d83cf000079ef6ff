"""The rules every usage entry meets, whether a CSV row or a posted item.

One checker per import: it maps employee numbers with one query (and reads the
initiative's audience with one more), then checks entries one at a time with
no further queries, remembering which (person, day) pairs it has seen so a
second entry for the same pair is refused.
"""

import datetime
import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import NamedTuple

from django.utils.translation import gettext as _

from lib.batching import chunks
from people.models import Employee

from ..models import Initiative
from ..selectors import affected_employees

# PostgreSQL's integer, the column of PositiveIntegerField everywhere.
MAX_COUNT = 2_147_483_647
# A usage date may go back this far: older use says nothing about adoption
# now, and it bounds what an import keeps in memory per day.
MAX_AGE_DAYS = 731
# How an "active" column or field may say yes and no.
ACTIVE_WORDS = {"1": 1, "yes": 1, "true": 1, "0": 0, "no": 0, "false": 0}
VALUE_FIELDS = ("count", "active")

_NUMBER_LENGTH = Employee._meta.get_field("employee_number").max_length
_NUMBERS_PER_QUERY = 900  # under SQLite's oldest limit of 999 parameters
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass(frozen=True, slots=True)
class UsageProblem:
    """Why one entry was refused: its line (CSV) or index (posted), field and value."""

    position: int
    field: str
    value: str
    message: str
    code: str
    employee_number: str = ""  # of a duplicate: the earlier entry is found by it

    # The shared CSV error table reads `line` and `column`.
    @property
    def line(self) -> int:
        return self.position

    @property
    def column(self) -> str:
        return self.field


class UsageEntry(NamedTuple):
    """One checked entry: a person's count on a day, and where it came from."""

    position: int
    employee_number: str
    employee_id: int
    day: datetime.date
    count: int


class UsageChecker:
    """Checks entries for one initiative; `today` is the last day usage may have."""

    def __init__(
        self,
        *,
        initiative: Initiative,
        today: datetime.date,
        numbers: Collection[str] | None = None,
    ) -> None:
        """`numbers`: the only employee numbers entries may name, when known
        (posted items); otherwise everyone is read (a file is read once)."""
        self.today = today
        self.earliest = today - datetime.timedelta(days=MAX_AGE_DAYS)
        employees = Employee.objects.all()
        audience = affected_employees(initiative=initiative)
        if numbers is None:
            rows = list(employees.values_list("employee_number", "pk", "is_active"))
            affected = set(audience.values_list("pk", flat=True))
        else:
            rows, affected = [], set()
            for chunk in chunks(sorted(numbers), _NUMBERS_PER_QUERY):
                rows += employees.filter(employee_number__in=chunk).values_list(
                    "employee_number", "pk", "is_active"
                )
                affected.update(
                    audience.filter(employee_number__in=chunk).values_list(
                        "pk", flat=True
                    )
                )
        # number -> (pk, dense index among the affected, or -1, is active)
        self.people: dict[str, tuple[int, int, bool]] = {}
        dense = {pk: index for index, pk in enumerate(sorted(affected))}
        for number, pk, is_active in rows:
            self.people[number] = (pk, dense.get(pk, -1), is_active)
        self._width = len(dense) // 8 + 1
        self._seen: dict[int, bytearray] = {}  # day ordinal -> bit per affected person
        self._days: dict[str, datetime.date] = {}  # good dates as written
        # Good values as written: the words of "active", counts as they come.
        self._values: dict[str, dict[str, int]] = {
            "active": {
                spelling: value
                for word, value in ACTIVE_WORDS.items()
                for spelling in (word, word.upper(), word.capitalize())
            },
            "count": {},
        }

    def check(
        self, position: int, number: object, day: object, value: object, field: str
    ) -> UsageEntry | list[UsageProblem]:
        """The entry, or every problem with it (`field` is count or active).

        A million rows go through here: the usual entry (a known number, a date
        and a value seen before) is answered from dictionaries.
        """
        person = self.people.get(number) if type(number) is str else None
        parsed_day = self._days.get(day) if type(day) is str else None
        count = self._values[field].get(value) if type(value) is str else None
        if person is None or person[1] < 0 or parsed_day is None or count is None:
            problems: list[UsageProblem] = []
            person = self._person(position, number, problems)
            parsed_day = self._day(position, day, problems)
            count = self._count(position, value, field, problems)
            if problems:
                return problems
            number = str(number).strip()
        pk, index, _active = person
        bits = self._seen.get(ordinal := parsed_day.toordinal())
        if bits is None:
            bits = self._seen[ordinal] = bytearray(self._width)
        mask = 1 << (index & 7)
        if bits[index >> 3] & mask:
            return [
                UsageProblem(
                    position,
                    "date",
                    str(day).strip(),
                    _("Employee %(number)s already has usage for %(day)s.")
                    % {"number": number, "day": parsed_day.isoformat()},
                    "duplicate",
                    number,
                )
            ]
        bits[index >> 3] |= mask
        return UsageEntry(position, number, pk, parsed_day, count)

    def _person(self, position, number, problems) -> tuple[int, int, bool] | None:
        if isinstance(number, int) and not isinstance(number, bool):
            number = str(number)
        if not isinstance(number, str) or not number.strip():
            problems.append(
                UsageProblem(
                    position,
                    "employee_number",
                    _shown(number),
                    _("employee_number is required."),
                    "required",
                )
            )
            return None
        number = number.strip()
        person = self.people.get(number)
        if person is None:
            problems.append(
                UsageProblem(
                    position,
                    "employee_number",
                    number[: _NUMBER_LENGTH * 2],
                    _("No employee has the number %(number)s.")
                    % {"number": number[: _NUMBER_LENGTH * 2]},
                    "unknown_employee",
                )
            )
            return None
        if person[1] < 0:
            message = (
                _(
                    "Employee %(number)s is not affected by this initiative "
                    "(not in its units or role profiles)."
                )
                if person[2]
                else _(
                    "Employee %(number)s has left (inactive in the roster), so "
                    "is not affected by this initiative."
                )
            )
            problems.append(
                UsageProblem(
                    position,
                    "employee_number",
                    number,
                    message % {"number": number},
                    "not_affected",
                )
            )
            return None
        return person

    def _day(self, position, raw, problems) -> datetime.date | None:
        day = self._days.get(raw) if isinstance(raw, str) else None
        if day is not None:
            return day
        problem = None
        if not isinstance(raw, str) or not raw.strip():
            problem = (_("date is required, as YYYY-MM-DD."), "required")
        else:
            text = raw.strip()
            try:
                day = (
                    datetime.date.fromisoformat(text) if _DATE.fullmatch(text) else None
                )
            except ValueError:
                problem = (
                    _("%(value)s is not a real date.") % {"value": text},
                    "bad_date",
                )
            else:
                if day is None:
                    problem = (
                        _("%(value)s is not a date in YYYY-MM-DD form.")
                        % {"value": text[:40]},
                        "bad_date",
                    )
                elif day > self.today:
                    problem = (
                        _("%(value)s is in the future (today is %(today)s).")
                        % {"value": text, "today": self.today.isoformat()},
                        "future_date",
                    )
                elif day < self.earliest:
                    problem = (
                        _(
                            "%(value)s is more than two years ago; usage from "
                            "%(earliest)s on is taken."
                        )
                        % {"value": text, "earliest": self.earliest.isoformat()},
                        "too_old",
                    )
        if problem is not None:
            problems.append(UsageProblem(position, "date", _shown(raw), *problem))
            return None
        self._days[raw] = day
        return day

    def _count(self, position, raw, field, problems) -> int | None:
        if field == "active":
            value = _active(raw)
            if value is None:
                problems.append(
                    UsageProblem(
                        position,
                        "active",
                        _shown(raw),
                        _("active must be 1 or 0, yes or no, true or false."),
                        "bad_active",
                    )
                )
            return value
        value = _whole_number(raw)
        if value is None or not 0 <= value <= MAX_COUNT:
            problems.append(
                UsageProblem(
                    position,
                    "count",
                    _shown(raw),
                    _("count must be a whole number, 0 or more.")
                    if value is None or value < 0
                    else _("count is too large."),
                    "bad_count",
                )
            )
            return None
        if type(raw) is str and len(counts := self._values["count"]) < 10_000:
            counts[raw] = value
        return value


def _active(raw: object) -> int | None:
    if isinstance(raw, bool):
        return int(raw)
    if isinstance(raw, int):
        return raw if raw in (0, 1) else None
    if isinstance(raw, str):
        return ACTIVE_WORDS.get(raw.strip().lower())
    return None


def _whole_number(raw: object) -> int | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, str):
        text = raw.strip()
        if text.isascii() and text.lstrip("-").isdigit() and len(text) <= 12:
            return int(text)
    return None


def _shown(value: object) -> str:
    """A refused value as the error table shows it (never very long)."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    return text[:40]
