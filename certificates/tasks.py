"""Background work: rendering PDFs and bulk jobs (django-tasks).

Arguments are ids, never objects: the database backend stores them as JSON
and a worker on another host picks them up.
"""

from django_tasks import task

from .models import BulkCertificateJob, Certificate


@task()
def render_certificate(certificate_id: int) -> str:
    """Render one certificate's PDF unless it is already stored."""
    from .services import certificate_pdf_ensure

    certificate = Certificate.objects.get(pk=certificate_id)
    return certificate_pdf_ensure(certificate=certificate).pdf_sha256


@task()
def run_bulk_job(job_id: int) -> int:
    """Issue and render every missing certificate of one bulk job."""
    from .bulk import bulk_job_run

    return bulk_job_run(job=BulkCertificateJob.objects.get(pk=job_id)).done
