"""The employee earns a certificate, downloads it, and a stranger verifies it."""

import hashlib
from pathlib import Path

import pytest
from playwright.sync_api import expect

from certificates.models import Certificate
from certificates.rendering import certificate_record
from tests.browser.checks import assert_accessible
from tests.browser.helpers import activate, sign_in, tab_to
from tests.courses.factories import make_course
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_employee_downloads_a_certificate_and_a_stranger_verifies_it(
    page, browser, live_server, employee, settings, tmp_path
):
    # The QR code must point at this server for the stranger to follow it.
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    course = make_course(title="Cybersecurity essentials", modules=2)
    sign_in(page, live_server, "alice", PASSWORD)

    page.goto(f"{live_server.url}{course.url}")
    tab_to(page, page.get_by_role("button", name="Enrol"))
    activate(page, page.get_by_text("You are enrolled"))
    tab_to(page, page.get_by_role("button", name="Mark as complete"))
    activate(page, page.get_by_text("marked as complete."))
    tab_to(page, page.get_by_role("button", name="Mark as complete"))
    activate(page, page.get_by_text("Course complete. Well done!"))

    page.goto(f"{live_server.url}/my/certificates/")
    expect(page.get_by_role("heading", level=1)).to_have_text("My certificates")
    row = page.get_by_role("row", name="Cybersecurity essentials")
    expect(row.get_by_text("Valid", exact=True)).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download_info:
        row.get_by_role("link", name="Download PDF").click()
    download = download_info.value
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    pdf = saved.read_bytes()
    certificate = Certificate.objects.get(user=employee)
    assert pdf.startswith(b"%PDF-")
    assert hashlib.sha256(pdf).hexdigest() == certificate.pdf_sha256
    assert download.suggested_filename == f"certificate-{certificate.number}.pdf"

    page.goto(f"{live_server.url}/my/learning/")
    completed = page.locator(
        "section", has=page.get_by_role("heading", name="Completed")
    )
    expect(completed.get_by_role("link", name="Certificate (PDF)")).to_be_visible()
    assert_accessible(page)

    # A stranger, not signed in, follows the URL in the QR code.
    stranger = browser.new_context().new_page()
    url = certificate_record(certificate)["verification_url"]
    assert url.startswith(live_server.url)
    stranger.goto(url)
    expect(
        stranger.get_by_text("This certificate is genuine and valid.")
    ).to_be_visible()
    expect(stranger.get_by_text("Alice Arsenault")).to_be_visible()
    expect(stranger.get_by_text(certificate.number)).to_be_visible()
    assert_accessible(stranger)
    stranger.get_by_label("Certificate PDF").set_input_files(str(Path(saved)))
    stranger.get_by_role("button", name="Compare file").click()
    expect(
        stranger.get_by_text("This file is exactly the certificate we issued.")
    ).to_be_visible()
    assert_accessible(stranger)

    stranger.goto(f"{live_server.url}/verify/")
    assert_accessible(stranger)
    stranger.context.close()
