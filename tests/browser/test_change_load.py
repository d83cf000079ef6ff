"""The change-load page in the browser: a change lead sees a division over the limit,
opens its sub-units and a cell by keyboard; a manager sees their own team. Every page
passes axe and the Nu HTML checker."""

import re
from datetime import timedelta

from django.utils import timezone

import pytest
from playwright.sync_api import expect

from change.load import add_months, month_start
from change.models import Initiative
from tests.browser.checks import assert_accessible
from tests.browser.helpers import activate, sign_in, tab_to
from tests.change.factories import InitiativeFactory
from tests.people.factories import UserFactory
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def clash(org, employee, peer):
    """Next month Road Crew A gets three go-lives (one planned), Road Crew B one."""
    month = add_months(month_start(timezone.localdate()), 1)
    lead = UserFactory(username="lena")
    portal = InitiativeFactory(
        name="Permit portal",
        slug="permit-portal",
        units=[org["team_a"]],
        go_live=month + timedelta(days=2),
        change_leads=[lead],
    )
    InitiativeFactory(
        name="Work orders app",
        units=[org["team_a"]],
        go_live=month + timedelta(days=8),
        status=Initiative.Status.PLANNED,
    )
    InitiativeFactory(
        name="Timesheets", units=[org["section"]], go_live=month + timedelta(days=15)
    )
    return {"month": month, "portal": portal}


def test_a_change_lead_finds_the_clash_and_opens_it_by_keyboard(
    page, live_server, clash
):
    month = clash["month"].strftime("%B %Y")
    sign_in(page, live_server, "lena", PASSWORD)
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    page.goto(f"{live_server.url}/change/load/")

    expect(page.get_by_role("heading", level=1, name="Change load")).to_be_visible()
    table = page.get_by_role("table", name=re.compile("^Go-lives per month"))
    division = table.get_by_role("row").filter(has_text="Public Works")
    expect(division).to_contain_text("over the limit of 2")
    expect(page.get_by_role("region", name="Over the limit")).to_contain_text(
        f"Public Works, {month}: 3 go-lives — over the limit of 2"
    )
    assert_accessible(page)

    # Down to the division's sections, then Roads' teams, by keyboard.
    tab_to(page, table.get_by_role("link", name="Public Works", exact=True))
    activate(
        page, page.get_by_role("heading", level=1, name="Change load: Public Works")
    )
    tab_to(page, page.get_by_role("link", name="Roads", exact=True))
    activate(page, page.get_by_role("heading", level=1, name="Change load: Roads"))
    expect(
        page.get_by_role("navigation", name="Breadcrumb").get_by_role(
            "link", name="Public Works"
        )
    ).to_be_visible()
    crew_a = page.get_by_role("row").filter(has_text="Road Crew A")
    expect(crew_a).to_contain_text("over the limit of 2")
    assert_accessible(page)

    tab_to(
        page, crew_a.get_by_role("link", name=re.compile("^3 go-lives: Road Crew A"))
    )
    activate(
        page,
        page.get_by_role("heading", name=f"Going live for Road Crew A in {month}"),
    )
    listing = page.get_by_role("region", name=re.compile("^Going live for"))
    expect(listing.get_by_role("link", name="Permit portal")).to_have_attribute(
        "href", "/change/permit-portal/readiness/"
    )
    expect(listing).to_contain_text("Work orders app")
    expect(listing).to_contain_text("Timesheets")
    assert_accessible(page)


def test_a_manager_sees_their_team_and_moves_the_months(page, live_server, clash):
    sign_in(page, live_server, "bob", PASSWORD)
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    page.goto(f"{live_server.url}/change/load/")

    table = page.get_by_role("table", name=re.compile("^Go-lives per month"))
    expect(table.get_by_role("row").filter(has_text="Road Crew A")).to_contain_text(
        "over the limit of 2"
    )
    expect(page.get_by_text("Road Crew B")).to_have_count(0)
    expect(page.get_by_text("Public Works")).to_have_count(0)

    later = add_months(clash["month"], 1)
    page.get_by_label("From").fill(later.strftime("%Y-%m"))
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("columnheader").nth(1)).to_have_text(
        later.strftime("%b %Y")
    )
    assert_accessible(page)

    # A browser without a month picker lets anything through: it is shown back.
    page.goto(f"{live_server.url}/change/load/?start=next+spring")
    expect(page.get_by_text("(You entered “next spring”.)")).to_be_visible()
    expect(page.get_by_label("From")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)
