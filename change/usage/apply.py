"""Writing usage: check every entry, then upsert them in batches, or nothing at all.

`usage_import` (a CSV file, streamed) and `usage_post` (items posted to the
API) share the checker (`check`) and this writer. Entries are read once: each
batch reads the rows it would touch (one query), counts what is new, changed
and unchanged, and upserts only the new and changed ones, so importing the
same data again writes nothing. An import takes the initiative's row lock
first, so two at once run one after the other and count truthfully; the
unique constraint backs it up. Any bad entry rolls the whole import back, and
the result lists the problems instead.
"""

import datetime
import io
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lib.batching import chunks
from lib.csv_import import (
    CsvFileError,
    CsvReader,
    csv_lines,
    header_index,
    row_width_message,
)

from ..models import Initiative, UsageDay
from ..tasks import adoption_inputs_changed
from .check import VALUE_FIELDS, UsageChecker, UsageEntry, UsageProblem

BATCH_SIZE = 2000
MAX_PROBLEMS = 500  # listed; the rest are only counted
MAX_CHANGES = 50  # the preview lists this many changes
PROGRESS_EVERY = 10_000  # rows between two calls of an import's `progress`

# One raw entry: position, employee number, date, value, and which value it
# is ("count" or "active"); or the problem that makes it no entry at all.
RawEntry = tuple[int, object, object, object, str] | UsageProblem
Entries = Callable[[], Iterable[RawEntry]]  # a fresh pass over them at each call


@dataclass(frozen=True, slots=True)
class UsageChange:
    """What an import does (or would do) to one person's day."""

    line: int
    employee_number: str
    day: datetime.date
    old_count: int | None  # None: a new day
    count: int

    @property
    def action(self) -> str:
        return _("new day") if self.old_count is None else _("changed")

    @property
    def fields(self) -> tuple[str, ...]:
        if self.old_count is None:
            return (str(self.count),)
        return (f"{self.old_count} → {self.count}",)


@dataclass
class UsageResult:
    """The outcome of an import or a dry run; counts are zero when refused."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    row_count: int = 0
    errors: list[UsageProblem] = field(default_factory=list)  # the first ones
    error_count: int = 0
    changes: list[UsageChange] = field(default_factory=list)  # the first ones
    applied: bool = False

    def as_summary(self) -> dict[str, int]:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
        }


class UsageFileError(CsvFileError):
    """The file cannot be read as usage CSV at all (encoding, empty, header)."""


def usage_import(
    *,
    initiative: Initiative,
    data: bytes | BinaryIO,
    dry_run: bool = False,
    today: datetime.date | None = None,
    max_rows: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> UsageResult:
    """Check the usage CSV in `data` and, unless refused or a dry run, upsert it.

    `data` may be a seekable binary file: it is read line by line, never whole.
    Raises UsageFileError if it is not usage CSV at all, or has more than
    `max_rows` rows. `progress(rows)` is called every PROGRESS_EVERY rows read
    (inside the import's transaction unless a dry run).
    """
    stream = io.BytesIO(data) if isinstance(data, bytes) else data

    def entries() -> Iterator[RawEntry]:
        stream.seek(0)
        reader = CsvReader(
            csv_lines(stream, error=UsageFileError), error=UsageFileError
        )
        names = [name.strip().lower() for name in reader.header]
        value_field = _value_column(names)
        index = header_index(
            names,
            required=("employee_number", "date", value_field),
            known=("employee_number", "date", *VALUE_FIELDS),
            error=UsageFileError,
            written=reader.header,
        )
        number, day, value = (
            index["employee_number"],
            index["date"],
            index[value_field],
        )
        width = len(reader.header)
        for line, cells in reader:
            if max_rows is not None and reader.row_count > max_rows:
                raise UsageFileError(
                    _(
                        "The file has more than %(rows)s rows; split it into "
                        "files of at most %(rows)s (a few days each)."
                    )
                    % {"rows": f"{max_rows:,}"},
                    code="too_many_rows",
                    line=line,
                )
            if len(cells) != width and (problem := row_width_message(cells, width)):
                yield UsageProblem(line, "", "", problem, "row_width")
                continue
            yield line, cells[number], cells[day], cells[value], value_field
        if not reader.row_count:
            raise reader.no_rows()

    run = _Import(initiative, today, _("line %(position)s"))
    run.progress = progress
    return run.run(entries, dry_run=dry_run)


def usage_post(
    *, initiative: Initiative, items: list, today: datetime.date | None = None
) -> UsageResult:
    """Check posted usage items (dicts) and upsert them, or nothing if any is bad."""

    def entries() -> Iterator[RawEntry]:
        for position, item in enumerate(items):
            if not isinstance(item, dict):
                yield UsageProblem(
                    position, "", "", _("Each item must be an object."), "bad_item"
                )
                continue
            given = [name for name in VALUE_FIELDS if name in item]
            if len(given) != 1:
                message = (
                    _("Give either count or active, not both.")
                    if given
                    else _("count or active is required.")
                )
                yield UsageProblem(position, "count", "", message, "bad_item")
                continue
            value_field = given[0]
            yield (
                position,
                item.get("employee_number"),
                item.get("date"),
                item[value_field],
                value_field,
            )

    run = _Import(initiative, today, _("item %(position)s"))
    run.numbers = {
        str(item["employee_number"]).strip()
        for item in items
        if isinstance(item, dict) and isinstance(item.get("employee_number"), str | int)
    }
    return run.run(entries, dry_run=False)


def _value_column(names: list[str]) -> str:
    present = [name for name in VALUE_FIELDS if name in names]
    if len(present) > 1:
        raise UsageFileError(
            _("The header names both count and active; give one of them."),
            code="count_and_active",
            column="active",
        )
    return present[0] if present else "count"


class _Refused(Exception):
    """Rolls an import with problems back."""


class _Import:
    def __init__(
        self, initiative: Initiative, today: datetime.date | None, where: str
    ) -> None:
        self.initiative = initiative
        self.today = today or timezone.localdate()
        self.where = where  # how a message names another entry's position
        self.result = UsageResult()
        self.numbers: set[str] | None = None  # known beforehand: read only these
        self.progress: Callable[[int], None] | None = None

    def run(self, entries: Entries, *, dry_run: bool) -> UsageResult:
        if dry_run:
            self._pass(entries, write=False)
        else:
            try:
                with transaction.atomic():
                    # Two imports for one initiative take turns (PostgreSQL;
                    # SQLite's IMMEDIATE transactions already do).
                    list(
                        Initiative.objects.select_for_update(no_key=True)
                        .filter(pk=self.initiative.pk)
                        .values_list("pk", flat=True)
                    )
                    self._pass(entries, write=True)
                    if self.result.error_count:
                        raise _Refused
                    self.result.applied = True
                    if self.result.created or self.result.updated:
                        # Stored adoption figures are stale: refreshed after
                        # commit, in the background, debounced.
                        adoption_inputs_changed(initiative=self.initiative)
            except _Refused:
                pass
        if self.result.error_count:
            self._place_duplicates(entries)
            self.result.created = self.result.updated = self.result.unchanged = 0
            self.result.changes = []
        return self.result

    def _pass(self, entries: Entries, *, write: bool) -> None:
        checker = UsageChecker(
            initiative=self.initiative, today=self.today, numbers=self.numbers
        )
        result = self.result
        batch: list[UsageEntry] = []
        progress = self.progress
        for raw in entries():
            result.row_count += 1
            if progress is not None and not result.row_count % PROGRESS_EVERY:
                progress(result.row_count)
            if isinstance(raw, UsageProblem):
                self._problem(raw)
                continue
            checked = checker.check(*raw)
            if isinstance(checked, list):
                for problem in checked:
                    self._problem(problem)
                continue
            if result.error_count:
                continue  # refused already: only look for more problems
            batch.append(checked)
            if len(batch) >= BATCH_SIZE:
                self._upsert(batch, write=write)
                batch = []
        if batch and not result.error_count:
            self._upsert(batch, write=write)

    def _problem(self, problem: UsageProblem) -> None:
        self.result.error_count += 1
        if len(self.result.errors) < MAX_PROBLEMS:
            self.result.errors.append(problem)

    def _upsert(self, batch: list[UsageEntry], *, write: bool) -> None:
        existing = _existing_counts(self.initiative.pk, batch)
        result = self.result
        rows = []
        for entry in batch:
            old = existing.get((entry.employee_id, entry.day))
            if old == entry.count:
                result.unchanged += 1
                continue
            if old is None:
                result.created += 1
            else:
                result.updated += 1
            if len(result.changes) < MAX_CHANGES:
                result.changes.append(
                    UsageChange(
                        entry.position,
                        entry.employee_number,
                        entry.day,
                        old,
                        entry.count,
                    )
                )
            rows.append((entry.employee_id, entry.day, entry.count))
        if write and rows:
            _upsert_rows(self.initiative.pk, rows)

    def _place_duplicates(self, entries: Entries) -> None:
        """Name the earlier entry of each duplicate listed: one more read, only then."""
        wanted = {
            (p.employee_number, p.value.strip())
            for p in self.result.errors
            if p.code == "duplicate"
        }
        if not wanted:
            return
        first: dict[tuple[str, str], int] = {}
        for raw in entries():
            if isinstance(raw, UsageProblem):
                continue
            key = (str(raw[1]).strip(), str(raw[2]).strip())
            if key in wanted and key not in first:
                first[key] = raw[0]
        self.result.errors = [
            _placed(p, self.where % {"position": first[key]})
            if p.code == "duplicate"
            and (key := (p.employee_number, p.value.strip())) in first
            else p
            for p in self.result.errors
        ]


def _placed(problem: UsageProblem, where: str) -> UsageProblem:
    return UsageProblem(
        problem.position,
        problem.field,
        problem.value,
        _("Employee %(number)s has usage for %(day)s twice: also on %(where)s.")
        % {"number": problem.employee_number, "day": problem.value, "where": where},
        problem.code,
        problem.employee_number,
    )


# Raw SQL for the two statements a million rows go through: bulk_create and a
# filter of Q objects spend most of their time building model instances and
# preparing each value (measured in benchmarks/bench_change_adoption.py). Both
# statements are plain SQL that SQLite and PostgreSQL share.
_TABLE = connection.ops.quote_name(UsageDay._meta.db_table)
_COLUMNS = ("initiative_id", "employee_id", "day", "count")
# Parameters in one statement: Django's own limit for the backend (999 for
# SQLite, which older SQLite libraries need), or 30,000.
_PARAMS = connection.features.max_query_params or 30_000


def _upsert_rows(
    initiative_id: int, rows: list[tuple[int, datetime.date, int]]
) -> None:
    """Insert each (employee, day, count), or set the count of the day already there."""
    quote = connection.ops.quote_name
    adapt = connection.ops.adapt_datefield_value
    columns = ", ".join(quote(name) for name in _COLUMNS)
    conflict = ", ".join(quote(name) for name in _COLUMNS[:3])
    count = quote("count")
    for chunk in chunks(rows, _PARAMS // len(_COLUMNS)):
        values = ", ".join(["(%s, %s, %s, %s)"] * len(chunk))
        params = []
        for employee_id, day, value in chunk:
            params += (initiative_id, employee_id, adapt(day), value)
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {_TABLE} ({columns}) VALUES {values} "  # noqa: S608
                f"ON CONFLICT ({conflict}) DO UPDATE SET {count} = EXCLUDED.{count}",
                params,
            )


def _existing_counts(
    initiative_id: int, batch: list[UsageEntry]
) -> dict[tuple[int, datetime.date], int]:
    """{(employee, day): count} of the rows `batch` touches: a query per
    `_PARAMS` values (one per batch on PostgreSQL).

    Grouped by day (or by person, whichever is fewer), so the query reads
    exactly those rows whatever the order of the entries.
    """
    found: dict[tuple[int, datetime.date], int] = {}
    quote = connection.ops.quote_name
    adapt = connection.ops.adapt_datefield_value
    day_column, employee_column = quote("day"), quote("employee_id")
    for chunk in chunks(batch, _PARAMS // 2 - 1):
        by_day: dict[datetime.date, list[int]] = defaultdict(list)
        by_person: dict[int, list[datetime.date]] = defaultdict(list)
        for entry in chunk:
            by_day[entry.day].append(entry.employee_id)
            by_person[entry.employee_id].append(entry.day)
        groups, params = [], [initiative_id]
        if len(by_day) <= len(by_person):
            for day, people in by_day.items():
                marks = ", ".join(["%s"] * len(people))
                groups.append(f"({day_column} = %s AND {employee_column} IN ({marks}))")
                params += (adapt(day), *people)
        else:
            for person, days in by_person.items():
                marks = ", ".join(["%s"] * len(days))
                groups.append(f"({employee_column} = %s AND {day_column} IN ({marks}))")
                params += (person, *map(adapt, days))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {employee_column}, {day_column}, {quote('count')} "  # noqa: S608
                f"FROM {_TABLE} WHERE {quote('initiative_id')} = %s "
                f"AND ({' OR '.join(groups)})",
                params,
            )
            for employee_id, day, count in cursor.fetchall():
                found[employee_id, day] = count
    return found
