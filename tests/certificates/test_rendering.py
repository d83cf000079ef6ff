"""The PDF: one A4 landscape page, PDF/A-3b, the record attached, pinned fonts, a QR code."""

import hashlib
import re

import pytest

from certificates.models import CertificateDesign
from certificates.rendering import (
    certificate_record,
    preview_pdf,
    qr_svg,
    render_certificate_pdf,
    render_html,
)
from tests.certificates.pdf_helpers import (
    A4_LANDSCAPE,
    attached_json,
    font_names,
    pdf_text,
    read_pdf,
    squeeze,
    xmp,
)


@pytest.fixture
def pdf(certificate) -> bytes:
    with certificate.pdf.open("rb") as file:
        return file.read()


def test_the_stored_pdf_matches_its_recorded_sha256(certificate, pdf):
    assert hashlib.sha256(pdf).hexdigest() == certificate.pdf_sha256


def test_one_a4_landscape_page_with_the_holder_and_course(certificate, pdf):
    reader = read_pdf(pdf)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(A4_LANDSCAPE[0], abs=1)
    assert float(box.height) == pytest.approx(A4_LANDSCAPE[1], abs=1)
    text = pdf_text(pdf)
    assert "Alice Arsenault" in text
    assert "Cybersecurity essentials" in text
    assert "Certificate of Completion" in text
    assert certificate.number in text
    assert squeeze("1.5 hours of learning") in squeeze(text)


def test_pdf_a_3b_markers(pdf):
    metadata = xmp(pdf)
    assert re.search(r"pdfaid:part(>|=\")3", metadata)
    assert re.search(r"pdfaid:conformance(>|=\")B", metadata)
    root = read_pdf(pdf).trailer["/Root"]
    intents = root["/OutputIntents"]
    assert intents[0].get_object()["/S"] == "/GTS_PDFA1"
    # The attachment is declared as the document's data (PDF/A-3 /AF).
    # (WeasyPrint 70 lists the one file spec twice; a quirk, not two files.)
    associated = [f.get_object() for f in root["/AF"]]
    assert {f["/AFRelationship"] for f in associated} == {"/Data"}
    assert {f["/F"] for f in associated} == {"certificate.json"}


def test_the_attached_json_is_the_record(certificate, pdf):
    record = attached_json(pdf)
    assert record == certificate_record(certificate)
    assert record["holder"] == "Alice Arsenault"
    assert record["verification_code"] == certificate.verification_code
    assert record["skills"] == []


def test_fonts_are_the_pinned_dejavu_families_embedded(pdf):
    names = font_names(pdf)
    assert names, "no fonts found"
    assert all(name.startswith("DejaVu") for name in names), names


def test_the_qr_code_carries_the_absolute_verification_url(certificate):
    record = certificate_record(certificate)
    url = record["verification_url"]
    assert url == f"http://testserver/verify/{certificate.verification_code}/"
    html = render_html(record=record, design=certificate.design_snapshot)
    # The very QR code segno makes for that URL is the one on the page.
    assert qr_svg(url) in html
    import segno

    assert segno.make(url, error="m").designator in {"3-M", "4-M"}


def test_rendering_again_gives_the_same_bytes(certificate, pdf):
    assert render_certificate_pdf(certificate) == pdf


def test_later_design_edits_do_not_change_an_issued_certificate(certificate, pdf):
    design = certificate.design
    design.heading = "Something else"
    design.save()
    assert render_certificate_pdf(certificate) == pdf


def test_a_design_preview_renders_with_sample_data(db):
    design = CertificateDesign(
        name="Preview", heading="Award of Learning", signatory_name="Jordan Lee"
    )
    text = pdf_text(preview_pdf(design=design))
    assert "Award of Learning" in text
    assert "Alex Example" in text
    assert "Jordan Lee" in text
