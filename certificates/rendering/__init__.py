"""Rendering certificates with WeasyPrint; see document.py and fetcher.py."""

from django.utils import timezone

from ..models import Certificate, CertificateDesign
from .document import (
    ATTACHMENT_NAME,
    qr_svg,
    render_html,
    render_record_pdf,
    safe_filename,
    sample_record,
    verification_url,
)
from .fetcher import CertificateURLFetcher, FetchRefused

__all__ = [
    "ATTACHMENT_NAME",
    "CertificateURLFetcher",
    "FetchRefused",
    "certificate_record",
    "design_snapshot",
    "preview_pdf",
    "qr_svg",
    "render_certificate_pdf",
    "render_html",
    "safe_filename",
    "verification_url",
]


def design_snapshot(design: CertificateDesign) -> dict:
    """What a certificate keeps of its design, so later edits never change it."""
    return {
        "name": design.name,
        "issuer": design.issuer,
        "heading": design.heading,
        "body": design.body,
        "signatory_name": design.signatory_name,
        "signatory_title": design.signatory_title,
        "accent_colour": design.accent_colour,
        "logo_id": design.logo_id,
        "signature_image_id": design.signature_image_id,
    }


def certificate_record(certificate: Certificate) -> dict:
    """The facts of a certificate, as embedded in its PDF (JSON-ready)."""
    issued_at = timezone.localtime(certificate.issued_at).replace(microsecond=0)
    record = {
        "type": "certificate",
        "kind": "learning_path" if certificate.is_path else "course",
        "number": certificate.number,
        "verification_code": certificate.verification_code,
        "verification_url": verification_url(certificate.verification_code),
        "holder": certificate.holder_name,
        "title": certificate.title,
        "completed_on": timezone.localdate(certificate.completed_at).isoformat(),
        "issued_at": issued_at.isoformat(),
        "issued_on": issued_at.date().isoformat(),
        "expires_on": certificate.expires_on.isoformat()
        if certificate.expires_on
        else None,
        "hours": float(certificate.hours),
        "skills": list(certificate.skills),
        "issuer": certificate.issuer,
    }
    if certificate.revoked_at:
        # Only revoked records gain these keys: re-rendering a valid certificate
        # keeps giving the same bytes.
        record["status"] = "revoked"
        record["revoked_on"] = timezone.localdate(certificate.revoked_at).isoformat()
    return record


def render_certificate_pdf(
    certificate: Certificate, *, url_fetcher: CertificateURLFetcher | None = None
) -> bytes:
    """The certificate's PDF, from its own record and design snapshot."""
    return render_record_pdf(
        record=certificate_record(certificate),
        design=certificate.design_snapshot,
        url_fetcher=url_fetcher,
    )


def preview_pdf(
    *, design: CertificateDesign, url_fetcher: CertificateURLFetcher | None = None
) -> bytes:
    """A design rendered with sample data, for the admin's preview panel."""
    return render_record_pdf(
        record=sample_record(issuer=design.issuer),
        design=design_snapshot(design),
        url_fetcher=url_fetcher,
    )
