"""A stranger checks certificates the ways people really do: by the printed
number, by a mistyped code, with the wrong file, and a revoked one."""

import pytest
from playwright.sync_api import expect

from certificates.models import Certificate
from certificates.services import certificate_revoke
from courses.services import module_complete
from tests.browser.checks import assert_accessible
from tests.courses.factories import make_course, modules_of

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def certificate(employee):
    course = make_course(title="Cybersecurity essentials", modules=1)
    for module in modules_of(course):
        module_complete(user=employee, module=module)
    return Certificate.objects.get(user=employee)


def test_a_stranger_checks_by_number_mistypes_uploads_the_wrong_file_and_sees_revoked(
    page, live_server, certificate, ld_admin
):
    verify_url = f"{live_server.url}/verify/{certificate.verification_code}/"

    # The number as read off the paper: lower case, with stray spaces.
    page.goto(f"{live_server.url}/verify/")
    box = page.get_by_label("Verification code or certificate number")
    box.fill(f"  {certificate.number.lower()} ")
    page.get_by_role("button", name="Check certificate").click()
    page.wait_for_url(verify_url)
    expect(page.get_by_text("This certificate is genuine and valid.")).to_be_visible()
    expect(page.get_by_text(certificate.number)).to_be_visible()

    # A file that is not a PDF is called that, not "a different certificate".
    page.get_by_label("Certificate PDF").set_input_files(
        {"name": "photo.png", "mimeType": "image/png", "buffer": b"\x89PNG\r\n\x1a\n0"}
    )
    page.get_by_role("button", name="Compare file").click()
    expect(page.get_by_text("This file is not a PDF.")).to_be_visible()
    expect(page.get_by_text("not the certificate we issued")).to_have_count(0)
    assert_accessible(page)

    # A mistyped code: a clear page saying so, with the form holding the typo.
    page.get_by_role("link", name="Check another certificate").click()
    box = page.get_by_label("Verification code or certificate number")
    box.fill("CLH-2026-999999")
    page.get_by_role("button", name="Check certificate").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "No certificate with code CLH-2026-999999"
    )
    expect(box).to_have_value("CLH-2026-999999")
    assert_accessible(page)

    # Revoked: it says so and when, and never "Valid until: Does not expire".
    certificate_revoke(
        certificate=certificate, actor=ld_admin, reason="Completed by someone else"
    )
    page.goto(verify_url)
    expect(
        page.get_by_text("This certificate has been revoked and is no longer valid.")
    ).to_be_visible()
    facts = page.locator("dl.cert-facts")
    expect(facts).to_contain_text("Revoked on")
    expect(facts).not_to_contain_text("Valid until")
    expect(facts).not_to_contain_text("Does not expire")
    assert_accessible(page)
