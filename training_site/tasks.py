"""Background work of the site: large spreadsheet exports (django-tasks).

Arguments are ids, never objects: the database backend stores them as JSON
and a worker on another host picks them up.
"""

from django_tasks import task

from .models import ExportJob


@task()
def run_export(job_id: int) -> int:
    """Build one export's workbook; return its row count."""
    from .exports import export_job_run

    return export_job_run(job=ExportJob.objects.get(pk=job_id)).row_count
