"""Starting, applying and cancelling a background usage import (the work: `tasks`).

A file above CHANGE_USAGE_BACKGROUND_ROWS rows is stored and checked by a
worker; the person sees the check's outcome on the job's page and applies it
from there, as they would a preview in the request. One job per initiative is
under way at a time, and a confirm is taken once however often it is sent.
"""

import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lib.errors import DomainError

from ..models import Initiative, UsageImportJob
from .tasks import apply_usage_job, check_usage_job, usage_job_file_delete

Status = UsageImportJob.Status
FOLDER = "usage-jobs"


class UsageJobError(DomainError):
    """A job cannot start, be applied or be cancelled (`code` says why)."""

    def __init__(self, message: str, *, code: str, job: UsageImportJob | None = None):
        super().__init__(message, code=code)
        self.job = job  # the job in the way, or the one refused


def background_rows() -> int:
    """Files with more rows than this are checked and applied by a worker."""
    return getattr(settings, "CHANGE_USAGE_BACKGROUND_ROWS", 50_000)


def file_rows(upload: File) -> int:
    """How many rows (lines after the header) a file has, read in chunks."""
    lines, last = 0, b"\n"
    for chunk in upload.chunks():
        lines += chunk.count(b"\n")
        last = chunk[-1:] or last
    upload.seek(0)
    return max(0, lines - (last == b"\n"))


def usage_job_start(
    *,
    initiative: Initiative,
    upload: File,
    filename: str,
    rows: int,
    actor: AbstractBaseUser,
) -> UsageImportJob:
    """Store the file and queue its check; UsageJobError if a job is under way."""
    name = default_storage.save(f"{FOLDER}/{secrets.token_urlsafe(24)}.csv", upload)
    try:
        with transaction.atomic():
            job = UsageImportJob.objects.create(
                initiative=initiative,
                filename=filename[:255],
                file_name=name,
                rows_total=rows,
                started_by=actor,
            )
    except IntegrityError:
        usage_job_file_delete(name)
        raise UsageJobError(
            _(
                "Another usage import for this initiative is under way. Wait for "
                "it to end, or cancel it, before uploading another file."
            ),
            code="job_under_way",
            job=usage_job_under_way(initiative=initiative),
        ) from None
    transaction.on_commit(lambda: check_usage_job.enqueue(job_id=job.pk))
    return job


def usage_job_under_way(*, initiative: Initiative) -> UsageImportJob | None:
    """The initiative's job that is under way, if any."""
    return (
        UsageImportJob.objects.filter(
            initiative=initiative, status__in=UsageImportJob.ACTIVE
        )
        .only("pk", "initiative_id", "filename", "status")
        .first()
    )


def usage_jobs_recent(*, initiative: Initiative, limit: int = 5) -> list[dict]:
    """The initiative's latest jobs, newest first, as the import page lists them."""
    jobs = UsageImportJob.objects.filter(initiative=initiative).select_related(
        "started_by"
    )[:limit]
    return [
        {
            "job": job,
            "started_by": person_name(job.started_by),
        }
        for job in jobs
    ]


def person_name(user) -> str:
    """How a page names who started or applied a job."""
    if user is None:
        return _("someone")
    return user.get_full_name() or user.get_username()


def usage_job_confirm(
    *, job: UsageImportJob, actor: AbstractBaseUser
) -> UsageImportJob:
    """Queue the apply of a checked job, once; UsageJobError if it is not waiting."""
    taken = UsageImportJob.objects.filter(pk=job.pk, status=Status.CHECKED).update(
        status=Status.CONFIRMED, confirmed_by=actor
    )
    if not taken:
        raise UsageJobError(
            _("This import has already been applied, or it was cancelled."),
            code="not_waiting",
            job=job,
        )
    transaction.on_commit(lambda: apply_usage_job.enqueue(job_id=job.pk))
    job.refresh_from_db()
    return job


CANCELLABLE = (Status.QUEUED, Status.CHECKING, Status.CHECKED, Status.CONFIRMED)


def usage_job_cancel(*, job: UsageImportJob) -> UsageImportJob:
    """Drop a job that is not being applied, and its file; UsageJobError otherwise."""
    name = job.file_name
    cancelled = UsageImportJob.objects.filter(pk=job.pk, status__in=CANCELLABLE).update(
        status=Status.CANCELLED, finished_at=timezone.now(), file_name=""
    )
    if not cancelled:
        raise UsageJobError(
            _("This import is being applied or has ended; it cannot be cancelled."),
            code="not_cancellable",
            job=job,
        )
    transaction.on_commit(lambda: usage_job_file_delete(name))
    job.refresh_from_db()
    return job
