"""The change-load page and its CSV: who may see which units, and what a cell lists."""

import csv
import io
from datetime import timedelta

from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

import pytest

from change.load import add_months, month_start
from change.models import Initiative
from change.services import change_leads_sync
from people.models import OrgUnit
from tests.change.factories import InitiativeFactory
from tests.people.factories import EmployeeFactory, OrgUnitFactory, UserFactory
from tests.personas import LOGIN, OK

URL = reverse("change:load")
# Who opens the page: unit heads (their units), L&D admins (all); change
# leads and sponsors are not among the seven personas (tested below).
WHO = {
    "anonymous": LOGIN,
    "employee": 403,
    "peer": 403,
    "manager": OK,
    "other_manager": OK,
    "trainer": 403,
    "ld_admin": OK,
}


def _next_month():
    return add_months(month_start(timezone.localdate()), 1)


@pytest.fixture
def clash(org, employee, peer):
    """Next month: three go-lives for Road Crew A (one still planned), two for B.

    Work orders (planned) is for all of Roads; a closed initiative never counts.
    """
    month = _next_month()
    lead = UserFactory(username="lena")
    sponsor = EmployeeFactory(org_unit=org["division"], first_name="Sam")
    portal = InitiativeFactory(
        name="Permit portal",
        units=[org["team_a"]],
        go_live=month + timedelta(days=3),
        change_leads=[lead],
    )
    InitiativeFactory(
        name="Work orders app",
        units=[org["section"]],
        go_live=month + timedelta(days=9),
        status=Initiative.Status.PLANNED,
    )
    InitiativeFactory(
        name="Timesheets",
        units=[org["team_a"]],
        go_live=month + timedelta(days=20),
        sponsor=sponsor,
    )
    InitiativeFactory(name="Road signage", units=[org["team_b"]], go_live=month)
    InitiativeFactory(
        name="Old system",
        units=[org["team_a"]],
        go_live=month,
        status=Initiative.Status.CLOSED,
    )
    return {"month": month, "lead": lead, "sponsor": sponsor.user, "portal": portal}


def _cell_url(unit, month, **extra):
    query = {"unit": unit.pk, "month": f"{month:%Y-%m}", **extra}
    return URL + "?" + "&".join(f"{k}={v}" for k, v in query.items())


def test_who_may_open_the_page(clash, persona_matrix):
    persona_matrix(URL, WHO)


def test_the_csv_follows_the_same_rule(clash, persona_matrix):
    persona_matrix(URL + "?format=csv", WHO)


def test_change_leads_and_sponsors_see_every_unit_and_a_stranger_does_not(
    clash, client_for, org
):
    stranger = EmployeeFactory(org_unit=org["team_b"])

    for user in (clash["lead"], clash["sponsor"]):
        page = client_for(user).get(URL)
        assert page.status_code == 200
        assert "Public Works" in page.text
    assert client_for(stranger.user).get(URL).status_code == 403


def test_the_top_level_is_the_divisions_and_a_cell_over_the_limit_says_so(
    clash, client_for, ld_admin
):
    page = client_for(ld_admin).get(URL).text

    assert '<caption id="load-caption">Go-lives per month' in page
    assert "Public Works" in page and "Road Crew A" not in page
    assert "4 go-lives — over the limit of 2" in page  # distinct, not 3 + 2
    assert "over the limit of 2</span>" in page  # in the cell itself, not only above
    assert 'style="' not in page


def test_a_manager_sees_only_the_unit_they_head(
    clash, client_for, manager, other_manager
):
    mine = client_for(manager).get(URL).text
    theirs = client_for(other_manager).get(URL).text

    assert "Road Crew A" in mine and "Road Crew B" not in mine
    assert "Public Works" not in mine
    assert "3 go-lives — over the limit of 2" in mine
    assert "Road Crew B" in theirs and "Road Crew A" not in theirs
    assert "over the limit" not in theirs.split("<table")[1].split("</table>")[0]


def test_a_manager_cannot_open_a_unit_above_or_beside_theirs(
    clash, client_for, manager, org
):
    client = client_for(manager)

    assert client.get(URL, {"unit": org["team_b"].pk}).status_code == 404
    assert client.get(URL, {"unit": org["division"].pk}).status_code == 404
    assert client.get(URL, {"unit": org["team_a"].pk}).status_code == 200


def test_the_drill_down_shows_a_unit_s_sub_units_with_breadcrumbs(
    clash, client_for, ld_admin, org
):
    page = client_for(ld_admin).get(URL, {"unit": org["section"].pk}).text

    assert "Change load: Roads" in page
    assert "Roads (the whole unit)" in page
    assert "Road Crew A" in page and "Road Crew B" in page
    assert 'aria-label="Breadcrumb"' in page
    assert f'href="?unit={org["division"].pk}&amp;' in page  # up to Public Works


def test_a_cell_lists_its_initiatives_with_their_dashboards(
    clash, client_for, ld_admin, org
):
    page = client_for(ld_admin).get(_cell_url(org["team_a"], clash["month"])).text

    assert "Going live for Road Crew A in" in page
    for name in ("Permit portal", "Work orders app", "Timesheets"):
        assert name in page
    assert "Old system" not in page  # closed
    portal = reverse("change:readiness", args=[clash["portal"].slug])
    assert f'href="{portal}"' in page


def test_a_manager_is_not_told_the_name_of_a_planned_initiative(
    clash, client_for, manager, org
):
    page = client_for(manager).get(_cell_url(org["team_a"], clash["month"])).text

    assert "Permit portal" in page and "Timesheets" in page
    assert "Work orders app" not in page
    assert "A planned initiative, not announced yet" in page


def test_a_month_that_does_not_parse_is_shown_back_with_a_message(
    clash, client_for, ld_admin
):
    response = client_for(ld_admin).get(URL, {"start": "next spring"})

    assert response.status_code == 200
    assert "Enter a month as year and month" in response.text
    assert "(You entered “next spring”.)" in response.text
    assert 'value=""' in response.text  # a month field holds months only (valid HTML)
    assert "4 go-lives — over the limit of 2" in response.text  # the default window


def test_the_window_moves_with_the_chosen_month(clash, client_for, ld_admin):
    later = add_months(clash["month"], 1)

    page = client_for(ld_admin).get(URL, {"start": f"{later:%Y-%m}"}).text

    assert f'<time datetime="{later:%Y-%m}">' in page
    assert f'<time datetime="{clash["month"]:%Y-%m}">' not in page
    assert "over the limit" not in page.split("<table")[1].split("</table>")[0]


def test_the_limit_comes_from_the_setting(clash, client_for, ld_admin):
    with override_settings(CHANGE_LOAD_LIMIT=4):
        page = client_for(ld_admin).get(URL).text

    # Public Works carries four go-lives next month: at the limit, not over it.
    assert "over the limit" not in page.split("<table")[1].split("</table>")[0]
    assert "at the limit (4)" in page
    assert "load-cell load-at" in page


def test_the_csv_holds_the_table(clash, client_for, ld_admin, org):
    response = client_for(ld_admin).get(
        URL, {"unit": org["section"].pk, "format": "csv"}
    )

    assert response["Content-Type"].startswith("text/csv")
    header, *rows = list(csv.reader(io.StringIO(response.content.decode())))
    month = f"{clash['month']:%Y-%m}"
    assert header[:3] == [
        "Unit",
        "HR code",
        f"{month_start(timezone.localdate()):%Y-%m}",
    ]
    assert header[-1] == "Months over the limit of 2"
    by_unit = {row[0]: row for row in rows}
    assert list(by_unit) == ["Roads", "Road Crew A", "Road Crew B"]
    column = header.index(month)
    assert by_unit["Road Crew A"][column] == "3"
    assert by_unit["Road Crew B"][column] == "2"  # at the limit, not over
    assert by_unit["Road Crew A"][-1] == month and by_unit["Road Crew B"][-1] == ""


@pytest.mark.parametrize("size", [2, 6])
def test_the_page_costs_the_same_queries_at_any_size(
    org, client_for, ld_admin, size, django_assert_num_queries
):
    month = _next_month()
    for n in range(size):
        division = OrgUnitFactory(code=f"D{n}", name=f"Division {n}")
        for t in range(size):
            team = OrgUnitFactory(code=f"T{n}-{t}", parent=division)
            EmployeeFactory.create_batch(2, org_unit=team)
            InitiativeFactory(units=[team], go_live=month + timedelta(days=t))
    client = client_for(ld_admin)
    client.get(URL)  # the session's navigation flags are cached from here on

    with django_assert_num_queries(12):
        assert client.get(URL).status_code == 200
    cell = _cell_url(OrgUnit.objects.get(code="D1"), month)  # its list opened
    with django_assert_num_queries(17):
        assert client.get(cell).status_code == 200


def test_the_initiatives_admin_links_to_the_page(clash, client_for):
    change_leads_sync()

    listing = client_for(clash["lead"]).get(reverse("change_initiative:index"))

    assert listing.status_code == 200
    assert f'href="{URL}"' in listing.text
    assert client_for(clash["lead"]).get(URL).status_code == 200
