"""The PDF: one A4 landscape page, PDF/A-3b, the record attached, pinned fonts, a QR code."""

import hashlib
import re
from datetime import UTC, datetime

from django.conf import settings
from django.utils import timezone

import pytest

from certificates.models import CertificateDesign
from certificates.rendering import (
    certificate_record,
    preview_pdf,
    qr_svg,
    render_certificate_pdf,
    render_html,
)
from certificates.services import certificate_revoke
from tests.certificates.pdf_helpers import (
    A4_LANDSCAPE,
    attached_json,
    figures,
    font_names,
    pdf_text,
    pikepdf_open,
    read_pdf,
    reading_order_text,
    squeeze,
    text_runs,
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
    associated = [f.get_object() for f in root["/AF"]]
    assert {f["/AFRelationship"] for f in associated} == {"/Data"}
    assert {f["/F"] for f in associated} == {"certificate.json"}


def test_the_attachment_is_associated_once(pdf):
    # WeasyPrint 70 lists the one file spec twice in /AF; a validator counts two files.
    document = pikepdf_open(pdf)
    associated = document.Root.AF
    assert len(associated) == 1
    assert associated[0].F == "certificate.json"


def test_the_attached_file_dates_are_real_utc(certificate, pdf):
    document = pikepdf_open(pdf)
    params = document.Root.AF[0].EF.F.Params
    issued = certificate.issued_at.astimezone(UTC).replace(microsecond=0)
    # PDF dates ending in Z are UTC; WeasyPrint wrote Toronto's wall clock there.
    assert str(params.CreationDate) == issued.strftime("D:%Y%m%d%H%M%SZ")
    assert str(params.ModDate) == issued.strftime("D:%Y%m%d%H%M%SZ")
    # The JSON's own timestamp says its offset, so it names the same instant.
    issued_at = datetime.fromisoformat(attached_json(pdf)["issued_at"])
    assert issued_at.utcoffset() is not None
    assert issued_at == issued


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


def test_the_verification_url_is_a_readable_link(certificate, pdf):
    url = certificate_record(certificate)["verification_url"]
    document = pikepdf_open(pdf)
    page = document.pages[0]
    links = [
        str(annotation.A.URI)
        for annotation in page.get("/Annots", [])
        if annotation.Subtype == "/Link" and "/A" in annotation
    ]
    # One annotation per line of the link, all going to the verification page.
    assert links
    assert set(links) == {url}
    # Printed at 9 pt at least, so a person can type it in.
    url_runs = [run for run in text_runs(pdf) if squeeze(run.text) in url]
    assert squeeze(url) in squeeze("".join(run.text for run in url_runs))
    assert min(run.size_pt for run in url_runs) >= 9


def test_a_revoked_certificate_renders_as_revoked(certificate, ld_admin):
    certificate_revoke(
        certificate=certificate, actor=ld_admin, reason="Completed by someone else"
    )
    pdf = render_certificate_pdf(certificate)
    text = pdf_text(pdf)
    revoked_on = timezone.localdate(certificate.revoked_at)
    assert "Does not expire" not in text
    assert squeeze(f"Revoked on {revoked_on:%-d %B %Y}") in squeeze(text)
    record = attached_json(pdf)
    assert record["status"] == "revoked"
    assert record["revoked_on"] == revoked_on.isoformat()


def test_a_valid_certificate_record_has_no_revocation_keys(certificate, pdf):
    # Records of valid certificates are unchanged, so re-renders keep their bytes.
    assert "status" not in attached_json(pdf)
    assert "revoked_on" not in attached_json(pdf)


def test_the_pdf_is_tagged_with_language_and_title(certificate, pdf):
    document = pikepdf_open(pdf)
    root = document.Root
    assert "/StructTreeRoot" in root
    assert root.MarkInfo.Marked
    # Language tags are case-insensitive (BCP 47); settings say "en-ca".
    assert str(root.Lang).lower() == settings.LANGUAGE_CODE.lower() == "en-ca"
    assert root.ViewerPreferences.DisplayDocTitle
    title = str(document.docinfo.Title)
    assert "Alice Arsenault" in title
    assert "Cybersecurity essentials" in title
    # Still PDF/A-3 B, not claiming conformance A.
    assert re.search(r"pdfaid:conformance(>|=\")B", xmp(pdf))


def test_the_tags_read_name_then_course_then_date(certificate, pdf):
    text = reading_order_text(pdf)
    completed = squeeze(f"{timezone.localdate(certificate.completed_at):%-d %B %Y}")
    name = text.index("AliceArsenault")
    course = text.index("Cybersecurityessentials")
    assert name < course < text.index(completed)
    # Every word on the page is in the structure tree, none left out.
    assert len(text) == len(squeeze(pdf_text(pdf)))


def test_every_figure_has_alternative_text(pdf):
    alts = [figure.alt for figure in figures(pdf)]
    assert alts, "no figures tagged"
    assert all(alts), alts
    assert any("QR code" in alt for alt in alts)
