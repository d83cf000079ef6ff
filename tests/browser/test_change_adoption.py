"""The readiness dashboard's adoption section in the browser, on demo-like data:
one crew trained and using, one trained and not using (stuck since), one untrained
with a few trying the tool. The page passes axe and the Nu HTML checker."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.checks import assert_accessible
from tests.browser.helpers import sign_in
from tests.change.builders import answer, closed_round, staff, trained, used
from tests.change.factories import InitiativeFactory
from tests.people.factories import OrgUnitFactory, UserFactory
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def rollout(org, employee, manager, ld_admin):
    initiative = InitiativeFactory(
        name="New 311 system", slug="new-311", units=[org["section"]]
    )
    latest = closed_round(initiative, name="Before go-live")
    using = staff(org["team_a"], 8)
    idle = staff(org["team_b"], 9)
    night = OrgUnitFactory(code="NIGHT", name="Night crew", parent=org["section"])
    trying = staff(night, 7)
    for person in using:
        answer(latest, person)
    for person in idle + trying:
        answer(latest, person, learn=2)
    trained(initiative, using + idle, actor=ld_admin)
    for person in using + trying[:2]:
        used(initiative, person, days_ago=2)
    initiative.change_leads.set([UserFactory(username="lena")])
    return initiative


def test_a_change_lead_reads_who_is_trained_and_using(page, live_server, rollout):
    sign_in(page, live_server, "lena", PASSWORD)
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    page.goto(f"{live_server.url}/change/new-311/readiness/")

    section = page.get_by_role("region", name="Adoption of the new 311 system")
    expect(section).to_be_visible()
    table = section.get_by_role("table", name=re.compile("Adoption rate and where"))
    crew_a = table.get_by_role("row").filter(has_text="Road Crew A")
    # Alice and Bob sit in Crew A too: 8 of 10 use it.
    expect(crew_a).to_contain_text("8 of 10")
    expect(crew_a).to_contain_text("80%")
    crew_b = table.get_by_role("row").filter(has_text="Road Crew B")
    expect(crew_b.get_by_role("cell").nth(3)).to_have_text("9")  # trained, not using
    expect(crew_b).to_contain_text("80% or more of about 10 who answered")
    night = table.get_by_role("row").filter(has_text="Night crew")
    expect(night).to_contain_text("fewer than 5")
    funnel = page.get_by_role("region", name="From affected to using")
    expect(funnel.get_by_role("row").filter(has_text="Road Crew A")).to_contain_text(
        "8 (80%)"
    )
    expect(page.get_by_text("not imported yet")).to_have_count(0)
    assert_accessible(page)


def test_without_usage_data_the_dashboard_says_so(page, live_server, org, ld_admin):
    initiative = InitiativeFactory(
        name="Permits", slug="permits", units=[org["team_a"]]
    )
    baseline = closed_round(initiative)
    for person in staff(org["team_a"], 6):
        answer(baseline, person)
    sign_in(page, live_server, "lee", PASSWORD)
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    page.goto(f"{live_server.url}/change/permits/readiness/")

    expect(
        page.get_by_text("No usage data yet — import it in the admin.")
    ).to_be_visible()
    assert_accessible(page)
