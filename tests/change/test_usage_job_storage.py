"""A big usage file on shared media (Azurite, moto): the job reads it from the store
and removes it when the job ends, through default_storage only."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from change.models import UsageDay, UsageImportJob
from tests.people.factories import EmployeeFactory


def test_a_usage_job_reads_its_file_from_the_store_and_removes_it(
    object_storage,
    led,
    org,
    client_for,
    manager,
    settings,
    django_capture_on_commit_callbacks,
):
    ours, _theirs = led
    settings.CHANGE_USAGE_BACKGROUND_ROWS = 2
    people = [EmployeeFactory(org_unit=org["team_a"]) for _ in range(3)]
    day = timezone.localdate() - timedelta(days=1)
    lines = ["employee_number,date,count"]
    lines += [f"{p.employee_number},{day:%Y-%m-%d},5" for p in people]
    data = ("\n".join(lines) + "\n").encode()
    lead = client_for(manager)

    with django_capture_on_commit_callbacks(execute=True):
        lead.post(
            reverse("change_usage:import", args=[ours.pk]),
            {"file": SimpleUploadedFile("usage.csv", data, "text/csv")},
        )
    job = UsageImportJob.objects.get()
    assert job.status == UsageImportJob.Status.CHECKED
    assert object_storage.raw_names() == {job.file_name}
    assert object_storage.raw_bytes(job.file_name) == data

    url = reverse("change_usage:job", args=[ours.pk, job.pk])
    with django_capture_on_commit_callbacks(execute=True):
        lead.post(url, {"action": "apply"})
    assert "Usage imported: 3 new days" in lead.get(url).text
    assert UsageDay.objects.filter(initiative=ours, count=5).count() == 3
    assert object_storage.raw_names() == set()
