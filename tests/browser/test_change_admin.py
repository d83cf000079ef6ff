"""An L&D admin starts an initiative in the admin: the usual rounds and actions are
there already; the change lead then sees it, and only it."""

from datetime import timedelta

from django.utils import timezone

import pytest
from playwright.sync_api import expect

from change.models import Initiative
from change.schedule import default_rounds
from tests.browser.checks import assert_accessible
from tests.browser.helpers import sign_in
from tests.change.factories import InitiativeFactory
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_ld_admin_creates_an_initiative_with_the_prefilled_schedule(
    page, live_server, ld_admin, manager, org
):
    InitiativeFactory(name="Someone else's rollout", units=[org["team_b"]])
    sign_in(page, live_server, "lee", PASSWORD)
    page.goto(f"{live_server.url}/admin/change/initiatives/new/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "New: Change initiative"
    )
    expect(page.locator("[name$='-name'][value='Baseline']")).to_have_count(1)
    expect(page.locator("[name^='barrier_actions-'][name$='-text']")).to_have_count(5)
    assert_accessible(page)

    go_live = timezone.localdate() + timedelta(days=90)
    # By id: Wagtail's labels carry a "required" mark, and rounds have names too.
    page.locator("#id_name").fill("New 311 system")
    page.locator("#id_tool_name").fill("the new 311 system")
    page.locator("#id_why").fill("Calls get lost between departments.")
    page.locator("#id_go_live").fill(go_live.isoformat())
    page.locator("#id_status").select_option("active")
    page.locator("#id_units").select_option(label="— — Road Crew A (TEAM-A)")
    page.locator("#id_change_leads").select_option(label="Bob Bouchard")
    page.get_by_role("button", name="Create").click()
    expect(page.get_by_role("status").or_(page.locator(".messages"))).to_contain_text(
        "New 311 system"
    )
    initiative = Initiative.objects.get(slug="new-311-system")
    expected = default_rounds(go_live=go_live, launch=timezone.localdate())
    assert [(r.name, r.opens_on) for r in initiative.rounds.order_by("opens_on")] == [
        (r.name, r.opens_on) for r in expected
    ]
    assert initiative.barrier_actions.count() == 5

    # Bob, now a change lead, sees this initiative and not the other one.
    page.context.clear_cookies()
    sign_in(page, live_server, "bob", PASSWORD)
    page.goto(f"{live_server.url}/admin/change/initiatives/")
    listing = page.get_by_role("table")
    expect(listing.get_by_role("link", name="New 311 system")).to_be_visible()
    expect(listing).not_to_contain_text("Someone else's rollout")
    assert_accessible(page)
