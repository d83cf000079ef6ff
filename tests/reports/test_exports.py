"""Exports: formula neutralising, streamed CSV, XLSX inline and in the background."""

import io

from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils.module_loading import import_string

import pytest
from openpyxl import load_workbook

from reports.exports import neutralise, stream_csv, xlsx_response
from reports.models import ExportJob
from reports.tasks import BUILDERS, export_job_run
from tests.people.factories import EmployeeFactory
from tests.personas import LOGIN, every_persona
from tests.skills.factories import make_category, make_role, make_skill, set_target

MATRIX = reverse("reports:team-skills")
UNITS = reverse("reports:team-skills-units")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Alice", "Alice"),
        ("a=b", "a=b"),
        ("", ""),
        (-3, -3),
        (2.5, 2.5),
        (None, None),
    ],
)
def test_neutralise_defuses_formula_triggers_only(value, expected):
    assert neutralise(value) == expected


def _read_csv(response) -> list[str]:
    return b"".join(response.streaming_content).decode("utf-8").splitlines()


def test_stream_csv_is_lazy_has_a_bom_and_is_an_attachment():
    consumed = []

    def rows():
        for i in range(3):
            consumed.append(i)
            yield [i, f"=cmd{i}", "é"]

    response = stream_csv("team.csv", ["n", "value", "accent"], rows())
    assert isinstance(response, StreamingHttpResponse)
    assert consumed == []  # nothing built until the response is sent
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="team.csv"'
    lines = _read_csv(response)
    assert consumed == [0, 1, 2]
    assert lines[0] == "\ufeffn,value,accent"
    assert lines[1:] == ["0,'=cmd0,é", "1,'=cmd1,é", "2,'=cmd2,é"]


def test_xlsx_response_opens_and_never_holds_a_formula():
    rows = [[1, "=1+1", "Zoë"], [2, "@here", "bell\x07"]]
    response = xlsx_response("team.xlsx", ["n", "value", "name"], rows)
    assert response["Content-Disposition"] == 'attachment; filename="team.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert values == [  # text cells: shown as typed, never run
        ["n", "value", "name"],
        [1, "=1+1", "Zoë"],
        [2, "@here", "bell"],
    ]
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


# --- The matrix export --------------------------------------------------------------


@pytest.fixture
def team(org, employee, manager):
    """Bob's team: Alice and "=Mallory" (a formula for a name), CSR, two skills."""
    role = make_role()
    category = make_category("Data")
    skills = [make_skill(category=category), make_skill(category=category)]
    for skill in skills:
        set_target(role, skill, 2)
    mallory = EmployeeFactory(
        first_name="=Mallory",
        last_name="+1",
        manager=manager.employee,
        org_unit=org["team_a"],
        role_profile=role,
    )
    employee.employee.role_profile = role
    employee.employee.save(update_fields=["role_profile"])
    return {"skills": skills, "mallory": mallory}


def _as_csv(rows: list[list]) -> list[str]:
    """XLSX rows as the CSV would write them: only CSV neutralises with a "'"."""
    return [",".join(str(neutralise(v)) for v in row) for row in rows]


def _xlsx_rows(content: bytes) -> list[list]:
    sheet = load_workbook(io.BytesIO(content)).active
    return [
        ["" if v is None else v for v in row]
        for row in sheet.iter_rows(values_only=True)
    ]


def test_csv_and_xlsx_exports_hold_the_same_neutralised_rows(client_for, manager, team):
    client = client_for(manager)
    csv_response = client.get(MATRIX, {"format": "csv"})
    assert csv_response.streaming
    assert csv_response["Content-Disposition"] == (
        'attachment; filename="team-skills.csv"'
    )
    lines = _read_csv(csv_response)
    assert lines[0].startswith("\ufeffEmployee number,Name,Org unit,Role profile")
    assert len(lines) == 1 + 2 * 2  # a row per person per skill
    assert sum("'=Mallory +1" in line for line in lines) == 2

    xlsx = client.get(MATRIX, {"format": "xlsx"})
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = _xlsx_rows(xlsx.content)
    assert _as_csv(rows[1:]) == lines[1:]
    assert rows[0][0] == "Employee number"


def test_an_unknown_format_shows_the_page(client_for, manager, team):
    response = client_for(manager).get(MATRIX, {"format": "pdf"})
    assert response.status_code == 200
    assert "<table" in response.text


# --- Big XLSX exports run in the background -------------------------------------------


@pytest.fixture
def big(settings, team):
    settings.EXPORT_XLSX_BACKGROUND_ROWS = 3  # 2 people x 2 skills is "big"
    return team


def _start(client, django_capture_on_commit_callbacks, url=MATRIX):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(url, {"format": "xlsx"})
    assert response.status_code == 302
    return ExportJob.objects.get(), response


def test_a_big_xlsx_export_runs_as_a_job_for_its_owner(
    client_for, manager, big, django_capture_on_commit_callbacks
):
    client = client_for(manager)
    expected = _read_csv(client.get(MATRIX, {"format": "csv"}))[1:]

    job, response = _start(client, django_capture_on_commit_callbacks)

    status_url = reverse("reports:export-status", args=[job.pk])
    assert response["Location"] == status_url
    assert (job.user, job.kind, job.status) == (manager, "team-skills", "done")
    assert job.row_count == 4 and job.file.name.startswith("exports/")
    assert job.finished_at is not None
    page = client.get(status_url)
    assert "team-skills.xlsx is ready: 4 rows." in page.text
    assert 'http-equiv="refresh"' not in page.text
    download = client.get(reverse("reports:export-download", args=[job.pk]))
    assert download["Content-Disposition"] == (
        'attachment; filename="team-skills.xlsx"'
    )
    rows = _xlsx_rows(b"".join(download.streaming_content))
    assert _as_csv(rows[1:]) == expected


def test_the_units_export_runs_in_the_background_too(
    client_for, manager, big, settings, django_capture_on_commit_callbacks
):
    client = client_for(manager)
    # One unit x two skills = 2 rows: under the threshold of 3, built inline.
    assert client.get(UNITS, {"format": "xlsx"}).status_code == 200
    assert not ExportJob.objects.exists()
    settings.EXPORT_XLSX_BACKGROUND_ROWS = 1
    job, _response = _start(client, django_capture_on_commit_callbacks, url=UNITS)
    assert (job.kind, job.status, job.row_count) == ("team-skills-units", "done", 2)
    rows = _xlsx_rows(job.file.open("rb").read())
    assert rows[1][:2] == ["TEAM-A", "Road Crew A"]
    assert rows[1][4:] == ["fewer than 5", "fewer than 5"]


def test_a_queued_job_page_refreshes_itself_and_says_so(client_for, manager):
    job = ExportJob.objects.create(user=manager, kind="team-skills", filename="x.xlsx")
    html = client_for(manager).get(reverse("reports:export-status", args=[job.pk])).text
    assert '<meta http-equiv="refresh" content="5">' in html
    assert 'role="status"' in html
    assert "checks again every 5 seconds" in html
    # Not ready yet: nothing to download.
    download = client_for(manager).get(
        reverse("reports:export-download", args=[job.pk])
    )
    assert download.status_code == 404


def test_a_failed_job_says_so(client_for, manager):
    job = ExportJob.objects.create(
        user=manager, kind="team-skills", filename="x.xlsx", status="failed"
    )
    html = client_for(manager).get(reverse("reports:export-status", args=[job.pk])).text
    assert "could not be built" in html
    assert 'http-equiv="refresh"' not in html


def test_only_the_owner_sees_or_downloads_a_job(
    client_for, persona_matrix, manager, big, django_capture_on_commit_callbacks
):
    job, _response = _start(client_for(manager), django_capture_on_commit_callbacks)
    for name in ("export-status", "export-download"):
        url = reverse(f"reports:{name}", args=[job.pk])
        persona_matrix(url, every_persona(404, anonymous=LOGIN, manager=200))


def test_a_job_runs_once_even_if_delivered_twice(
    client_for, manager, big, django_capture_on_commit_callbacks
):
    job, _response = _start(client_for(manager), django_capture_on_commit_callbacks)
    first = job.file.name
    again = export_job_run(job=job)
    again.refresh_from_db()
    assert (again.status, again.file.name) == ("done", first)


def test_the_worker_uses_the_owners_scope_at_run_time(
    client_for, org, manager, big, django_capture_on_commit_callbacks
):
    # The job's params cannot name people: the worker rebuilds from the scope.
    job = ExportJob.objects.create(
        user=manager,
        kind="team-skills",
        params={"unit": org["division"].pk, "category": None, "sort": "name"},
        filename="x.xlsx",
    )
    export_job_run(job=job)
    job.refresh_from_db()
    rows = _xlsx_rows(job.file.open("rb").read())
    assert {row[1] for row in rows[1:]} == {"Alice Arsenault", "=Mallory +1"}


def test_every_background_export_kind_has_an_importable_builder():
    for kind, path in BUILDERS.items():
        assert callable(import_string(path)), kind
