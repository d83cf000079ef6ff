"""A change lead imports usage (a bad row first), then makes a token and revokes it."""

import re
from datetime import timedelta

from django.utils import timezone

import pytest
from playwright.sync_api import expect

from change.models import UsageDay, UsageToken
from change.services import change_leads_sync
from tests.browser.checks import assert_accessible
from tests.browser.helpers import sign_in
from tests.change.factories import InitiativeFactory
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def _upload(page, content: str, *, then: str) -> None:
    page.get_by_label("Usage file (CSV)").set_input_files(
        files=[
            {"name": "usage.csv", "mimeType": "text/csv", "buffer": content.encode()}
        ]
    )
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_text(then).first).to_be_visible()


@pytest.fixture
def rollout(org, manager, employee):
    initiative = InitiativeFactory(
        name="311 rollout", units=[org["team_a"]], change_leads=[manager]
    )
    change_leads_sync()
    return initiative


def test_change_lead_fixes_a_bad_row_and_imports_usage(
    page, live_server, rollout, manager, employee
):
    alice = employee.employee.employee_number
    day = (timezone.localdate() - timedelta(days=1)).isoformat()
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    sign_in(page, live_server, "bob", PASSWORD)
    page.goto(f"{live_server.url}/admin/change/initiatives/")
    page.get_by_role("button", name="More options for '311 rollout'").click()
    page.get_by_role("link", name="Import usage").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Import usage")
    assert_accessible(page)

    header = "employee_number,date,count\n"
    _upload(
        page,
        header + f"{alice},{day},3\n{alice},{future},1\n",
        then="Nothing was imported",
    )
    errors = page.locator("#usage-errors")
    expect(errors.locator("tbody tr")).to_have_count(1)
    expect(errors.locator("tbody tr td").first).to_have_text("3")
    expect(errors).to_contain_text("is in the future")
    assert_accessible(page)
    assert not UsageDay.objects.exists()

    _upload(page, header + f"{alice},{day},3\n", then="Preview of usage.csv")
    assert_accessible(page)
    page.get_by_role("button", name="Apply this import").click()
    expect(
        page.get_by_text("Usage imported: 1 new days, 0 changed, 0 unchanged.")
    ).to_be_visible()
    assert UsageDay.objects.get().count == 3


def test_change_lead_makes_a_token_copies_it_and_revokes_it(
    page, live_server, rollout, manager
):
    sign_in(page, live_server, "bob", PASSWORD)
    page.goto(f"{live_server.url}/admin/change/initiatives/edit/{rollout.pk}/")
    page.get_by_role("button", name="Actions").click()
    page.get_by_role("link", name="Usage API tokens").click()
    expect(page.get_by_text("No tokens yet.")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Name").fill("Nightly sync")
    page.get_by_role("button", name="Make token").click()
    token_box = page.get_by_label("Token", exact=True)
    expect(token_box).to_have_value(re.compile(r"^usage_[\w-]{43}$"))
    raw = token_box.input_value()
    assert_accessible(page)

    page.get_by_role("link", name="Back to usage API tokens").click()
    tokens = page.locator("#usage-tokens")
    expect(tokens).to_contain_text("Nightly sync")
    expect(tokens).not_to_contain_text(raw)
    page.get_by_role("link", name="Revoke Nightly sync").click()
    expect(page.get_by_text("Revoke the token “Nightly sync”?")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Yes, revoke it").click()
    expect(page.get_by_text("Token “Nightly sync” revoked")).to_be_visible()
    assert UsageToken.objects.get().revoked_at is not None
