"""Background exports (django-tasks): a worker builds a big XLSX from the job's kind.

Arguments are ids, never objects: the database backend stores them as JSON
and a worker on another host picks them up.
"""

import io
import uuid

from django.core.files.base import ContentFile
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
    job.run(lambda jobs: _build(job, jobs))
    return job


def _build(job: ExportJob, jobs) -> None:
    report = import_string(BUILDERS[job.kind])
    header, rows = report.export(user=job.user, params=job.params)
    buffer = io.BytesIO()
    count = write_xlsx(buffer, header, rows)
    # save=False: saving the whole row would write back the status it was read with.
    job.file.save(
        f"{uuid.uuid4().hex}.xlsx", ContentFile(buffer.getvalue()), save=False
    )
    jobs.update(file=job.file.name, row_count=count)


@task()
def run_export(job_id: int) -> int:
    """Build one export's workbook; return its row count."""
    return export_job_run(job=ExportJob.objects.get(pk=job_id)).row_count
