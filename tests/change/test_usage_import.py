"""The usage CSV import: what it reads, what it refuses (by line), what it writes."""

from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from change import usage
from change.models import UsageDay
from change.usage import UsageFileError, usage_import
from tests.change.factories import InitiativeFactory
from tests.people.factories import EmployeeFactory

TODAY = date(2026, 3, 20)


@pytest.fixture
def rollout(org, employee, manager):
    """Road Crew A's rollout: Alice and Bob are affected, Charlie's crew is not."""
    return InitiativeFactory(units=[org["team_a"]], name="311 rollout")


def _csv(*lines: str) -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode()


def _import(initiative, data, **kwargs):
    return usage_import(initiative=initiative, data=data, today=TODAY, **kwargs)


def _stored(initiative):
    return {
        (row.employee.employee_number, row.day.isoformat()): row.count
        for row in UsageDay.objects.filter(initiative=initiative).select_related(
            "employee"
        )
    }


def _writes(queries) -> list[str]:
    return [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]


def test_a_count_file_is_stored_and_the_report_counts_new_days(
    rollout, employee, manager
):
    alice = employee.employee.employee_number
    bob = manager.employee.employee_number
    data = _csv(
        "employee_number,date,count",
        f"{alice},2026-03-02,3",
        f"{alice},2026-03-03,0",
        f"{bob},2026-03-02,12",
    )
    result = _import(rollout, data)
    assert result.errors == [] and result.applied
    assert (result.created, result.updated, result.unchanged) == (3, 0, 0)
    assert _stored(rollout) == {
        (alice, "2026-03-02"): 3,
        (alice, "2026-03-03"): 0,
        (bob, "2026-03-02"): 12,
    }


def test_the_same_file_again_changes_nothing_and_writes_nothing(rollout, employee):
    alice = employee.employee.employee_number
    data = _csv("employee_number,date,count", f"{alice},2026-03-02,3")
    _import(rollout, data)
    with CaptureQueriesContext(connection) as queries:
        again = _import(rollout, data)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    assert _writes(queries) == []
    assert UsageDay.objects.count() == 1


def test_a_changed_count_is_updated_in_place(rollout, employee, manager):
    alice = employee.employee.employee_number
    bob = manager.employee.employee_number
    _import(rollout, _csv("employee_number,date,count", f"{alice},2026-03-02,3"))
    result = _import(
        rollout,
        _csv(
            "employee_number,date,count",
            f"{alice},2026-03-02,5",
            f"{bob},2026-03-02,1",
        ),
    )
    assert (result.created, result.updated, result.unchanged) == (1, 1, 0)
    assert _stored(rollout) == {(alice, "2026-03-02"): 5, (bob, "2026-03-02"): 1}
    assert [(c.line, c.action, c.fields) for c in result.changes] == [
        (2, "changed", ("3 → 5",)),
        (3, "new day", ("1",)),
    ]


@pytest.mark.parametrize(
    ("written", "count"),
    [("1", 1), ("0", 0), ("yes", 1), ("No", 0), ("TRUE", 1), ("false", 0)],
)
def test_an_active_flag_becomes_a_count_of_one_or_zero(
    rollout, employee, written, count
):
    alice = employee.employee.employee_number
    result = _import(
        rollout, _csv("employee_number,date,active", f"{alice},2026-03-02,{written}")
    )
    assert result.errors == []
    assert _stored(rollout) == {(alice, "2026-03-02"): count}


def test_a_spreadsheet_export_with_a_bom_semicolons_and_odd_case_is_read(
    rollout, employee
):
    alice = employee.employee.employee_number
    data = f"\ufeffEmployee_Number;Date;Count\r\n{alice};2026-03-02;4\r\n\r\n"
    result = _import(rollout, data.encode())
    assert result.errors == []
    assert _stored(rollout) == {(alice, "2026-03-02"): 4}


def test_every_bad_row_is_reported_by_line_and_nothing_is_written(
    rollout, employee, peer, org
):
    alice = employee.employee.employee_number
    charlie = peer.employee.employee_number  # Road Crew B: not affected
    leaver = EmployeeFactory(org_unit=org["team_a"], is_active=False).employee_number
    data = _csv(
        "employee_number,date,count",
        f"{alice},2026-03-01,2",
        "999999,2026-03-02,1",
        f"{charlie},2026-03-02,1",
        f"{leaver},2026-03-02,1",
        f"{alice},03/02/2026,1",
        f"{alice},2026-02-30,1",
        f"{alice},2026-03-21,1",
        f"{alice},2026-03-04,-1",
        f"{alice},2026-03-05,2.5",
        f"{alice},2026-03-01,3",
        ",2026-03-06,1",
        f"{alice},2026-03-07",
        f"{alice},2020-01-01,1",
    )
    result = _import(rollout, data)
    assert not result.applied
    assert UsageDay.objects.count() == 0
    assert (result.created, result.updated, result.unchanged) == (0, 0, 0)
    found = [(e.line, e.column, e.code) for e in result.errors]
    assert found == [
        (3, "employee_number", "unknown_employee"),
        (4, "employee_number", "not_affected"),
        (5, "employee_number", "not_affected"),
        (6, "date", "bad_date"),
        (7, "date", "bad_date"),
        (8, "date", "future_date"),
        (9, "count", "bad_count"),
        (10, "count", "bad_count"),
        (11, "date", "duplicate"),
        (12, "employee_number", "required"),
        (13, "", "row_width"),
        (14, "date", "too_old"),
    ]
    messages = {e.line: e.message for e in result.errors}
    assert messages[3] == "No employee has the number 999999."
    assert "not affected by this initiative" in messages[4]
    assert "has left" in messages[5]
    assert "not a date in YYYY-MM-DD form" in messages[6]
    assert "not a real date" in messages[7]
    assert "in the future" in messages[8]
    assert messages[11] == (
        f"Employee {alice} has usage for 2026-03-01 twice: also on line 2."
    )
    assert result.error_count == len(result.errors) == 12


def test_one_bad_row_after_many_good_batches_still_writes_nothing(
    rollout, employee, monkeypatch
):
    monkeypatch.setattr(usage.apply, "BATCH_SIZE", 2)
    alice = employee.employee.employee_number
    lines = [f"{alice},{TODAY - timedelta(days=n):%Y-%m-%d},1" for n in range(9)]
    data = _csv("employee_number,date,count", *lines, f"{alice},tomorrow,1")
    result = _import(rollout, data)
    assert [(e.line, e.code) for e in result.errors] == [(11, "bad_date")]
    assert UsageDay.objects.count() == 0


def test_a_file_of_bad_rows_lists_the_first_ones_and_counts_them_all(rollout):
    rows = [f"{900000 + n},2026-03-02,1" for n in range(usage.MAX_PROBLEMS + 20)]
    result = _import(rollout, _csv("employee_number,date,count", *rows))
    assert len(result.errors) == usage.MAX_PROBLEMS
    assert result.error_count == usage.MAX_PROBLEMS + 20


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"employee_number,date\r\n1,2026-03-02\r\n", "missing_columns"),
        (b"employee_number,count\r\n1,2\r\n", "missing_columns"),
        (
            b"employee_number,date,count,active\r\n1,2026-03-02,1,1\r\n",
            "count_and_active",
        ),
        (b"employee_number,date,count\r\n", "no_rows"),
        (b"employee_number,date,count\r\n1,2026-03-02,\xff\r\n", "not_utf8"),
    ],
)
def test_a_file_that_is_not_usage_csv_is_refused_whole(rollout, data, code):
    with pytest.raises(UsageFileError) as refused:
        _import(rollout, data)
    assert refused.value.code == code
    assert UsageDay.objects.count() == 0


def test_a_dry_run_counts_the_same_and_writes_nothing(rollout, employee):
    alice = employee.employee.employee_number
    _import(rollout, _csv("employee_number,date,count", f"{alice},2026-03-02,3"))
    data = _csv(
        "employee_number,date,count",
        f"{alice},2026-03-02,3",
        f"{alice},2026-03-03,1",
        f"{alice},2026-03-04,1",
    )
    with CaptureQueriesContext(connection) as queries:
        preview = _import(rollout, data, dry_run=True)
    assert (preview.created, preview.updated, preview.unchanged) == (2, 0, 1)
    assert _writes(queries) == []
    assert UsageDay.objects.count() == 1


@pytest.mark.parametrize("order", ["by_day", "by_person"])
def test_the_import_reads_and_writes_in_batches_whatever_the_size(
    rollout, org, monkeypatch, order
):
    """Queries grow with batches, not rows: 50 rows in 5 batches, 100 in 10."""
    monkeypatch.setattr(usage.apply, "BATCH_SIZE", 10)
    people = [EmployeeFactory(org_unit=org["team_a"]) for _ in range(10)]
    days = [TODAY - timedelta(days=n) for n in range(10)]

    def rows(day_count):
        pairs = [(p, d) for d in days[:day_count] for p in people]
        if order == "by_person":
            pairs.sort(key=lambda pair: pair[0].pk)
        return _csv(
            "employee_number,date,count",
            *(f"{p.employee_number},{d:%Y-%m-%d},1" for p, d in pairs),
        )

    def queries_for(data):
        UsageDay.objects.all().delete()
        with CaptureQueriesContext(connection) as queries:
            result = _import(rollout, data)
        assert result.errors == []
        return len(queries.captured_queries), result.created

    small, created_small = queries_for(rows(5))
    large, created_large = queries_for(rows(10))
    assert (created_small, created_large) == (50, 100)
    # Per batch: one read of what is there, one upsert.
    assert large - small == 5 * 2
