"""The initiatives listing: its filters, and its CSV and XLSX exports (aggregates only)."""

import csv
import io
from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest
from openpyxl import load_workbook

from change.models import CheckInInvitation, Initiative
from change.respondents import respondent_key
from change.results import readiness_results_refresh
from change.services import change_leads_sync
from change.viewsets import _quarter_start
from tests.change.builders import answer, closed_round, staff
from tests.change.factories import InitiativeFactory
from tests.people.factories import EmployeeFactory, OrgUnitFactory, RoleProfileFactory
from tests.personas import LOGIN, NO_ADMIN, OK, REFUSED

INDEX = reverse("change_initiative:index")
COMMENT = "Nobody told us why"
HEADER = [
    "Initiative",
    "Status",
    "Go-live",
    "Affected",
    "Trained %",
    "Latest closed round",
    "Response rate %",
    "Ready % (everyone affected)",
]


def _names(page: str, *candidates: str) -> set[str]:
    return {name for name in candidates if name in page}


def _csv(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(text)))


@pytest.fixture
def led(org, manager, employee):
    """Road Crew A's rollout, led by its manager and sponsored by Alice; another."""
    ours = InitiativeFactory(
        name="311 rollout",
        units=[org["team_a"]],
        change_leads=[manager],
        sponsor=employee.employee,
    )
    theirs = InitiativeFactory(name="Permit portal", units=[org["team_b"]])
    change_leads_sync()
    return ours, theirs


# --- filters ----------------------------------------------------------------------


def test_the_quarter_boundaries():
    assert _quarter_start(date(2026, 12, 2), ahead=0) == date(2026, 10, 1)
    assert _quarter_start(date(2026, 12, 2), ahead=1) == date(2027, 1, 1)
    assert _quarter_start(date(2026, 12, 2), ahead=2) == date(2027, 4, 1)
    assert _quarter_start(date(2026, 3, 31), ahead=0) == date(2026, 1, 1)


def test_the_list_filters_by_this_or_next_quarter(client_for, ld_admin, db):
    today = timezone.localdate()
    this = _quarter_start(today, ahead=0)
    following = _quarter_start(today, ahead=1)
    InitiativeFactory(name="Now live", go_live=this)
    InitiativeFactory(name="Next up", go_live=following)
    InitiativeFactory(name="Later on", go_live=_quarter_start(today, ahead=2))
    admin = client_for(ld_admin)
    names = ("Now live", "Next up", "Later on")
    assert _names(admin.get(INDEX, {"quarter": "this"}).text, *names) == {"Now live"}
    assert _names(admin.get(INDEX, {"quarter": "next"}).text, *names) == {"Next up"}


def test_the_list_filters_by_the_division_whose_people_are_affected(
    client_for, ld_admin, org
):
    parks = OrgUnitFactory(code="PARKS", name="Parks")
    playgrounds = OrgUnitFactory(code="PLAY", name="Playgrounds", parent=parks)
    inspector = RoleProfileFactory(name="Inspector")
    EmployeeFactory(org_unit=playgrounds, role_profile=inspector)
    InitiativeFactory(name="Road rollout", units=[org["team_a"]])
    InitiativeFactory(name="Inspectors everywhere", role_profiles=[inspector])
    InitiativeFactory(name="Playground app", units=[playgrounds])
    admin = client_for(ld_admin)
    names = ("Road rollout", "Inspectors everywhere", "Playground app")
    in_parks = admin.get(INDEX, {"division": parks.pk}).text
    assert _names(in_parks, *names) == {"Inspectors everywhere", "Playground app"}
    in_works = admin.get(INDEX, {"division": org["division"].pk}).text
    assert _names(in_works, *names) == {"Road rollout"}


def test_the_list_filters_by_status_change_lead_and_sponsor(
    client_for, ld_admin, manager, employee, led
):
    _ours, theirs = led
    theirs.status = Initiative.Status.PLANNED
    theirs.save()
    admin = client_for(ld_admin)
    names = ("311 rollout", "Permit portal")
    planned = admin.get(INDEX, {"status": "planned"}).text
    assert _names(planned, *names) == {"Permit portal"}
    by_lead = admin.get(INDEX, {"change_lead": manager.pk}).text
    assert _names(by_lead, *names) == {"311 rollout"}
    by_sponsor = admin.get(INDEX, {"sponsor": employee.employee.pk}).text
    assert _names(by_sponsor, *names) == {"311 rollout"}
    later = admin.get(INDEX, {"go_live_from": "2031-01-01"}).text
    assert _names(later, *names) == set()


def test_a_change_lead_is_offered_only_their_own_initiatives_leads(
    client_for, manager, peer, led
):
    _ours, theirs = led
    theirs.change_leads.set([peer])
    change_leads_sync()
    page = client_for(manager).get(INDEX).text
    assert "Bob Bouchard" in page  # themself, as the 311 rollout's lead
    assert "Charlie Chen" not in page


# --- exports ----------------------------------------------------------------------


@pytest.fixture
def measured(org, ld_admin, led):
    """The 311 rollout's closed baseline: 6 of Road Crew A's 8 answered, 3 ready.

    The permit portal's baseline had 3 answers: too few to show anything.
    """
    ours, theirs = led
    crew = staff(org["team_a"], 6)
    baseline = closed_round(ours)
    for number, person in enumerate(crew):
        CheckInInvitation.objects.create(round=baseline, employee=person)
        answer(
            baseline,
            person,
            learn=2 if number < 3 else 5,
            **({"comment": COMMENT} if number == 0 else {}),
        )
    small = closed_round(theirs)
    for person in staff(org["team_b"], 3):
        answer(small, person)
    return ours, theirs, crew


def test_the_csv_export_holds_each_initiatives_aggregates_only(
    client_for, ld_admin, measured
):
    ours, theirs, crew = measured
    InitiativeFactory(name="Not measured yet", units=[ours.units.get()])
    rows = _csv(client_for(ld_admin).get(INDEX, {"export": "csv"}))
    assert rows[0] == HEADER
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["311 rollout"] == [
        "311 rollout",
        "Active",
        ours.go_live.isoformat(),
        "8",
        "0",
        "Baseline",
        "100",
        "50",
    ]
    assert by_name["Permit portal"][5:] == [
        "Baseline",
        "too few answers",
        "too few answers",
    ]
    assert by_name["Not measured yet"][5:] == [
        "",
        "no closed round yet",
        "no closed round yet",
    ]
    text = "\n".join(",".join(row) for row in rows)
    assert COMMENT not in text
    for person in crew:
        assert person.last_name not in text
        key = respondent_key(initiative_id=ours.pk, employee_id=person.pk)
        assert key not in text


def test_the_xlsx_export_holds_the_same_figures(client_for, ld_admin, measured):
    response = client_for(ld_admin).get(INDEX, {"export": "xlsx"})
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = [list(row) for row in workbook.active.iter_rows(values_only=True)]
    assert rows[0] == HEADER
    ours = next(row for row in rows if row[0] == "311 rollout")
    assert ours[3:] == [8, 0, "Baseline", 100, 50]


def test_a_formula_in_a_name_is_exported_as_text(client_for, ld_admin, db):
    InitiativeFactory(name="=HYPERLINK(1)")
    rows = _csv(client_for(ld_admin).get(INDEX, {"export": "csv"}))
    assert rows[1][0] == "'=HYPERLINK(1)"


def test_the_export_is_for_the_listings_readers_and_a_lead_gets_their_own(
    persona_matrix, measured
):
    # employee: Alice, the 311 rollout's sponsor; manager: its change lead.
    expected = {
        "anonymous": LOGIN,
        "employee": NO_ADMIN,
        "peer": NO_ADMIN,
        "manager": OK,
        "other_manager": NO_ADMIN,
        "trainer": REFUSED,
        "ld_admin": OK,
    }
    responses = persona_matrix(f"{INDEX}?export=csv", expected)
    lead = [row[0] for row in _csv(responses["manager"])[1:]]
    assert lead == ["311 rollout"]
    everyone = {row[0] for row in _csv(responses["ld_admin"])[1:]}
    assert everyone == {"311 rollout", "Permit portal"}


def test_the_export_costs_the_same_queries_at_any_size(client_for, ld_admin, org):
    # A fixed set of initiatives over more and more people and answers: the
    # count must not move. Each initiative costs the readiness selector's
    # queries (a constant), so the export grows with initiatives, not people.
    today = timezone.localdate()
    rounds = [
        closed_round(
            InitiativeFactory(
                units=[org["team_a"]], go_live=today + timedelta(days=number)
            )
        )
        for number in range(3)
    ]
    admin = client_for(ld_admin)
    admin.get(INDEX)  # warm the per-session caches
    counts = []
    for people in (6, 30):
        for baseline in rounds:
            for person in staff(org["team_a"], people):
                answer(baseline, person)
            # The daily run after the round closed stored the results.
            readiness_results_refresh(initiative=baseline.initiative)
        with CaptureQueriesContext(connection) as queries:
            rows = _csv(admin.get(INDEX, {"export": "csv"}))
        assert len(rows) == 4
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert counts[0] <= 20 + 3 * READINESS_QUERIES


# `change.readiness.readiness` reads its stored results in at most ten
# queries; the overview adds none.
READINESS_QUERIES = 10
