"""Writes of the reports app: starting a background export."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from .models import ExportJob
from .tasks import BUILDERS, run_export


def export_job_start(
    *, user: AbstractBaseUser, kind: str, params: dict, filename: str
) -> ExportJob:
    """Record a background export and queue it once the job row is committed."""
    if kind not in BUILDERS:
        raise ValueError(f"No background builder for export kind {kind!r}.")
    job = ExportJob.objects.create(
        user=user, kind=kind, params=params, filename=filename
    )
    transaction.on_commit(lambda: run_export.enqueue(job_id=job.pk))
    return job
