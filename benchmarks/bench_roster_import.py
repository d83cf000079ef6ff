"""HR roster import of 40,000 people against parsing the same CSV with csv.DictReader.

The generated city has 50 divisions, each eight levels deep (70 units per
division, 3,500 in all), every unit led by its first member, who reports to
the lead of the unit above. Rows are shuffled so that children often come
before their parents and reports before their managers.

The database already holds training to give out, as a city's would: 10
all-staff assignments and one per division (50), under every due rule, so the
first import also expands them to the newcomers (about 435,000 learner rows).
"""

import csv
import io
import random
import resource
import sys
import time
import tracemalloc
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from assignments.models import AssignedLearner, Assignment
from assignments.services import assignment_create
from assignments.tallies import tallies_rebuild
from benchmarks.harness import Figure
from courses.models import CourseIndexPage, CoursePage
from people.models import Employee, OrgUnit
from people.roster import COLUMNS, roster_import

ROWS = 40_000
DIVISIONS = 50
# Children per unit at each level below the division: 3 sections, then 2, 2,
# then single-child chains down to level eight.
BRANCHING = [3, 2, 2, 1, 1, 1, 1]
FIRST_NAMES = ["Grace", "Luc", "Priya", "Mateo", "Wei", "Zoë", "Aisha", "Sørina"]
LAST_NAMES = ["Oyelaran", "Bergeron", "Raman", "Alvarez", "Chen", "O'Brien-Nguyễn"]
ALL_STAFF = 10


def _due_rule(n: int) -> dict:
    """Every due rule in turn; a fixed date already past gives newcomers a window."""
    today = timezone.localdate()
    return [
        {"due_rule": Assignment.DueRule.FIXED, "due_date": today - timedelta(30)},
        {"due_rule": Assignment.DueRule.FIXED, "due_date": today + timedelta(90)},
        {"due_rule": Assignment.DueRule.AFTER_ASSIGNMENT, "due_days": 60},
        {"due_rule": Assignment.DueRule.AFTER_HIRE, "due_days": 90},
    ][n % 4]


def _assignments() -> None:
    """10 all-staff assignments and one per division (its unit made beforehand)."""
    catalogue = CourseIndexPage.objects.get()
    with transaction.atomic():
        courses = [
            catalogue.add_child(
                instance=CoursePage(
                    title=f"Roster bench course {n:02d}",
                    slug=f"roster-bench-{n:02d}",
                    summary=".",
                )
            )
            for n in range(ALL_STAFF + 10)
        ]
        for n in range(ALL_STAFF):
            assignment_create(
                actor=None,
                target=Assignment.Target.EVERYONE,
                course=courses[n],
                **_due_rule(n),
            )
        for d in range(1, DIVISIONS + 1):
            unit = OrgUnit.add_root(code=f"D{d:02d}", name=f"Division {d:02d}")
            assignment_create(
                actor=None,
                target=Assignment.Target.ORG_UNIT,
                target_unit=unit,
                course=courses[ALL_STAFF + d % 10],
                **_due_rule(d),
            )


def _units() -> list[tuple[str, str, str]]:
    """(code, name, parent code) for every unit, parents first."""
    units = []
    for d in range(1, DIVISIONS + 1):
        level = [(f"D{d:02d}", f"Division {d:02d}", "")]
        units.extend(level)
        for depth, children in enumerate(BRANCHING, start=2):
            below = []
            for code, _name, _parent in level:
                for c in range(1, children + 1):
                    child = f"{code}-{c}"
                    below.append((child, f"Unit {child} (level {depth})", code))
            units.extend(below)
            level = below
    return units


def roster_csv(rows: int = ROWS) -> bytes:
    """A valid roster of `rows` people as UTF-8 CSV bytes."""
    units = _units()
    lead: dict[str, str] = {}
    records = []
    for n in range(rows):
        code, name, parent = units[n % len(units)]
        number = f"{500000 + n}"
        if code not in lead:
            lead[code] = number
            manager = lead.get(parent, "")
        else:
            manager = lead[code]
        first = FIRST_NAMES[n % len(FIRST_NAMES)]
        last = LAST_NAMES[n % len(LAST_NAMES)]
        records.append(
            [
                number,
                first,
                last,
                "",
                f"e{number}@city.example",
                "Analyst, Service Design"
                if n % 7 == 0
                else "Customer Service Representative",
                code,
                name,
                parent,
                manager,
                f"{2000 + n % 25}-{1 + n % 12:02d}-{1 + n % 28:02d}",
                "inactive" if n % 97 == 0 else "active",
            ]
        )
    random.Random(2025).shuffle(records)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(records)
    return buffer.getvalue().encode()


def _timed(func) -> tuple[float, object]:
    start = time.perf_counter()
    value = func()
    return time.perf_counter() - start, value


def _max_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux and bytes on macOS.
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale


def run() -> list[Figure]:
    data = roster_csv()
    assert not Employee.objects.filter(employee_number="500000").exists(), (
        "needs a fresh DB"
    )
    _assignments()
    # With the rest of `make bench`, earlier benchmarks' assignments count too.
    assignments = Assignment.objects.filter(is_active=True).count()
    tallies_rebuild()  # current, as the daily job leaves them: imports recount
    learners_before = AssignedLearner.objects.count()

    rss_before = _max_rss_mb()
    parse, _ = _timed(lambda: list(csv.DictReader(io.StringIO(data.decode("utf-8")))))

    tracemalloc.start()
    checked = roster_import(data=data, dry_run=True)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert checked.errors == [], checked.errors[:5]

    first_s, first = _timed(lambda: roster_import(data=data, filename="bench.csv"))
    assert first.created == ROWS and first.applied, first.errors[:5]
    expanded = AssignedLearner.objects.count() - learners_before
    assert expanded >= ROWS * (ALL_STAFF + 1) * 0.98, expanded  # 1 in 97 is inactive

    again_s, again = _timed(lambda: roster_import(data=data, filename="bench.csv"))
    assert again.unchanged == ROWS and not (again.created or again.updated), again
    retitled = data.replace(
        b"Customer Service Representative", b"Resident Support Agent"
    )
    change_s, change = _timed(lambda: roster_import(data=retitled, filename="b.csv"))
    assert change.updated > ROWS * 0.8 and not change.errors, change.errors[:5]
    rss_growth = _max_rss_mb() - rss_before

    return [
        Figure(
            f"roster import, {ROWS:,} new rows, {assignments} assignments",
            first_s,
            "s",
            "csv.DictReader parse",
            parse,
            goal="< 60 s",
        ),
        Figure(
            f"roster re-import, {ROWS:,} unchanged rows",
            again_s,
            "s",
            "csv.DictReader parse",
            parse,
            goal="< 60 s",
        ),
        Figure(
            f"roster import, {change.updated:,} rows with a new title",
            change_s,
            "s",
            "csv.DictReader parse",
            parse,
            goal="< 60 s",
        ),
        Figure(
            f"peak Python memory, dry run of {ROWS:,} rows",
            peak / 1024 / 1024,
            "MB",
            goal="bounded; < 500 MB",
        ),
        Figure(
            "process peak RSS growth, all of the above",
            rss_growth,
            "MB",
            goal="< 500 MB",
        ),
    ]
