"""Background exports (django-tasks): a worker builds a big XLSX from the job's kind.

Arguments are ids, never objects: the database backend stores them as JSON
and a worker on another host picks them up.
"""

import io
import uuid

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.module_loading import import_string

from django_tasks import task

from .exports import write_xlsx
from .models import ExportJob

# kind -> the report view (a `TeamReportView`) whose `export(user=, params=)`
# returns (header, rows). The worker imports it by name, so only kinds listed
# here can run in the background; the view declares the same `export_kind`.
BUILDERS = {
    "team-skills": "reports.team.skills.TeamSkillsReportView",
    "team-skills-units": "reports.team.skills.TeamSkillsUnitsReportView",
    "team-people": "reports.team.views.TeamPeopleReportView",
    "team-training": "reports.team.views.TeamTrainingReportView",
}


def export_job_run(*, job: ExportJob) -> ExportJob:
    """Build the job's workbook with its owner's scope and store it."""
    jobs = ExportJob.objects.filter(pk=job.pk)
    # Only one worker may run a job, even if the task is delivered twice.
    if not jobs.filter(status=ExportJob.Status.QUEUED).update(
        status=ExportJob.Status.RUNNING
    ):
        return job
    try:
        report = import_string(BUILDERS[job.kind])
        header, rows = report.export(user=job.user, params=job.params)
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


@task()
def run_export(job_id: int) -> int:
    """Build one export's workbook; return its row count."""
    return export_job_run(job=ExportJob.objects.get(pk=job_id)).row_count
