"""lib.jobs.BackgroundJob: claimed once, and an ending recorded either way."""

import pytest

from certificates.models import BulkCertificateJob
from reports.models import ExportJob


@pytest.fixture
def export(employee):
    return ExportJob.objects.create(user=employee, kind="people", filename="x.xlsx")


@pytest.mark.django_db
def test_a_job_is_worked_once_and_then_ready(export):
    calls = []
    assert export.run(lambda rows: calls.append(rows.get().status)) is True
    # The work ran while the job said so; the second delivery finds it claimed.
    assert calls == [ExportJob.Status.RUNNING]
    assert export.run(lambda rows: calls.append("again")) is False
    assert calls == [ExportJob.Status.RUNNING]
    assert export.status == ExportJob.Status.DONE
    assert export.is_finished and export.finished_at is not None


@pytest.mark.django_db
def test_a_failure_is_recorded_and_raised_again(export):
    def work(rows):
        rows.update(row_count=5)
        raise RuntimeError("the disk is full")

    with pytest.raises(RuntimeError, match="the disk is full"):
        export.run(work)
    export.refresh_from_db()
    assert (export.status, export.error, export.row_count) == (
        ExportJob.Status.FAILED,
        "the disk is full",
        5,
    )
    assert export.is_finished and export.finished_at is not None


@pytest.mark.django_db
def test_a_job_may_name_its_states_its_own_way(ld_admin):
    # Bulk certificate jobs were "pending" before they shared the base; they still are.
    job = BulkCertificateJob(created_by=ld_admin, course_id=1)
    assert job.status == "pending" == BulkCertificateJob.Status.QUEUED
    assert job.get_status_display() == "Waiting to start"
    assert not job.is_finished
