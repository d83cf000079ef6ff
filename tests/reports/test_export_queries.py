"""Every export costs the same queries for 3 people as for 30: no N+1 can creep in.

Each test counts one whole download (the streamed body read to the end) after
growing the data, then grows it tenfold and counts again: the two must match.
A manager's 2,051-person CSV once made 2,066 queries (a field left out of an
`.only()`, read on every row).
"""

import csv
import io
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from assignments.models import AssignedLearner, Assignment
from assignments.services import assignment_create
from people.models import RosterImport
from reports.models import ExportJob
from skills.models import Assessment
from skills.services import levels_refresh
from tests.courses.factories import make_course
from tests.people.factories import EmployeeFactory, OrgUnitFactory, UserFactory
from tests.skills.factories import make_category, make_role, make_skill, set_target

PEOPLE = reverse("reports:team-people")
TRAINING = reverse("reports:team-training")
MATRIX = reverse("reports:team-skills")
UNITS = reverse("reports:team-skills-units")
SIZES = (3, 30)


@pytest.fixture
def team(org, manager):
    """Bob's team spread over his unit and a sub-unit, on a role with two targets."""
    category = make_category("Data")
    role = make_role()
    skills = [make_skill(category=category) for _ in range(2)]
    for skill in skills:
        set_target(role, skill, 2)
    return {
        "manager": manager,
        "org": org,
        "units": [org["team_a"]],
        "role": role,
        "skills": skills,
        "people": [],
    }


def _grow(team, size: int) -> None:
    """Up to `size` people in Bob's team, over one more sub-unit, rated in both
    skills, and one more course assigned to the whole team (half finished it)."""
    boss = team["manager"].employee
    today = timezone.localdate()
    team["units"].append(
        OrgUnitFactory(name=f"Crew {len(team['units'])}", parent=team["org"]["team_a"])
    )
    while len(team["people"]) < size:
        i = len(team["people"])
        person = EmployeeFactory(
            user=UserFactory(),
            manager=boss,
            org_unit=team["units"][i % len(team["units"])],
            role_profile=team["role"],
            job_title=f"Crew member {i}",
        )
        for skill in team["skills"]:
            Assessment.objects.create(
                employee=person, skill=skill, kind="self", level=1 + i % 3
            )
        levels_refresh(pairs=[(person.pk, skill.pk) for skill in team["skills"]])
        team["people"].append(person)
    assignment = assignment_create(
        actor=None,
        course=make_course(modules=1),
        target=Assignment.Target.TEAM,
        target_employee=boss,
        due_date=today - timedelta(days=3),
    ).assignment
    AssignedLearner.objects.filter(
        assignment=assignment, user__in=[p.user for p in team["people"][::2]]
    ).update(completed_at=timezone.now(), completed_on=today)
    team["assignment"] = assignment


def _download(client, url, params) -> tuple[int, bytes]:
    """Queries of one request with its body read to the end, and the body."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
        assert response.status_code == 200, response
        body = (
            b"".join(response.streaming_content)
            if response.streaming
            else response.content
        )
    return len(queries), body


def _lines(body: bytes) -> int:
    return len(list(csv.reader(io.StringIO(body.decode("utf-8-sig")))))


# people, training (per assignment, per unit of one), matrix, matrix by unit
EXPORTS = [
    (PEOPLE, {}),
    (PEOPLE, {"sort": "-gaps", "unit": "unit"}),
    (TRAINING, {}),
    (TRAINING, {"assignment": "assignment"}),
    (MATRIX, {}),
    (MATRIX, {"sort": "gap"}),
    (UNITS, {}),
]


def _params(team, params: dict, fmt: str) -> dict:
    chosen = {"unit": team["units"][0].pk, "assignment": team["assignment"].pk}
    return {k: chosen.get(v, v) for k, v in params.items()} | {"format": fmt}


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize(("url", "params"), EXPORTS)
def test_team_exports_cost_the_same_for_3_and_30_people(
    client_for, team, url, params, fmt
):
    client = client_for(team["manager"])
    client.get(url)  # warm the session's cached navigation flags
    counts, sizes = [], []
    for size in SIZES:
        _grow(team, size)
        count, body = _download(client, url, _params(team, params, fmt))
        counts.append(count)
        sizes.append(_lines(body) if fmt == "csv" else len(body))
    assert counts[0] == counts[1], counts
    assert sizes[0] < sizes[1]  # the export did grow with the team


@pytest.mark.parametrize(("url", "params"), EXPORTS)
def test_background_exports_cost_the_same_for_3_and_30_people(
    client_for, team, settings, django_capture_on_commit_callbacks, url, params
):
    settings.EXPORT_XLSX_BACKGROUND_ROWS = 0  # every XLSX goes to the worker
    client = client_for(team["manager"])
    client.get(url)
    counts, rows = [], []
    for size in SIZES:
        _grow(team, size)
        ExportJob.objects.all().delete()
        with (
            CaptureQueriesContext(connection) as queries,
            django_capture_on_commit_callbacks(execute=True),
        ):
            response = client.get(url, _params(team, params, "xlsx"))
        assert response.status_code == 302
        job = ExportJob.objects.get()
        assert job.status == ExportJob.Status.DONE, job.error
        counts.append(len(queries))
        rows.append(job.row_count)
    assert counts[0] == counts[1], counts
    assert rows[0] < rows[1]


# --- admin exports outside the org reports ---------------------------------------


def _grow_admin_records(team, size: int) -> None:
    """Up to `size` people, and as many unit heads and imports by one of them."""
    _grow(team, size)
    for unit in team["units"]:
        if unit.head_id is None:
            unit.head = team["people"][-1]
            unit.save(update_fields=["head"])
    while RosterImport.objects.count() < size:
        RosterImport.objects.create(
            imported_by=team["people"][RosterImport.objects.count()].user, sha256="0"
        )


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("people_employee:index", {}),
        ("people_employee:index", {"export": "csv"}),
        ("people_employee:index", {"export": "xlsx"}),
        ("people_orgunit:index", {}),
        ("people_rosterimport:index", {}),
    ],
)
def test_people_admin_lists_and_exports_cost_the_same_for_3_and_30(
    client_for, team, ld_admin, name, params
):
    client = client_for(ld_admin)
    url = reverse(name)
    client.get(url)
    counts = []
    for size in SIZES:
        _grow_admin_records(team, size)
        counts.append(_download(client, url, params)[0])
    assert counts[0] == counts[1], counts


def test_the_framework_export_costs_the_same_for_few_and_many_skills(
    client_for, team, ld_admin
):
    client = client_for(ld_admin)
    url = reverse("skills_framework:export")
    client.get(url)
    counts, lines = [], []
    for more in (1, 20):
        for _ in range(more):
            set_target(team["role"], make_skill(category=team["skills"][0].category), 3)
        count, body = _download(client, url, {})
        counts.append(count)
        lines.append(_lines(body))
    assert counts[0] == counts[1], counts
    assert lines[0] < lines[1]


@pytest.mark.parametrize("url", [PEOPLE, MATRIX])
def test_a_background_export_request_only_queues_the_job(
    client_for, team, settings, url
):
    # The worker builds the rows; the request that queues it must not as well.
    settings.EXPORT_XLSX_BACKGROUND_ROWS = 0
    _grow(team, SIZES[0])
    client = client_for(team["manager"])
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {"format": "xlsx"})
    assert response.status_code == 302
    assert ExportJob.objects.get().status == ExportJob.Status.QUEUED
    # Each person's figures (skill levels, training) are read by the worker only.
    built = [
        q["sql"]
        for q in queries
        if "skills_currentskilllevel" in q["sql"]
        or "courses_assignedlearner" in q["sql"]
    ]
    assert not built, built
