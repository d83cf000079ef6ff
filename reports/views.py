"""Exports as responses: the page's rows as CSV or XLSX, or a background job's pages.

A report view builds its header and rows from the same selector call it renders,
so an export is scoped exactly as the page, then hands them to `export_response`.
XLSX files over `EXPORT_XLSX_BACKGROUND_ROWS` rows are built by a worker
(`tasks.run_export`), which rebuilds the rows from the job's kind and parameters
with the owner's scope: register a background-capable kind in `tasks.BUILDERS`.
"""

from collections.abc import Callable, Sequence

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render

from .exports import XLSX_CONTENT_TYPE, Rows, stream_csv, xlsx_response
from .models import ExportJob
from .services import export_job_start

FORMATS = ("csv", "xlsx")
STATUS_REFRESH_SECONDS = 5


def background_threshold() -> int:
    """XLSX exports with more rows than this are built by a worker."""
    return getattr(settings, "EXPORT_XLSX_BACKGROUND_ROWS", 10_000)


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
        return redirect("reports:export-status", pk=job.pk)
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
        "reports/team/export_status.html",
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
