"""Usage import of 1,000,000 rows (40,000 people × 25 days) against a csv.reader pass.

The file is written to disk in the order a tool's export would use (day by day)
and streamed from there, as the admin confirm and the worker would. Figures: the
first import (every row new), a re-import of the same file (nothing changes, so
nothing is written), and the process's peak memory growth during each. Then the
admin's background job for the same file on a second initiative (every row new
again): stored in media storage (on disk here), checked by its task, confirmed
and applied by the next, as a worker runs them.
BENCH_ADOPTION_PEOPLE sets a smaller audience (the figures say which).
"""

import contextlib
import csv
import os
import re
import resource
import shutil
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files import File
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from benchmarks.harness import Figure
from change.models import Initiative, UsageDay
from change.usage import usage_import
from change.usage.jobs import file_rows, usage_job_confirm, usage_job_start
from people.models import Employee, OrgUnit

PEOPLE = int(os.environ.get("BENCH_ADOPTION_PEOPLE", "40000"))
DAYS = 25


def _build() -> Initiative:
    """An initiative affecting one division of PEOPLE people in 40 teams."""
    user_model = get_user_model()
    with transaction.atomic():
        division = OrgUnit.add_root(code="BA", name="Adoption bench division")
        teams = [
            division.add_child(code=f"BA-{t}", name=f"Adoption team {t}")
            for t in range(40)
        ]
        users = user_model.objects.bulk_create(
            (
                user_model(username=f"bad-{i:06d}", password="!")  # noqa: S106
                for i in range(PEOPLE)
            ),
            batch_size=5000,
        )
        Employee.objects.bulk_create(
            (
                Employee(
                    user=user,
                    employee_number=f"BAD-{i:06d}",
                    first_name="Bench",
                    last_name=f"Person {i:06d}",
                    org_unit=teams[i % len(teams)],
                )
                for i, user in enumerate(users)
            ),
            batch_size=5000,
        )
        initiative = Initiative.objects.create(
            name="Benchmark adoption",
            slug="bench-adoption",
            tool_name="the benchmark tool",
            why="To time the usage import.",
            go_live=timezone.localdate() - timedelta(days=DAYS),
            status=Initiative.Status.ACTIVE,
        )
        initiative.units.set([division])
    return initiative


def _write_csv(path: Path) -> int:
    """Every person on each of the last DAYS days; most active, some not."""
    today = timezone.localdate()
    rows = 0
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(["employee_number", "date", "count"])
        for d in range(DAYS, 0, -1):
            day = (today - timedelta(days=d)).isoformat()
            for i in range(PEOPLE):
                writer.writerow([f"BAD-{i:06d}", day, (i * 7 + d) % 9])
                rows += 1
    return rows


def _rss_mb(field: str) -> float:
    status = Path("/proc/self/status")
    if status.exists():
        found = re.search(rf"^{field}:\s+(\d+) kB", status.read_text(), re.M)
        if found:
            return int(found.group(1)) / 1024
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale


def _reset_peak() -> None:
    # Linux: writing 5 resets the peak resident size (VmHWM) to the current one.
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _measured(func) -> tuple[float, float, object]:
    """Seconds and peak memory growth (MB) of func(), and what it returned."""
    _reset_peak()
    before = _rss_mb("VmRSS")
    started = time.perf_counter()
    value = func()
    seconds = time.perf_counter() - started
    return seconds, _rss_mb("VmHWM") - before, value


def _baseline(path: Path) -> int:
    """What reading the file costs at all: csv.reader over it, a tuple per row kept
    only as long as the loop needs it."""
    with path.open(newline="", encoding="utf-8") as stream:
        return sum(1 for _row in csv.reader(stream))


def _import(initiative: Initiative, path: Path):
    with path.open("rb") as stream:
        return usage_import(initiative=initiative, data=stream)


def run() -> list[Figure]:
    initiative = _build()
    path = Path(tempfile.mkdtemp(prefix="adoption-bench-")) / "usage.csv"
    rows = _write_csv(path)
    size_mb = path.stat().st_size / 1024 / 1024

    read_s, _read_mb, _ = _measured(lambda: _baseline(path))
    first_s, first_mb, first = _measured(lambda: _import(initiative, path))
    assert first.applied and first.created == rows, (first.errors[:5], first.created)
    again_s, again_mb, again = _measured(lambda: _import(initiative, path))
    assert again.unchanged == rows and not (again.created or again.updated), again
    stored = UsageDay.objects.filter(initiative=initiative).count()
    assert stored == rows, stored
    check_s, apply_s, job_mb = _job(initiative, path, rows)
    path.unlink()
    path.parent.rmdir()

    label = f"{rows:,} rows ({PEOPLE:,} people × {DAYS} days, {size_mb:.0f} MB)"
    return [
        Figure(
            f"usage import, {label}, all new",
            first_s,
            "s",
            "csv.reader pass",
            read_s,
            goal="< 60 s",
        ),
        Figure(
            "  rows per second",
            rows / first_s,
            "rows/s",
            "csv.reader pass",
            rows / read_s,
        ),
        Figure(
            "usage re-import of the same file, nothing changes",
            again_s,
            "s",
            "csv.reader pass",
            read_s,
            goal="< 60 s",
        ),
        Figure(
            "peak memory growth, first import",
            first_mb,
            "MB",
            goal="< 100 MB",
        ),
        Figure(
            "peak memory growth, re-import",
            again_mb,
            "MB",
            goal="< 100 MB",
        ),
        Figure(
            "background job, all new: upload + check",
            check_s,
            "s",
            "csv.reader pass",
            read_s,
        ),
        Figure(
            "  then confirm + apply",
            apply_s,
            "s",
            "csv.reader pass",
            read_s,
        ),
        Figure(
            "  the whole job",
            check_s + apply_s,
            "s",
            "csv.reader pass",
            read_s,
            goal="< 60 s",
        ),
        Figure("  peak memory growth, the whole job", job_mb, "MB", goal="< 100 MB"),
    ]


def _job(initiative: Initiative, path: Path, rows: int) -> tuple[float, float, float]:
    """Seconds to upload and check, to confirm and apply, and the peak memory growth.

    On a second initiative with the same audience, so every row is new again.
    Tasks run at once (Immediate backend), as the worker would run them.
    """
    second = Initiative.objects.create(
        name="Benchmark adoption job",
        slug="bench-adoption-job",
        tool_name="the benchmark tool",
        why="To time the background usage import.",
        go_live=initiative.go_live,
        status=Initiative.Status.ACTIVE,
    )
    second.units.set(initiative.units.all())
    actor = get_user_model().objects.first()
    media = tempfile.mkdtemp(prefix="adoption-bench-media-")
    storages = {
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": media},
        },
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }

    def check():
        with path.open("rb") as stream:
            upload = File(stream, name="usage.csv")
            return usage_job_start(
                initiative=second,
                upload=upload,
                filename="usage.csv",
                rows=file_rows(upload),
                actor=actor,
            )

    with override_settings(STORAGES=storages):
        _reset_peak()
        before = _rss_mb("VmRSS")
        check_s, _mb, job = _measured_keep(check)
        job.refresh_from_db()
        assert job.status == "checked", (job.status, job.errors[:5])
        apply_s, _mb, job = _measured_keep(
            lambda: usage_job_confirm(job=job, actor=actor)
        )
        grown = _rss_mb("VmHWM") - before
    shutil.rmtree(media, ignore_errors=True)
    job.refresh_from_db()
    assert job.status == "done" and job.created == rows, (job.status, job.created)
    return check_s, apply_s, grown


def _measured_keep(func) -> tuple[float, float, object]:
    """Seconds of func() and what it returned, leaving the memory peak alone."""
    started = time.perf_counter()
    value = func()
    return time.perf_counter() - started, 0.0, value
