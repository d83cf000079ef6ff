"""Spreadsheet exports of the team reports: CSV streamed, XLSX inline or in the background.

A report view builds its header and rows from the same selector call it renders,
so an export is scoped exactly as the page, then hands them to `export_response`.
XLSX files over `EXPORT_XLSX_BACKGROUND_ROWS` rows are built by a worker
(`tasks.run_export`), which rebuilds the rows from the job's kind and parameters
with the owner's scope: register a background-capable kind in `BUILDERS`.
"""

import csv
import io
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.module_loading import import_string

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from lib.safe_csv import neutralise

from .models import ExportJob

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("csv", "xlsx")
STATUS_REFRESH_SECONDS = 5

# kind -> "module.function" taking (user, params) and returning (header, rows).
# The worker imports the builder by name, so only kinds listed here can run in
# the background; the view that offers the export passes the same kind.
BUILDERS = {
    "team-skills": "training_site.team.skills.matrix_export",
    "team-skills-units": "training_site.team.skills.units_export",
    "team-people": "training_site.team.views.people_export",
    "team-training": "training_site.team.views.training_export",
}

Rows = Iterable[Sequence]


def background_threshold() -> int:
    """XLSX exports with more rows than this are built by a worker."""
    return getattr(settings, "EXPORT_XLSX_BACKGROUND_ROWS", 10_000)


class _Echo:
    """A file-like object whose write() hands the line back to the generator."""

    def write(self, value: str) -> str:
        return value


def _csv_lines(header: Sequence, rows: Rows) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff"  # a byte-order mark, so Excel reads the file as UTF-8
    yield writer.writerow([neutralise(v) for v in header])
    for row in rows:
        yield writer.writerow([neutralise(v) for v in row])


def stream_csv(filename: str, header: Sequence, rows: Rows) -> StreamingHttpResponse:
    """A CSV download written row by row as `rows` is consumed."""
    response = StreamingHttpResponse(
        _csv_lines(header, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


class Percent(int):
    """A whole percentage: CSV writes the number, XLSX a fraction shown as "60%"."""


def _xlsx_value(sheet, value):
    if isinstance(value, Percent):
        cell = WriteOnlyCell(sheet, value=value / 100)
        cell.number_format = "0%"
        return cell
    if isinstance(value, str):
        # openpyxl refuses control characters; they carry no meaning in a report.
        cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
        # Typed as a string, "=1+1" is text that no spreadsheet evaluates, so
        # XLSX needs no CSV apostrophe: the cell shows exactly what was typed.
        cell.data_type = "s"
        return cell
    return value


def write_xlsx(stream, header: Sequence, rows: Rows) -> int:
    """Write a one-sheet workbook to `stream` in write-only mode; return the row count."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append([_xlsx_value(sheet, v) for v in header])
    count = 0
    for row in rows:
        sheet.append([_xlsx_value(sheet, v) for v in row])
        count += 1
    workbook.save(stream)
    return count


def xlsx_response(filename: str, header: Sequence, rows: Rows) -> HttpResponse:
    """An XLSX download built in memory (small exports only)."""
    buffer = io.BytesIO()
    write_xlsx(buffer, header, rows)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def export_job_start(
    *, user: AbstractBaseUser, kind: str, params: dict, filename: str
) -> ExportJob:
    """Record a background export and queue it once the job row is committed."""
    from .tasks import run_export

    if kind not in BUILDERS:
        raise ValueError(f"No background builder for export kind {kind!r}.")
    job = ExportJob.objects.create(
        user=user, kind=kind, params=params, filename=filename
    )
    transaction.on_commit(lambda: run_export.enqueue(job_id=job.pk))
    return job


def export_job_run(*, job: ExportJob) -> ExportJob:
    """Build the job's workbook with its owner's scope and store it."""
    jobs = ExportJob.objects.filter(pk=job.pk)
    # Only one worker may run a job, even if the task is delivered twice.
    if not jobs.filter(status=ExportJob.Status.QUEUED).update(
        status=ExportJob.Status.RUNNING
    ):
        return job
    try:
        header, rows = import_string(BUILDERS[job.kind])(job.user, job.params)
        buffer = io.BytesIO()
        count = write_xlsx(buffer, header, rows)
        job.file.save(f"{uuid.uuid4().hex}.xlsx", ContentFile(buffer.getvalue()))
    except Exception as error:
        jobs.update(
            status=ExportJob.Status.FAILED,
            error=str(error)[:2000],
            finished_at=timezone.now(),
        )
        raise
    jobs.update(
        file=job.file.name,
        row_count=count,
        status=ExportJob.Status.DONE,
        finished_at=timezone.now(),
    )
    job.refresh_from_db()
    return job


def export_response(
    request,
    *,
    kind: str,
    params: dict,
    filename: str,
    header: Sequence,
    rows_qs_or_callable: Rows | Callable[[], Rows],
    row_count: int,
):
    """The export the request asks for (`?format=csv|xlsx`), or None for the page.

    CSV always streams; XLSX is built in the request up to the threshold, and
    above it in the background, answering with a redirect to the job's status.
    `rows_qs_or_callable` is only consumed when needed: pass a callable (or a
    lazy iterable) so the background path never builds the rows in the request.
    """
    fmt = request.GET.get("format")
    if fmt not in FORMATS:
        return None
    if fmt == "xlsx" and row_count > background_threshold():
        job = export_job_start(
            user=request.user, kind=kind, params=params, filename=f"{filename}.xlsx"
        )
        return redirect("training_site:export-status", pk=job.pk)
    rows = (
        rows_qs_or_callable() if callable(rows_qs_or_callable) else rows_qs_or_callable
    )
    if hasattr(rows, "iterator"):  # a values_list() queryset: never cache it all
        rows = rows.iterator(chunk_size=2000)
    if fmt == "csv":
        return stream_csv(f"{filename}.csv", header, rows)
    return xlsx_response(f"{filename}.xlsx", header, rows)


@login_required
def export_status(request, pk: int):
    """Where a background export is: refreshes itself until it is ready."""
    job = get_object_or_404(ExportJob, pk=pk, user=request.user)
    return render(
        request,
        "training_site/team/export_status.html",
        {"job": job, "refresh_seconds": STATUS_REFRESH_SECONDS},
    )


@login_required
def export_download(request, pk: int):
    """The finished workbook, for its owner only (everyone else: 404)."""
    job = get_object_or_404(
        ExportJob, pk=pk, user=request.user, status=ExportJob.Status.DONE
    )
    return FileResponse(
        job.file.open("rb"),
        as_attachment=True,
        filename=job.filename,
        content_type=XLSX_CONTENT_TYPE,
    )
