"""A change lead imports a big usage file: the job's page follows the worker, then applies."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

import pytest
from playwright.sync_api import expect

from change.models import UsageDay, UsageImportJob
from change.services import change_leads_sync
from change.usage.tasks import usage_job_check
from tests.browser.checks import assert_accessible
from tests.browser.helpers import sign_in
from tests.change.factories import InitiativeFactory
from tests.people.factories import EmployeeFactory
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def rollout(org, manager, settings):
    settings.CHANGE_USAGE_BACKGROUND_ROWS = 2
    initiative = InitiativeFactory(
        name="311 rollout", units=[org["team_a"]], change_leads=[manager]
    )
    change_leads_sync()
    people = [EmployeeFactory(org_unit=org["team_a"]) for _ in range(3)]
    day = (timezone.localdate() - timedelta(days=1)).isoformat()
    lines = ["employee_number,date,count"]
    lines += [f"{p.employee_number},{day},2" for p in people]
    return initiative, "\n".join(lines) + "\n"


def test_a_big_file_is_checked_in_the_background_then_applied(
    page, live_server, rollout
):
    initiative, content = rollout
    sign_in(page, live_server, "bob", PASSWORD)
    page.goto(f"{live_server.url}/admin/change/usage/{initiative.pk}/import/")
    page.get_by_label("Usage file (CSV)").set_input_files(
        files=[{"name": "big.csv", "mimeType": "text/csv", "buffer": content.encode()}]
    )
    page.get_by_role("button", name="Check the file").click()
    expect(page.locator("#usage-job-status")).to_have_text(
        "Checked: waiting for you to apply it"
    )
    expect(page.get_by_text("All 3 rows are good.")).to_be_visible()
    assert_accessible(page)
    assert not UsageDay.objects.exists()

    page.get_by_role("button", name="Apply this import").click()
    expect(
        page.get_by_text("Usage imported: 3 new days, 0 changed, 0 unchanged.")
    ).to_be_visible()
    assert_accessible(page)
    assert UsageDay.objects.filter(initiative=initiative).count() == 3

    page.get_by_role("link", name="Back to Import usage").click()
    jobs = page.locator("#usage-jobs")
    expect(jobs).to_contain_text("Imported")
    assert_accessible(page)
    jobs.get_by_role("link", name="big.csv").click()
    expect(page.locator("#usage-job-status")).to_have_text("Imported")


def test_the_page_follows_the_worker_without_being_reloaded(
    page, live_server, rollout, manager
):
    initiative, content = rollout
    name = default_storage.save("usage-jobs/browser.csv", ContentFile(content))
    job = UsageImportJob.objects.create(
        initiative=initiative,
        filename="big.csv",
        file_name=name,
        rows_total=3,
        started_by=manager,
    )
    sign_in(page, live_server, "bob", PASSWORD)
    page.goto(
        f"{live_server.url}/admin/change/usage/{initiative.pk}/import/jobs/{job.pk}/"
    )
    expect(page.locator("#usage-job-status")).to_have_text("Waiting to be checked")
    expect(page.get_by_role("progressbar", name="Rows checked")).to_be_visible()
    assert_accessible(page)
    page.evaluate("window.usageJobMarker = 1")  # gone if the page reloads

    usage_job_check(job_id=job.pk)  # what the worker does
    expect(page.locator("#usage-job-status")).to_have_text(
        "Checked: waiting for you to apply it", timeout=15_000
    )
    expect(page.get_by_role("button", name="Apply this import")).to_be_visible()
    assert page.evaluate("window.usageJobMarker") == 1
    assert_accessible(page)
