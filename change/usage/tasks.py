"""Big usage files in the background (django-tasks): check one, then apply it.

A job goes queued → checking → checked (waits for the person) → confirmed →
applying → done, or ends refused (bad rows: nothing written), failed or
cancelled. Each step claims the job with a conditional UPDATE, so a task
delivered twice runs once, and every ending is written only if the job is
still in the step that ends (a cancelled job stays cancelled). The file is
read from media storage through `default_storage` and removed when the job
ends. Arguments are ids: the database backend stores them as JSON.
"""

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from typing import IO

from django.core.files.storage import default_storage
from django.db import connection
from django.utils import timezone

from django_tasks import task

from ..models import UsageImportJob
from .apply import UsageFileError, UsageResult, usage_import
from .check import UsageProblem

Status = UsageImportJob.Status
# The largest file a job takes: the bound of 40,000 people × 25 days,
# and room in bytes for long employee numbers and a few more columns.
MAX_JOB_ROWS = 1_000_000
MAX_JOB_BYTES = 48 * 1024 * 1024


@task()
def check_usage_job(job_id: int) -> str:
    """Check one uploaded usage file (a dry run); the job's status after it."""
    return usage_job_check(job_id=job_id).status


@task()
def apply_usage_job(job_id: int) -> str:
    """Apply one checked and confirmed usage file; the job's status after it."""
    return usage_job_apply(job_id=job_id).status


def usage_job_check(*, job_id: int) -> UsageImportJob:
    """Check the job's file and record what applying it would change, or its problems."""
    return _step(job_id, Status.QUEUED, Status.CHECKING, dry_run=True)


def usage_job_apply(*, job_id: int) -> UsageImportJob:
    """Check the job's file again and write it, all or nothing."""
    return _step(job_id, Status.CONFIRMED, Status.APPLYING, dry_run=False)


def _step(job_id: int, claimed: str, working: str, *, dry_run: bool) -> UsageImportJob:
    jobs = UsageImportJob.objects.filter(pk=job_id)
    if not jobs.filter(status=claimed).update(status=working, rows_done=0):
        return jobs.get()  # another delivery has it, or it was cancelled
    job = jobs.select_related("initiative").get()
    progress = _Progress(job_id)
    try:
        with _opened(job.file_name) as stream:
            result = usage_import(
                initiative=job.initiative,
                data=stream,
                dry_run=dry_run,
                max_rows=MAX_JOB_ROWS,
                progress=progress,
            )
    except UsageFileError as error:
        result = UsageResult(errors=[error.as_error()], error_count=1)
    except Exception as error:
        _end(job, working, status=Status.FAILED, failure=str(error)[:2000])
        raise
    finally:
        progress.close()
    if result.error_count:
        _end(job, working, status=Status.REFUSED, **_outcome(result))
    elif dry_run:
        jobs.filter(status=working).update(status=Status.CHECKED, **_outcome(result))
    else:
        _end(job, working, status=Status.DONE, **_outcome(result))
    return jobs.get()


def _outcome(result: UsageResult) -> dict:
    return {
        "rows_total": result.row_count,
        "rows_done": result.row_count,
        "created": result.created,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "error_count": result.error_count,
        "errors": [_problem(problem) for problem in result.errors],
        "changes": [
            {
                "line": change.line,
                "employee_number": change.employee_number,
                "day": change.day.isoformat(),
                "old_count": change.old_count,
                "count": change.count,
            }
            for change in result.changes
        ],
    }


def _problem(problem) -> dict:
    if isinstance(problem, UsageProblem):
        return {
            "line": problem.position,
            "column": problem.field,
            "value": problem.value,
            "message": problem.message,
            "code": problem.code,
        }
    return {  # a RowError: the file refused whole
        "line": problem.line,
        "column": problem.column,
        "value": problem.value,
        "message": problem.message,
        "code": problem.code,
    }


def _end(job: UsageImportJob, working: str, **fields) -> None:
    """End the job if it is still `working`, and let go of its file."""
    ended = UsageImportJob.objects.filter(pk=job.pk, status=working).update(
        finished_at=timezone.now(), file_name="", **fields
    )
    if ended:
        usage_job_file_delete(job.file_name)


def usage_job_file_delete(name: str) -> None:
    """Remove a job's file from media storage (gone already is fine)."""
    if name:
        with contextlib.suppress(FileNotFoundError):
            default_storage.delete(name)


@contextlib.contextmanager
def _opened(name: str) -> Iterator[IO[bytes]]:
    """The stored file, seekable (the import reads it twice when it has duplicates).

    Storage backends' files are usually seekable already; one that streams is
    copied to a temporary file first, spilling to disk past a few megabytes.
    """
    with default_storage.open(name, "rb") as stored:
        if _seekable(stored):
            yield stored
            return
        with tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024) as copy:
            shutil.copyfileobj(stored, copy, 1024 * 1024)
            copy.seek(0)
            yield copy


def _seekable(stream) -> bool:
    try:
        return bool(stream.seekable())
    except (AttributeError, ValueError):
        return False


class _Progress:
    """Writes a job's rows done as the import reads them, where others can see it.

    Outside a transaction (the check) an ordinary UPDATE does. The apply runs in
    one transaction, so its progress goes through a second connection on
    PostgreSQL; SQLite has one writer at a time and the import is it, so there
    the page shows the step without a count until the import commits.
    """

    def __init__(self, job_id: int) -> None:
        self.job_id = job_id
        self.side = None

    def __call__(self, rows: int) -> None:
        if not connection.in_atomic_block:
            UsageImportJob.objects.filter(pk=self.job_id).update(rows_done=rows)
            return
        if connection.vendor == "sqlite":
            return
        if self.side is None:
            self.side = connection.copy()
        table = connection.ops.quote_name(UsageImportJob._meta.db_table)
        with self.side.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET rows_done = %s WHERE id = %s",  # noqa: S608
                [rows, self.job_id],
            )

    def close(self) -> None:
        if self.side is not None:
            self.side.close()
