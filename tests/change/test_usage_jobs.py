"""Big usage files in the background: checked by a task, applied on confirm, followed on a page.

CHANGE_USAGE_BACKGROUND_ROWS is lowered so a file of a few rows takes the
background path; tasks run at once (the Immediate backend) when the request's
transaction commits, which `django_capture_on_commit_callbacks` stands for.
"""

from datetime import timedelta

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from change.models import UsageDay, UsageImportJob
from change.usage import apply as usage_apply
from change.usage import usage_import
from change.usage.jobs import file_rows
from change.usage.tasks import usage_job_apply, usage_job_check
from change.usage.upload import UsageImportView
from tests.people.factories import EmployeeFactory
from tests.personas import LOGIN, NO_ADMIN, OK, REFUSED

YESTERDAY = timezone.localdate() - timedelta(days=1)
Status = UsageImportJob.Status


@pytest.fixture(autouse=True)
def small_threshold(settings):
    settings.CHANGE_USAGE_BACKGROUND_ROWS = 2


def _import_url(initiative):
    return reverse("change_usage:import", args=[initiative.pk])


def _job_url(job):
    return reverse("change_usage:job", args=[job.initiative_id, job.pk])


def _file(data: bytes, name="usage.csv"):
    return SimpleUploadedFile(name, data, content_type="text/csv")


def _usage_csv(*people, day=YESTERDAY, count=3):
    lines = ["employee_number,date,count"]
    lines += [f"{p.employee_number},{day:%Y-%m-%d},{count}" for p in people]
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture
def crew(led, org):
    """Our initiative and three of its people."""
    ours, _theirs = led
    return ours, [EmployeeFactory(org_unit=org["team_a"]) for _ in range(3)]


def _stored() -> list[str]:
    """The files waiting in the jobs' folder (storage outlives a test's database)."""
    try:
        return default_storage.listdir("usage-jobs")[1]
    except FileNotFoundError:
        return []


def _upload(client, initiative, data, capture):
    with capture(execute=True):
        return client.post(_import_url(initiative), {"file": _file(data)})


def test_a_big_file_is_checked_then_waits_then_applies_on_confirm(
    crew, client_for, manager, django_capture_on_commit_callbacks
):
    ours, people = crew
    lead = client_for(manager)
    answer = _upload(
        lead, ours, _usage_csv(*people), django_capture_on_commit_callbacks
    )
    job = UsageImportJob.objects.get()
    assert answer.status_code == 302 and answer["Location"] == _job_url(job)
    assert (job.status, job.rows_total, job.created, job.started_by) == (
        Status.CHECKED,
        3,
        3,
        manager,
    )
    assert default_storage.exists(job.file_name)
    page = lead.get(_job_url(job)).text
    assert "Checked: waiting for you to apply it" in page
    assert "All 3 rows are good. Nothing has been written yet." in page
    assert people[0].employee_number in page  # the first changes
    assert "data-refresh-seconds" not in page  # waits for the person
    assert not UsageDay.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        lead.post(_job_url(job), {"action": "apply"})
    applied = lead.get(_job_url(job))
    assert "Usage imported: 3 new days, 0 changed, 0 unchanged." in applied.text
    assert UsageDay.objects.filter(initiative=ours, count=3).count() == 3
    job.refresh_from_db()
    assert (job.status, job.confirmed_by, job.file_name) == (Status.DONE, manager, "")
    assert job.finished_at is not None


def test_a_file_at_the_threshold_stays_in_the_request(
    crew, client_for, manager, django_capture_on_commit_callbacks
):
    ours, people = crew
    answer = _upload(
        client_for(manager),
        ours,
        _usage_csv(*people[:2]),
        django_capture_on_commit_callbacks,
    )
    assert answer.status_code == 200 and "Preview of usage.csv" in answer.text
    assert not UsageImportJob.objects.exists()


def test_bad_rows_are_listed_by_line_and_nothing_is_written(
    crew, client_for, manager, peer, django_capture_on_commit_callbacks
):
    ours, people = crew
    data = _usage_csv(people[0], peer.employee, people[1], people[2])
    lead = client_for(manager)
    stored = set(_stored())
    _upload(lead, ours, data, django_capture_on_commit_callbacks)
    job = UsageImportJob.objects.get()
    assert job.status == Status.REFUSED and job.error_count == 1
    assert job.errors[0]["line"] == 3 and job.errors[0]["code"] == "not_affected"
    page = lead.get(_job_url(job)).text
    assert "The file has 1 problem. Nothing was imported." in page
    assert "<tr><td>3</td><td>employee_number</td>" in page
    assert "Apply this import" not in page
    assert not UsageDay.objects.exists()
    assert job.file_name == "" and set(_stored()) == stored  # the file is gone


def test_a_file_that_is_not_usage_csv_ends_the_job_with_the_reason(
    crew, client_for, manager, django_capture_on_commit_callbacks
):
    ours, _people = crew
    lead = client_for(manager)
    _upload(
        lead, ours, b"who,when\nx,y\nx,y\nx,y\n", django_capture_on_commit_callbacks
    )
    job = UsageImportJob.objects.get()
    assert job.status == Status.REFUSED
    assert "The header is missing these columns" in lead.get(_job_url(job)).text


def test_a_second_upload_while_one_is_under_way_is_told_so(
    crew, client_for, manager, ld_admin, django_capture_on_commit_callbacks
):
    ours, people = crew
    data = _usage_csv(*people)
    _upload(client_for(manager), ours, data, django_capture_on_commit_callbacks)
    first = UsageImportJob.objects.get()
    stored = set(_stored())
    page = _upload(client_for(ld_admin), ours, data, django_capture_on_commit_callbacks)
    assert page.status_code == 200
    assert "Another usage import for this initiative is under way" in page.text
    assert _job_url(first) in page.text  # "See that import"
    assert UsageImportJob.objects.count() == 1
    assert set(_stored()) == stored  # the refused file was not kept
    # The import page says so before anyone tries.
    assert _job_url(first) in client_for(ld_admin).get(_import_url(ours)).text


def test_a_double_confirm_applies_once(
    crew, client_for, manager, django_capture_on_commit_callbacks
):
    ours, people = crew
    lead = client_for(manager)
    _upload(lead, ours, _usage_csv(*people), django_capture_on_commit_callbacks)
    job = UsageImportJob.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        lead.post(_job_url(job), {"action": "apply"})
        again = lead.post(_job_url(job), {"action": "apply"}, follow=True)
    assert "already been applied, or it was cancelled" in again.text
    assert UsageDay.objects.count() == 3
    # A task delivered twice runs once.
    assert usage_job_apply(job_id=job.pk).status == Status.DONE
    assert usage_job_check(job_id=job.pk).status == Status.DONE


def test_cancel_drops_the_file_and_frees_the_initiative(
    crew, client_for, manager, django_capture_on_commit_callbacks
):
    ours, people = crew
    lead = client_for(manager)
    data = _usage_csv(*people)
    _upload(lead, ours, data, django_capture_on_commit_callbacks)
    job = UsageImportJob.objects.get()
    assert default_storage.exists(name := job.file_name)
    with django_capture_on_commit_callbacks(execute=True):
        page = lead.post(_job_url(job), {"action": "cancel"}, follow=True)
    assert "Import cancelled: nothing was written." in page.text
    job.refresh_from_db()
    assert job.status == Status.CANCELLED
    assert not default_storage.exists(name)
    assert "Apply this import" not in page.text
    answer = _upload(lead, ours, data, django_capture_on_commit_callbacks)
    assert answer.status_code == 302  # a new job
    assert not UsageDay.objects.exists()


def test_a_person_who_left_between_check_and_apply_refuses_the_whole_file(
    crew, client_for, manager, django_capture_on_commit_callbacks
):
    ours, people = crew
    lead = client_for(manager)
    _upload(lead, ours, _usage_csv(*people), django_capture_on_commit_callbacks)
    job = UsageImportJob.objects.get()
    people[2].is_active = False
    people[2].save()
    with django_capture_on_commit_callbacks(execute=True):
        lead.post(_job_url(job), {"action": "apply"})
    page = lead.get(_job_url(job))
    assert "The file has 1 problem. Nothing was imported." in page.text
    assert "has left (inactive in the roster)" in page.text
    assert not UsageDay.objects.exists()
    job.refresh_from_db()
    assert (job.status, job.created) == (Status.REFUSED, 0)


def test_the_page_shows_progress_as_a_bar_with_words_while_a_worker_is_on_it(
    crew, client_for, manager
):
    ours, _people = crew
    job = UsageImportJob.objects.create(
        initiative=ours,
        filename="march.csv",
        status=Status.CHECKING,
        rows_total=1_000_000,
        rows_done=400_000,
    )
    page = client_for(manager).get(_job_url(job)).text
    assert 'max="1000000" value="400000"' in page
    assert "400,000 of about 1,000,000 rows (40%)." in page
    assert 'data-refresh-seconds="3"' in page and "change/usage_job.js" in page
    assert 'role="status"' in page and ">Checking</p>" in page
    assert "Cancel this import" in page
    UsageImportJob.objects.filter(pk=job.pk).update(status=Status.APPLYING, rows_done=0)
    page = client_for(manager).get(_job_url(job)).text
    assert "Writing about 1,000,000 rows" in page
    assert "Cancel this import" not in page  # it may be committing already


def test_the_import_reports_progress_as_it_reads(crew, monkeypatch):
    ours, people = crew
    monkeypatch.setattr(usage_apply, "PROGRESS_EVERY", 2)
    seen = []
    data = _usage_csv(*people, people[0], day=YESTERDAY - timedelta(days=1))
    usage_import(initiative=ours, data=data, dry_run=True, progress=seen.append)
    assert seen == [2, 4]


def test_rows_are_counted_without_the_header_with_or_without_a_last_newline():
    assert file_rows(_file(b"h\na\nb\n")) == 2
    assert file_rows(_file(b"h\na\nb")) == 2
    assert file_rows(_file(b"h\n")) == 0


def test_the_import_page_takes_a_million_rows_and_says_so(led, client_for, manager):
    ours, _theirs = led
    page = client_for(manager).get(_import_url(ours)).text
    assert UsageImportView.max_upload_bytes == 48 * 1024 * 1024
    assert "At most 1,000,000 rows and 48 MB per file" in page
    assert "A file of more than 2 rows is checked in the background" in page


# Bob leads "ours" (manager); Dana leads nothing (other_manager); the trainer
# has the admin but no initiative.
OURS = {
    "anonymous": LOGIN,
    "employee": NO_ADMIN,
    "peer": NO_ADMIN,
    "manager": OK,
    "other_manager": NO_ADMIN,
    "trainer": REFUSED,
    "ld_admin": OK,
}


def test_only_l_and_d_admins_and_its_change_leads_see_a_job(persona_matrix, led):
    ours, theirs = led
    job = UsageImportJob.objects.create(
        initiative=ours, filename="a.csv", status=Status.CHECKED, rows_total=3
    )
    persona_matrix(_job_url(job), OURS)
    their_job = UsageImportJob.objects.create(
        initiative=theirs, filename="b.csv", status=Status.CHECKED, rows_total=3
    )
    persona_matrix(_job_url(their_job), {**OURS, "manager": REFUSED})
    # A job is found only under its own initiative.
    wrong = reverse("change_usage:job", args=[theirs.pk, job.pk])
    persona_matrix(wrong, {"ld_admin": 404})


def test_refused_people_cannot_apply_or_cancel_a_job(persona_matrix, led):
    ours, _theirs = led
    job = UsageImportJob.objects.create(
        initiative=ours, filename="a.csv", status=Status.CHECKED, rows_total=3
    )
    refused = {k: v for k, v in OURS.items() if v != OK}
    for action in ("apply", "cancel"):
        persona_matrix(_job_url(job), refused, method="post", data={"action": action})
    job.refresh_from_db()
    assert (job.status, job.confirmed_by) == (Status.CHECKED, None)


def _job_with(initiative, size):
    return UsageImportJob.objects.create(
        initiative=initiative,
        filename="big.csv",
        status=Status.REFUSED,
        rows_total=size,
        error_count=size,
        errors=[
            {
                "line": n + 2,
                "column": "employee_number",
                "value": f"X{n}",
                "message": f"No employee has the number X{n}.",
                "code": "unknown_employee",
            }
            for n in range(size)
        ],
    )


def test_the_job_page_reads_the_same_queries_for_5_or_500_problems(
    led, client_for, manager
):
    ours, _theirs = led
    lead = client_for(manager)
    counts = []
    for size in (5, 500):
        job = _job_with(ours, size)
        lead.get(_job_url(job))  # warm the session and the site
        with CaptureQueriesContext(connection) as queries:
            page = lead.get(_job_url(job))
        assert f"No employee has the number X{size - 1}." in page.text
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert counts[1] <= 13


def test_a_job_that_breaks_says_so_writes_nothing_and_frees_the_initiative(
    crew, client_for, manager, django_capture_on_commit_callbacks
):
    ours, people = crew
    lead = client_for(manager)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        lead.post(_import_url(ours), {"file": _file(_usage_csv(*people))})
    job = UsageImportJob.objects.get()
    default_storage.delete(job.file_name)  # the storage lost it
    for callback in queued:
        callback()  # the worker's run: the task records the error itself
    job.refresh_from_db()
    assert job.status == Status.FAILED and job.failure
    page = lead.get(_job_url(job)).text
    assert "The import stopped with an error and nothing was written." in page
    assert "data-refresh-seconds" not in page
    assert not UsageDay.objects.exists()
    again = _upload(lead, ours, _usage_csv(*people), django_capture_on_commit_callbacks)
    assert again.status_code == 302  # a new job may start


def test_a_body_over_48_mb_is_refused_unread_naming_the_limit(led, client_for, manager):
    ours, _theirs = led
    response = client_for(manager).generic(
        "POST",
        _import_url(ours),
        b"x",
        content_type="multipart/form-data; boundary=BoUnDaRy",
        CONTENT_LENGTH=str(60 * 1024 * 1024),
    )
    assert response.status_code == 413
    assert "files of up to 48 MB, and yours was 60 MB" in response.text


def test_the_import_page_lists_the_latest_jobs_with_the_same_queries_for_3_or_12(
    led, client_for, manager
):
    ours, _theirs = led
    lead = client_for(manager)
    counts = []
    for total in (3, 12):
        while UsageImportJob.objects.count() < total:
            n = UsageImportJob.objects.count()
            UsageImportJob.objects.create(
                initiative=ours,
                filename=f"week-{n}.csv",
                status=Status.DONE,
                started_by=manager,
            )
        lead.get(_import_url(ours))
        with CaptureQueriesContext(connection) as queries:
            page = lead.get(_import_url(ours))
        counts.append(len(queries))
        rows = page.text.split('id="usage-jobs"')[1].split("</table>")[0]
        assert rows.count("<tr>") == 1 + min(total, 5)  # the header and the latest
        assert f"week-{total - 1}.csv" in rows and "Imported" in rows
    assert counts[0] == counts[1]
