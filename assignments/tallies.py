"""Report tallies: each assignment's figures per org unit, kept current as learners move.

The organisation-wide report by division cannot count half a million learner
rows live in under a second (one grouped scan takes 0.8–1.4 s on SQLite at
40,000 people). It sums `AssignmentTally` rows instead: one per assignment and
org unit that has learners, about 86,000 at that size (`make bench reports`).

How the tallies stay equal to a live count (`tests/assignments/test_tallies.py`
checks it after every kind of change):

- Every service that writes learner rows asks for the groups it touched to be
  counted again: the assignment in the units of the people concerned
  (`tallies_recount`). The recount runs once the change has committed, in a
  transaction of its own, and reads only those units' rows.
- An employee created, moved or deleted in the admin recounts their old and
  new units (`people.signals.employee_changed`, answered in `signal_handlers`). A roster import, which can move thousands, rebuilds
  them all after it commits (`tallies_rebuild`, 1.1–1.4 s at 40,000 people),
  and so must anything else that writes learner rows around the services (a
  bulk load, a data migration).
- Overdue and in progress depend on the date. `AssignmentTallyBuild` records
  which day the tallies were counted for; the report view calls
  `tallies_ensure_current` before it reads, which rebuilds when that is not
  today (the daily `send_reminders` job does it ahead of the first reader;
  the selectors that sum them never write), and a recount on a day not yet
  counted leaves it to that rebuild.
- Every recount and rebuild locks the `AssignmentTallyBuild` row, and holds
  no other lock: it runs after the change it follows has committed. So two
  recounts of one unit, or a recount and a rebuild, never interleave on
  PostgreSQL (the last to run sees every committed change), and no recount
  waits on a learner's row while holding the lock. If the process dies
  between the commit and the recount, the tallies are behind until the
  next rebuild (the next day at the latest).
"""

from collections.abc import Collection, Iterable
from datetime import date
from functools import partial

from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone

from lib.batching import chunks
from people.models import Employee

from .models import AssignedLearner, AssignmentTally, AssignmentTallyBuild
from .selectors import TRAINING_FIGURES, training_counts

BATCH_SIZE = 2000
NEVER = date(2000, 1, 1)  # the day a build row that was never counted is "for"
# Unit first: SQLite then walks people by unit and finds each one's learner
# rows in a covering index (0.7–0.9 s at 40,000 people, against 3 s the
# other way round, reading every learner row from the table).
_GROUP = ("employee__org_unit_id", "assignment_id")


def _lock_build() -> AssignmentTallyBuild:
    """The build row, locked until the transaction ends (created if missing)."""
    build = AssignmentTallyBuild.objects.select_for_update().filter(pk=1).first()
    if build is None:  # never built, or a test flushed the table
        AssignmentTallyBuild.objects.bulk_create(
            [AssignmentTallyBuild(pk=1, counted_for=NEVER, built_at=timezone.now())],
            ignore_conflicts=True,  # another process may create it at once
        )
        build = AssignmentTallyBuild.objects.select_for_update().get(pk=1)
    return build


def _counting(learners: QuerySet, today: date) -> QuerySet:
    """The figures per (unit, assignment) of these learner rows on `today`."""
    return (
        learners.counted().values(*_GROUP).annotate(**training_counts(today)).order_by()
    )


def _insert_counts(learners: QuerySet, today: date) -> int:
    """INSERT the counts straight from their SELECT: no row passes through Python.

    Seven times faster than bulk_create for a whole rebuild (86,000 rows).
    The SELECT's columns are the group, then the figures, in this order.
    """
    sql, params = _counting(learners, today).query.sql_with_params()
    table = connection.ops.quote_name(AssignmentTally._meta.db_table)
    columns = ", ".join(
        connection.ops.quote_name(column)
        for column in ("org_unit_id", "assignment_id", *TRAINING_FIGURES)
    )
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} ({columns}) {sql}", params)
        return cursor.rowcount


def _tallies(counts: Iterable[dict]) -> list[AssignmentTally]:
    return [
        AssignmentTally(
            assignment_id=row["assignment_id"],
            org_unit_id=row["employee__org_unit_id"],
            **{figure: row[figure] for figure in TRAINING_FIGURES},
        )
        for row in counts
    ]


def tallies_are_current() -> bool:
    return AssignmentTallyBuild.objects.filter(
        pk=1, counted_for=timezone.localdate()
    ).exists()


@transaction.atomic
def tallies_rebuild() -> int:
    """Count every assignment in every unit again, for today; return the rows written."""
    _lock_build()
    today = timezone.localdate()  # once: a rebuild at midnight is for one day
    AssignmentTally.objects.all().delete()
    written = _insert_counts(AssignedLearner.objects.all(), today)
    AssignmentTallyBuild.objects.filter(pk=1).update(
        counted_for=today, built_at=timezone.now()
    )
    return written


def tallies_ensure_current() -> None:
    """Rebuild the tallies if they were counted for an earlier day (or never)."""
    if not tallies_are_current():
        with transaction.atomic():
            # Another reader may have rebuilt while this one waited for the lock.
            _lock_build()
            if not tallies_are_current():
                tallies_rebuild()


def tallies_recount(
    *,
    assignment_ids: Collection[int] | None = None,
    unit_ids: Collection[int] | None = None,
    user_ids: Collection[int] | None = None,
) -> None:
    """Count these assignments (all if None) in these units again, after the commit.

    The units are `unit_ids`, or those of `user_ids`, or all of them (also
    for more than `BATCH_SIZE` people, rather than list them all in SQL).
    Outside a transaction it runs at once. An error in it is logged and does
    not undo the change it follows (the tallies then wait for the next rebuild).
    """
    transaction.on_commit(
        partial(
            _recount,
            assignment_ids=None if assignment_ids is None else list(assignment_ids),
            unit_ids=None if unit_ids is None else list(unit_ids),
            user_ids=None if user_ids is None else list(user_ids),
        ),
        robust=True,
    )


@transaction.atomic
def _recount(
    *,
    assignment_ids: list[int] | None,
    unit_ids: list[int] | None,
    user_ids: list[int] | None,
) -> None:
    build = _lock_build()
    today = timezone.localdate()
    if build.counted_for != today:
        return  # the next reader rebuilds them whole, for today
    if user_ids is not None and len(user_ids) <= BATCH_SIZE:
        unit_ids = list(
            Employee.objects.filter(user_id__in=user_ids)
            .values_list("org_unit_id", flat=True)
            .distinct()
        )
    learners = AssignedLearner.objects.all()
    scope = AssignmentTally.objects.all()
    if assignment_ids is not None:
        learners = learners.filter(assignment_id__in=assignment_ids)
        scope = scope.filter(assignment_id__in=assignment_ids)
    if unit_ids is None:
        # Whole assignments (after a roster import, all of them): counted
        # afresh in SQL, as a rebuild is, rather than compared row by row.
        scope.delete()
        _insert_counts(learners, today)
        return
    learners = learners.filter(employee__org_unit_id__in=unit_ids)
    scope = scope.filter(org_unit_id__in=unit_ids)
    counts = list(_counting(learners, today))
    present = {(row["assignment_id"], row["employee__org_unit_id"]) for row in counts}
    emptied = [
        pk
        for pk, assignment_id, unit_id in scope.values_list(
            "pk", "assignment_id", "org_unit_id"
        )
        if (assignment_id, unit_id) not in present
    ]
    for batch in chunks(emptied, BATCH_SIZE):
        AssignmentTally.objects.filter(pk__in=batch).delete()
    AssignmentTally.objects.bulk_create(
        _tallies(counts),
        batch_size=BATCH_SIZE,
        update_conflicts=True,
        unique_fields=["assignment", "org_unit"],
        update_fields=list(TRAINING_FIGURES),
    )
