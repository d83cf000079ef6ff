"""Background work: rendering PDFs and bulk jobs (django-tasks), and starting a job.

The top of the app's background work: tasks call services and `bulk`, never the
other way round. Issuing asks for a render through the `certificate_issued`
signal (see signal_handlers.py). Arguments are ids, never objects: the database
backend stores them as JSON and a worker on another host picks them up. The
tasks' dotted paths are stored with queued work, so they stay here.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from django_tasks import task

from courses.models import CoursePage
from people.models import OrgUnit

from .bulk import bulk_job_run
from .models import BulkCertificateJob, Certificate
from .services import certificate_pdf_ensure


@task()
def render_certificate(certificate_id: int) -> str:
    """Render one certificate's PDF unless it is already stored."""
    certificate = Certificate.objects.get(pk=certificate_id)
    return certificate_pdf_ensure(certificate=certificate).pdf_sha256


@task()
def run_bulk_job(job_id: int) -> int:
    """Issue and render every missing certificate of one bulk job."""
    return bulk_job_run(job=BulkCertificateJob.objects.get(pk=job_id)).done


def bulk_job_start(
    *, actor: AbstractBaseUser, course: CoursePage, org_unit: OrgUnit | None
) -> BulkCertificateJob:
    """Record a bulk job and queue it once the job row is committed."""
    job = BulkCertificateJob.objects.create(
        created_by=actor, course_id=course.pk, org_unit=org_unit
    )
    transaction.on_commit(lambda: run_bulk_job.enqueue(job_id=job.pk))
    return job
