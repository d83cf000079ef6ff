"""The readiness dashboard in the browser: a change lead switches rounds, a manager
finds it from My team; every page passes axe and the Nu HTML checker."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.checks import assert_accessible
from tests.browser.helpers import sign_in, tab_to
from tests.change.builders import answer, closed_round, staff
from tests.change.factories import InitiativeFactory
from tests.people.factories import OrgUnitFactory, UserFactory
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def rollout(org, manager):
    """Road Crew A stuck at Learn at baseline, ready 30 days after; a tiny night crew."""
    initiative = InitiativeFactory(
        name="New 311 system", slug="new-311", units=[org["section"]]
    )
    baseline = closed_round(initiative, name="Baseline", weeks_ago=6)
    after = closed_round(initiative, name="30 days after", weeks_ago=2)
    # After: Commit spread over 3–5 (a mean is shown); everyone gave Understand 5.
    commits = [3, *([4, 5] * 5), 4]
    for person, commit in zip(staff(org["team_a"], 12), commits, strict=True):
        answer(baseline, person, learn=2)
        answer(after, person, commit=commit)
    night = OrgUnitFactory(code="NIGHT", name="Night crew", parent=org["team_b"])
    for person in staff(night, 5):
        answer(after, person)
    answer(after, staff(org["team_b"], 1)[0], apply=2)
    initiative.change_leads.set([UserFactory(username="lena")])
    return initiative


def test_a_change_lead_reads_the_dashboard_and_switches_rounds(
    page, live_server, rollout
):
    sign_in(page, live_server, "lena", PASSWORD)
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    page.goto(f"{live_server.url}/change/new-311/readiness/")

    expect(
        page.get_by_role("heading", level=1, name="Readiness: New 311 system")
    ).to_be_visible()
    heatmap = page.get_by_role("table").first
    crew_a = heatmap.get_by_role("row").filter(has_text="Road Crew A")
    expect(crew_a).to_contain_text("92% at 4–5")
    # A 5.0 and 100% would tell each person's answer: words instead.
    expect(crew_a).to_contain_text("Most scored 5")
    night = heatmap.get_by_role("row").filter(has_text="Night crew")
    expect(night).to_contain_text("hidden to protect a smaller group")
    expect(
        page.get_by_role("img", name=re.compile("Ready across rounds"))
    ).to_be_visible()
    assert_accessible(page)

    baseline = rollout.rounds.get(name="Baseline")
    page.get_by_label("Round", exact=True).select_option(value=str(baseline.pk))
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r"round=\d+"))
    expect(
        page.get_by_role("heading", name="Readiness by stage: Baseline")
    ).to_be_visible()
    barriers = page.get_by_role("region", name="Barrier points and what to do")
    expect(barriers.get_by_role("row").filter(has_text="Road Crew A")).to_contain_text(
        "Most people are held up at Learn."
    )
    assert_accessible(page)


def test_a_manager_finds_their_teams_readiness_from_my_team(page, live_server, rollout):
    sign_in(page, live_server, "bob", PASSWORD)
    page.get_by_role("link", name="My team").click()
    page.get_by_role("link", name=re.compile("^Readiness:")).first.click()
    expect(
        page.get_by_role("heading", level=1, name="Readiness for changes")
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Readiness: New 311 system").click()
    expect(
        page.get_by_role("heading", level=1, name="Readiness: New 311 system")
    ).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="Road Crew A").first).to_be_visible()
    expect(page.get_by_text("Night crew")).to_have_count(0)
    assert_accessible(page)


def test_on_a_phone_the_wide_tables_scroll_by_keyboard(browser, live_server, rollout):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    sign_in(page, live_server, "lena", PASSWORD)
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    page.goto(f"{live_server.url}/change/new-311/readiness/")
    heatmap = page.get_by_role(
        "region", name="Mean score and share at 4–5, per unit and stage"
    )
    expect(heatmap).to_be_visible()
    assert heatmap.evaluate("el => el.scrollWidth > el.clientWidth"), (
        "the heatmap fits a 360 px screen: this test no longer shows a scrolling table"
    )
    tab_to(page, heatmap)
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "el => el.scrollLeft > 0", arg=heatmap.element_handle(), timeout=10_000
    )
    assert_accessible(page)
    context.close()
