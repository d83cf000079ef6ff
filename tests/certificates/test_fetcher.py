"""The renderer reads only our static files and data: URIs; markup in any text is text."""

import base64
import socket

import pytest

from certificates.models import CertificateDesign, CertificateDesignAssignment
from certificates.rendering import (
    CertificateURLFetcher,
    FetchRefused,
    certificate_record,
    render_certificate_pdf,
    render_html,
)
from tests.certificates.pdf_helpers import pdf_text, squeeze
from tests.courses.factories import make_course

PAYLOADS = {
    "image": '<img src="http://169.254.169.254/latest">',
    "stylesheet": '<link rel=stylesheet href="file:///etc/passwd">',
    "css": "url(http://127.0.0.1/x)",
}
FORBIDDEN_HINTS = ["169.254", "127.0.0.1", "etc/passwd", "http:", "https:", "file:"]


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "FILE:///etc/passwd",
        "http://169.254.169.254/latest",
        "http://127.0.0.1/x",
        "https://example.com/logo.png",
        "ftp://example.com/x",
        "gopher://127.0.0.1:6379/_INFO",
        "javascript:alert(1)",
        "static:../../../../etc/passwd",
        "static:/etc/passwd",
        "static:certificates/../../../etc/passwd",
        "static:certificates\\..\\secret",
        "static:no/such/file.css",
        "data:text/plain",  # no comma: malformed
    ],
)
def test_the_fetcher_refuses(url):
    with pytest.raises(FetchRefused):
        CertificateURLFetcher().fetch(url)


def test_the_fetcher_reads_our_static_files_and_data_uris():
    fetcher = CertificateURLFetcher()
    seal = fetcher.fetch("static:certificates/city-seal.svg")
    assert seal.content_type == "image/svg+xml"
    assert seal.read().startswith(b"<svg")
    encoded = base64.b64encode(b"hello").decode()
    data = fetcher.fetch(f"data:text/plain;base64,{encoded}")
    assert (data.content_type, data.read()) == ("text/plain", b"hello")


class RecordingFetcher(CertificateURLFetcher):
    """Our fetcher, remembering every URL WeasyPrint asked for."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def fetch(self, url, headers=None):
        self.urls.append(url)
        return super().fetch(url, headers)


@pytest.fixture
def no_network(monkeypatch):
    """Fail loudly if anything opens a socket while rendering."""
    attempts = []

    def refuse(self, address):
        attempts.append(address)
        raise OSError("network is off in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    return attempts


def test_payloads_in_every_text_are_printed_as_text_and_fetch_nothing(
    employee, complete, no_network
):
    alice = employee.employee
    alice.first_name = PAYLOADS["image"]
    alice.save()
    course = make_course(title=f"{PAYLOADS['stylesheet']} {PAYLOADS['css']}", modules=1)
    design = CertificateDesign.objects.create(
        name="Hostile",
        issuer=PAYLOADS["css"],
        heading=PAYLOADS["image"],
        body="completed {course} " + PAYLOADS["stylesheet"],
        signatory_name=PAYLOADS["stylesheet"],
        signatory_title=PAYLOADS["css"],
    )
    CertificateDesignAssignment.objects.create(design=design, page=course)
    certificate = complete(employee, course)
    # The accent colour lands in CSS: even a value that skipped validation is ignored.
    certificate.design_snapshot["accent_colour"] = (
        "red;background:url(http://127.0.0.1/x)"
    )

    html = render_html(
        record=certificate_record(certificate), design=certificate.design_snapshot
    )
    assert '<img src="http://169.254' not in html
    assert "&lt;img src=&quot;http://169.254.169.254/latest&quot;&gt;" in html
    assert "<link rel=stylesheet" not in html
    assert "background:url(http://127.0.0.1" not in html

    fetcher = RecordingFetcher()
    pdf = render_certificate_pdf(certificate, url_fetcher=fetcher)
    assert fetcher.urls, "the renderer should at least load the stylesheet"
    for url in fetcher.urls:
        assert url.startswith(("static:certificates/", "data:")), url
        assert not any(hint in url for hint in FORBIDDEN_HINTS), url
    assert no_network == []
    text = squeeze(pdf_text(pdf))
    for payload in PAYLOADS.values():
        assert squeeze(payload) in text, payload
