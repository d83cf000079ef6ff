"""Simultaneous uploads and confirms of big usage files: one job, applied once.

Threads, each with its own connection, released together (tests.concurrency).
The partial unique constraint lets one job per initiative be under way, and
the confirm is a conditional UPDATE that one of them wins. Tasks run at once
(Immediate backend) in the thread whose transaction queued them. SQLite needs
a database file; PostgreSQL: scripts/with-postgres.sh.
"""

from datetime import timedelta

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone

import pytest

from change.models import UsageDay, UsageImportJob
from change.usage import apply as usage_apply
from change.usage import tasks as usage_tasks
from change.usage.jobs import UsageJobError, usage_job_confirm, usage_job_start
from tests.change.factories import InitiativeFactory
from tests.concurrency import all_at_once
from tests.people.factories import EmployeeFactory, UserFactory

SIMULTANEOUS = 6
Status = UsageImportJob.Status

pytestmark = pytest.mark.skipif(
    connection.vendor == "sqlite"
    and connection.settings_dict["TEST"].get("NAME") in (None, "", ":memory:"),
    reason="SQLite in memory cannot show locking: set TEST_DB_NAME",
)


@pytest.fixture
def big_file(org):
    initiative = InitiativeFactory(units=[org["team_a"]], slug="rollout")
    people = [EmployeeFactory(org_unit=org["team_a"]) for _ in range(20)]
    days = [timezone.localdate() - timedelta(days=n) for n in range(1, 4)]
    lines = ["employee_number,date,count"]
    lines += [f"{p.employee_number},{d:%Y-%m-%d},2" for p in people for d in days]
    return initiative, ("\n".join(lines) + "\n").encode(), len(people) * len(days)


def _stored() -> list[str]:
    try:
        return default_storage.listdir("usage-jobs")[1]
    except FileNotFoundError:
        return []


def _start(initiative, data, actor):
    def start():
        try:
            job = usage_job_start(
                initiative=initiative,
                upload=SimpleUploadedFile("usage.csv", data),
                filename="usage.csv",
                rows=data.count(b"\n") - 1,
                actor=actor,
            )
        except UsageJobError as error:
            return error.code
        return job.pk

    return start


@pytest.mark.django_db(transaction=True)
def test_simultaneous_uploads_make_one_job_and_keep_one_file(big_file):
    initiative, data, rows = big_file
    actor = UserFactory()
    stored = set(_stored())
    answers = all_at_once([_start(initiative, data, actor)] * SIMULTANEOUS)
    job = UsageImportJob.objects.get()
    assert sorted(answers, key=str) == sorted(
        [job.pk] + ["job_under_way"] * (SIMULTANEOUS - 1), key=str
    )
    assert (job.status, job.rows_total, job.created) == (Status.CHECKED, rows, rows)
    assert default_storage.exists(job.file_name)
    assert set(_stored()) - stored == {job.file_name.split("/")[1]}
    assert not UsageDay.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_simultaneous_confirms_apply_once(big_file):
    initiative, data, rows = big_file
    actor = UserFactory()
    job_pk = _start(initiative, data, actor)()
    job = UsageImportJob.objects.get(pk=job_pk)
    assert job.status == Status.CHECKED
    name = job.file_name

    def confirm():
        try:
            return usage_job_confirm(
                job=UsageImportJob.objects.get(pk=job_pk), actor=actor
            ).status
        except UsageJobError as error:
            return error.code

    answers = all_at_once([confirm] * SIMULTANEOUS)
    assert answers.count("not_waiting") == SIMULTANEOUS - 1
    job.refresh_from_db()
    assert (job.status, job.created, job.updated) == (Status.DONE, rows, 0)
    assert UsageDay.objects.filter(initiative=initiative, count=2).count() == rows
    assert job.file_name == "" and not default_storage.exists(name)


@pytest.mark.django_db(transaction=True)
def test_others_see_the_rows_done_while_the_job_reads(big_file, monkeypatch):
    initiative, data, rows = big_file
    assert rows == 60
    monkeypatch.setattr(usage_apply, "PROGRESS_EVERY", 20)
    seen = {"check": [], "apply": []}
    reported = usage_tasks._Progress.__call__

    def watched(progress, done):
        reported(progress, done)
        step = "apply" if connection.in_atomic_block else "check"
        other = connection.copy()  # as the job's page would read it
        try:
            with other.cursor() as cursor:
                cursor.execute(
                    "SELECT rows_done FROM change_usageimportjob WHERE id = %s",
                    [progress.job_id],
                )
                seen[step].append(cursor.fetchone()[0])
        finally:
            other.close()

    monkeypatch.setattr(usage_tasks._Progress, "__call__", watched)
    actor = UserFactory()
    job_pk = _start(initiative, data, actor)()
    usage_job_confirm(job=UsageImportJob.objects.get(pk=job_pk), actor=actor)
    assert seen["check"] == [20, 40, 60]
    # The apply writes in one transaction: PostgreSQL reports through a second
    # connection; SQLite's one writer is the import, so the count waits.
    expected = [0, 0, 0] if connection.vendor == "sqlite" else [20, 40, 60]
    assert seen["apply"] == expected
    assert UsageImportJob.objects.get(pk=job_pk).status == Status.DONE
