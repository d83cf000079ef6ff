"""A background export on shared media (Azurite, moto): the workbook is written to
the store by the job and streamed from it to its owner only."""

import io

from django.urls import reverse

from openpyxl import load_workbook

from reports.models import ExportJob
from tests.personas import LOGIN, OK, every_persona
from tests.skills.factories import make_category, make_role, make_skill, set_target

NOT_FOUND = 404


def test_an_export_job_file_round_trips_through_the_store(
    object_storage,
    client_for,
    manager,
    employee,
    persona_matrix,
    settings,
    django_capture_on_commit_callbacks,
):
    role = make_role()
    skill = make_skill(category=make_category("Data"))
    set_target(role, skill, 2)
    employee.employee.role_profile = role
    employee.employee.save(update_fields=["role_profile"])
    settings.EXPORT_XLSX_BACKGROUND_ROWS = 0  # every workbook is built as a job

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(manager).get(
            reverse("reports:team-skills"), {"format": "xlsx"}
        )
    assert response.status_code == 302
    job = ExportJob.objects.get()
    assert job.status == ExportJob.Status.DONE
    assert object_storage.raw_names() == {job.file.name}
    stored = object_storage.raw_bytes(job.file.name)

    url = reverse("reports:export-download", args=[job.pk])
    bodies = {}

    def download(client, persona):
        response = client.get(url)
        if response.status_code == OK:
            bodies[persona] = b"".join(response.streaming_content)
        return response

    persona_matrix(
        url, every_persona(NOT_FOUND, anonymous=LOGIN, manager=OK), request=download
    )
    assert bodies == {"manager": stored}
    sheet = load_workbook(io.BytesIO(stored)).active
    assert [cell.value for cell in sheet[1]][:2] == ["Employee number", "Name"]
    assert sheet.max_row == 2  # the header and Alice's one skill
