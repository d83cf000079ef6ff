"""My certificates, the download, and public verification: every persona, every status."""

import hashlib
import json
import re
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

import pytest

from certificates.models import Certificate
from certificates.services import certificate_revoke
from courses.models import Enrolment
from tests.courses.factories import make_course
from tests.personas import LOGIN, OK, answers, every_persona

NOT_FOUND = 404
UNKNOWN_CODE = "A" * 32


def _pdf_bytes(certificate) -> bytes:
    with certificate.pdf.open("rb") as file:
        return file.read()


def _page(response) -> str:
    """The page without its per-request CSRF token."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.text)


# The holder (employee), the holder's manager and L&D admins.
DOWNLOAD = every_persona(
    NOT_FOUND, anonymous=LOGIN, employee=OK, manager=OK, ld_admin=OK
)
PUBLIC = every_persona(OK)


def test_download_for_every_persona(certificate, persona_matrix):
    url = reverse("certificates:download", args=[certificate.verification_code])
    pdf = _pdf_bytes(certificate)
    unknown_url = reverse("certificates:download", args=[UNKNOWN_CODE])
    unknown, bodies = {}, {}

    def download(client, persona):
        response = client.get(url)
        if DOWNLOAD[persona] == OK:
            # Read now: the stored file is one stream shared by every response.
            bodies[persona] = b"".join(response.streaming_content)
        if DOWNLOAD[persona] == NOT_FOUND:
            unknown[persona] = client.get(unknown_url)
        return response

    for persona, response in persona_matrix(url, DOWNLOAD, request=download).items():
        expected = DOWNLOAD[persona]
        if expected == OK:
            assert bodies[persona] == pdf, persona
            assert response["Content-Type"] == "application/pdf"
            assert (
                f'filename="certificate-{certificate.number}.pdf"'
                in response["Content-Disposition"]
            )
            assert "no-store" in response["Cache-Control"]
        elif expected == NOT_FOUND:
            # Someone else's certificate looks exactly like an unknown one.
            assert _page(response) == _page(unknown[persona]), persona


def test_verify_page_json_and_upload_for_every_persona(
    certificate, personas, client_for, persona_matrix
):
    url = reverse("certificates:verify", args=[certificate.verification_code])
    pdf = _pdf_bytes(certificate)

    def page_json_and_upload(client, _persona):
        return {
            "page": client.get(url),
            "json": client.get(url, {"format": "json"}),
            "upload": client.post(url, {"file": SimpleUploadedFile("c.pdf", pdf)}),
        }

    answers_by_persona = persona_matrix(url, PUBLIC, request=page_json_and_upload)
    for answer in answers_by_persona.values():
        assert "Alice Arsenault" in answer["page"].text
        assert "Valid" in answer["page"].text
        assert answer["json"].json()["holder"] == "Alice Arsenault"
        assert "exactly the certificate we issued" in answer["upload"].text
    lookup = reverse("certificates:verify-lookup")
    for persona in personas:
        client = client_for(personas[persona])
        assert client.get(lookup).status_code == 200
        found = client.get(lookup, {"code": certificate.verification_code})
        assert found["Location"] == url, persona


def test_my_certificates_for_every_persona_shows_only_your_own(
    certificate, personas, client_for
):
    url = reverse("training_site:my-certificates")
    assert answers(client_for(None).get(url), LOGIN)
    for persona in [p for p in personas if p != "anonymous"]:
        response = client_for(personas[persona]).get(url)
        assert response.status_code == 200, persona
        mine = persona == "employee"
        assert (certificate.number in response.text) is mine, persona
        assert ("Cybersecurity essentials" in response.text) is mine, persona


def test_my_certificates_lists_status_and_links(certificate, employee, client):
    client.force_login(employee)
    html = client.get(reverse("training_site:my-certificates")).text
    assert "Valid" in html
    assert (
        reverse("certificates:download", args=[certificate.verification_code]) in html
    )
    assert reverse("certificates:verify", args=[certificate.verification_code]) in html


def test_my_learning_links_completed_courses_to_their_certificate(
    certificate, employee, client
):
    client.force_login(employee)
    html = client.get(reverse("training_site:my-learning")).text
    assert (
        reverse("certificates:download", args=[certificate.verification_code]) in html
    )


def test_public_facts_are_the_listed_ones_and_nothing_else_personal(
    certificate, client
):
    url = reverse("certificates:verify", args=[certificate.verification_code])
    facts = client.get(url, {"format": "json"}).json()
    assert set(facts) == {
        "number",
        "holder",
        "title",
        "kind",
        "issued_on",
        "expires_on",
        "status",
        "status_label",
        "issuer",
        "revoked_on",
        "revocation_reason",
        "superseded_by",
        "verification_url",
    }
    assert facts["issued_on"] == timezone.localdate(certificate.issued_at).isoformat()
    page = client.get(url).text
    employee = certificate.user.employee
    for private in [employee.employee_number, certificate.user.email, "Road Crew A"]:
        assert private not in page and private not in json.dumps(facts)


def test_unknown_and_malformed_codes_get_a_clear_404_with_the_lookup_form(
    certificate, client
):
    bodies = set()
    for code in [
        UNKNOWN_CODE,
        "short",
        "<script>alert(1)",
        certificate.verification_code + "x",
    ]:
        url = reverse("certificates:verify", args=[code])
        response = client.get(url)
        assert response.status_code == 404, code
        page = response.text
        shown = escape(code)
        assert f"No certificate with code {shown}" in page, code
        assert "find that page" not in page
        # The lookup form is there again, holding what was typed.
        assert f'name="code" value="{shown}"' in page, code
        assert "<script>alert" not in page
        bodies.add(_page(response).replace(shown, "CODE"))
        facts = client.get(url, {"format": "json"})
        assert facts.status_code == 404, code
        assert facts["Content-Type"] == "application/json"
        assert facts.json() == {"status": "not_found"}
    # Malformed and unknown codes look alike: nothing tells a guesser which is which.
    assert len(bodies) == 1


@pytest.mark.parametrize(
    "typed",
    [
        "{number}",
        "{lower}",
        "  {number}  ",
        "{code}",
        " {code}\n",
        "https://learn.example.org/verify/{code}/",
    ],
)
def test_lookup_finds_a_certificate_by_its_code_or_its_printed_number(
    typed, certificate, client
):
    url = reverse("certificates:verify", args=[certificate.verification_code])
    value = typed.format(
        number=certificate.number,
        lower=certificate.number.lower(),
        code=certificate.verification_code,
    )
    response = client.get(reverse("certificates:verify-lookup"), {"code": value})
    assert response.status_code == 302
    assert response["Location"] == url
    assert "Alice Arsenault" in client.get(response["Location"]).text


def test_a_certificate_number_in_the_verify_url_leads_to_the_certificate(
    certificate, client
):
    url = reverse("certificates:verify", args=[certificate.verification_code])
    response = client.get(f"/verify/{certificate.number.lower()}/")
    assert (response.status_code, response["Location"]) == (302, url)
    # Machines asking for JSON get JSON at the end of the redirect as well.
    lookup = reverse("certificates:verify-lookup")
    for asked in (f"/verify/{certificate.number}/", lookup):
        response = client.get(
            asked, {"code": certificate.number, "format": "json"}, follow=True
        )
        assert response.json()["number"] == certificate.number, asked


def test_lookup_of_an_unknown_number_says_so_and_keeps_what_was_typed(
    certificate, client
):
    lookup = reverse("certificates:verify-lookup")
    response = client.get(lookup, {"code": "CLH-2026-999999"})
    assert response.status_code == 404
    assert "No certificate with code CLH-2026-999999" in response.text
    assert 'name="code" value="CLH-2026-999999"' in response.text
    empty = client.get(lookup, {"code": "  "})
    assert empty.status_code == 200
    assert "This field is required." in empty.text


def test_a_lookup_asked_for_json_answers_json_whatever_was_typed(certificate, client):
    """Machines get JSON for every lookup that finds nothing: unknown, blank or too long."""
    lookup = reverse("certificates:verify-lookup")
    for typed in ["CLH-2026-999999", "", "  ", "x" * 301]:
        response = client.get(lookup, {"code": typed, "format": "json"})
        assert response.status_code == 404, typed
        assert response["Content-Type"] == "application/json", typed
        assert response.json() == {"status": "not_found"}, typed
    assert client.get(lookup, {"format": "json"}).json() == {"status": "not_found"}


def test_a_file_that_is_not_a_pdf_is_called_that(certificate, client):
    url = reverse("certificates:verify", args=[certificate.verification_code])
    for name, data in [
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"0" * 100),
        ("c.pdf", b"Hello, this is a text file."),
        ("empty.pdf", b""),
    ]:
        response = client.post(url, {"file": SimpleUploadedFile(name, data)})
        assert response.status_code == 200, name
        assert "This file is not a PDF" in response.text, name
        assert "not the certificate we issued" not in response.text, name
        assert "Alice Arsenault" in response.text, name


def test_revoked_certificates_say_so_with_the_reason(certificate, ld_admin, client):
    certificate_revoke(
        certificate=certificate, actor=ld_admin, reason="Completed by someone else"
    )
    url = reverse("certificates:verify", args=[certificate.verification_code])
    page = client.get(url).text
    assert "has been revoked" in page
    assert "Completed by someone else" in page
    # A revoked certificate is valid until nothing: it must not say otherwise.
    assert "Does not expire" not in page and "Valid until" not in page
    revoked_on = timezone.localdate().isoformat()
    assert re.search(rf"Revoked on</dt>\s*<dd[^>]*>{revoked_on}</dd>", page)
    facts = client.get(url, {"format": "json"}).json()
    assert facts["status"] == "revoked"
    assert facts["revocation_reason"] == "Completed by someone else"
    assert facts["revoked_on"] == timezone.localdate().isoformat()


def test_expired_and_expiring_certificates_say_so(certificate, client):
    url = reverse("certificates:verify", args=[certificate.verification_code])
    Certificate.objects.filter(pk=certificate.pk).update(
        expires_on=timezone.localdate() - timedelta(days=1)
    )
    assert "it has expired" in client.get(url).text
    assert client.get(url, {"format": "json"}).json()["status"] == "expired"
    Certificate.objects.filter(pk=certificate.pk).update(
        expires_on=timezone.localdate() + timedelta(days=30)
    )
    assert "expires soon" in client.get(url).text
    assert client.get(url, {"format": "json"}).json()["status"] == "expiring"


def test_superseded_certificates_name_their_successor(employee, complete, client):
    course = make_course(modules=1, validity_months=12)
    first = complete(employee, course)
    enrolment = Enrolment.objects.get(pk=first.enrolment_id)
    enrolment.completions.all().delete()
    Enrolment.objects.filter(pk=enrolment.pk).update(completed_at=None)
    second = complete(employee, course)
    url = reverse("certificates:verify", args=[first.verification_code])
    page = client.get(url).text
    assert "replaced by a newer one" in page and second.number in page
    facts = client.get(url, {"format": "json"}).json()
    assert (facts["status"], facts["superseded_by"]) == ("superseded", second.number)
    newer = client.get(reverse("certificates:verify", args=[second.verification_code]))
    assert "genuine and valid" in newer.text


def test_an_edited_pdf_is_caught(certificate, client):
    url = reverse("certificates:verify", args=[certificate.verification_code])
    pdf = _pdf_bytes(certificate)
    middle = len(pdf) // 2
    flipped = pdf[:middle] + bytes([pdf[middle] ^ 1]) + pdf[middle + 1 :]
    # An "incremental update" is how PDF editors change a file: bytes appended.
    appended = pdf + b"\n% edited\n"
    for edited in (flipped, appended):
        response = client.post(url, {"file": SimpleUploadedFile("c.pdf", edited)})
        assert "is not the certificate we issued" in response.text
        assert "exactly the certificate" not in response.text


def test_a_missing_pdf_is_rendered_again_on_download_and_still_verifies(
    certificate, employee, client
):
    original = _pdf_bytes(certificate)
    certificate.pdf.storage.delete(certificate.pdf.name)
    client.force_login(employee)
    url = reverse("certificates:download", args=[certificate.verification_code])
    again = b"".join(client.get(url).streaming_content)
    assert again[:5] == b"%PDF-"
    certificate.refresh_from_db()
    assert certificate.pdf_sha256 == hashlib.sha256(again).hexdigest()
    verify = reverse("certificates:verify", args=[certificate.verification_code])
    for data in (original, again):
        response = client.post(verify, {"file": SimpleUploadedFile("c.pdf", data)})
        assert "exactly the certificate we issued" in response.text


@override_settings(CERTIFICATE_VERIFY_RATE_LIMIT=3)
def test_verification_is_rate_limited_per_client(certificate, client):
    url = reverse("certificates:verify", args=[certificate.verification_code])
    for _ in range(3):
        assert client.get(url).status_code == 200
    limited = client.get(url)
    assert limited.status_code == 429
    assert "Too many requests" in limited.text
    assert limited["Retry-After"] == "60"
    # Unknown codes and numbers count too, so guessing is slow.
    assert client.get(f"/verify/{UNKNOWN_CODE}/").status_code == 429
    lookup = reverse("certificates:verify-lookup")
    assert client.get(lookup, {"code": certificate.number}).status_code == 429
    # Another client still gets through.
    assert client.get(url, REMOTE_ADDR="10.0.0.9").status_code == 200


@override_settings(CERTIFICATE_VERIFY_RATE_LIMIT=1)
def test_a_rate_limited_json_lookup_answers_json(certificate, client):
    url = reverse("certificates:verify", args=[certificate.verification_code])
    assert client.get(url, {"format": "json"}).status_code == 200
    limited = client.get(url, {"format": "json"})
    assert limited.status_code == 429
    assert limited["Content-Type"] == "application/json"
    assert limited.json() == {"status": "rate_limited"}
    assert limited["Retry-After"] == "60"


def test_the_verify_upload_refuses_a_body_over_10_mb_before_reading_it(
    certificate, client
):
    url = reverse("certificates:verify", args=[certificate.verification_code])
    response = client.generic(
        "POST",
        url,
        b"x",
        content_type="multipart/form-data; boundary=BoUnDaRy",
        CONTENT_LENGTH=str(11 * 1024 * 1024),
    )
    assert response.status_code == 413
    assert "files of up to 10 MB" in response.text
    # The same page still takes a real PDF.
    pdf = certificate.pdf.open("rb").read()
    ok = client.post(url, {"file": SimpleUploadedFile("c.pdf", pdf)})
    assert "exactly the certificate we issued" in ok.text


@override_settings(CERTIFICATE_VERIFY_RATE_LIMIT=2, AXES_IPWARE_PROXY_COUNT=1)
def test_behind_the_proxy_each_visitor_has_a_budget_of_their_own(certificate, client):
    # nginx connects from its own address and appends the visitor's to
    # X-Forwarded-For (deploy/nginx/training.conf); before, the whole city
    # shared one budget of 60 a minute.
    url = reverse("certificates:verify", args=[certificate.verification_code])

    def visit(visitor: str, claimed: str = ""):
        forwarded = f"{claimed}, {visitor}" if claimed else visitor
        return client.get(url, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)

    assert [visit("203.0.113.5").status_code for _ in range(3)] == [200, 200, 429]
    assert visit("203.0.113.6").status_code == 200
    # What a visitor writes into the header themselves changes nothing.
    assert visit("203.0.113.5", claimed="198.51.100.1").status_code == 429


@override_settings(CERTIFICATE_VERIFY_RATE_LIMIT=2, AXES_IPWARE_PROXY_COUNT=None)
def test_without_a_proxy_a_forwarded_header_is_not_believed(certificate, client):
    url = reverse("certificates:verify", args=[certificate.verification_code])
    answers = [
        client.get(url, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code
        for n in range(3)
    ]
    assert answers == [200, 200, 429]
