"""Certificate data → HTML → tagged PDF/A-3b, with the data attached as JSON.

Rendering reads only the certificate's own snapshot (the facts and the design
as they were at issue time), so rendering again later gives the same document.
"""

import base64
import json
import re
import threading
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from wagtail.images import get_image_model

import pydyf
import segno
from weasyprint import HTML, Attachment
from weasyprint.text.fonts import FontConfiguration

from ..models import HEX_COLOUR, PLACEHOLDER_RE
from .fetcher import CertificateURLFetcher, static_url
from .fit import fitted_document

PDF_VARIANT = "pdf/a-3b"
DEFAULT_ACCENT = "#1f3a5f"
SEAL = "certificates/city-seal.svg"
STYLESHEET = "certificates/certificate.css"
LOGO_RENDITION = "max-600x240|format-png"
SIGNATURE_RENDITION = "max-600x180|format-png"
ATTACHMENT_NAME = "certificate.json"
TEMPLATE = "certificates/pdf/certificate.html"


def site_base_url() -> str:
    """Where the public site lives: CERTIFICATE_BASE_URL, else WAGTAILADMIN_BASE_URL."""
    base = (
        getattr(settings, "CERTIFICATE_BASE_URL", "") or settings.WAGTAILADMIN_BASE_URL
    )
    return base.rstrip("/")


def verification_url(code: str) -> str:
    """The absolute public verification URL, as printed in the QR code."""
    return site_base_url() + reverse("certificates:verify", args=[code])


def format_hours(hours: Decimal | float) -> str:
    hours = Decimal(str(hours)).quantize(Decimal("0.1"))
    return str(int(hours)) if hours == hours.to_integral_value() else str(hours)


def fill_placeholders(text: str, values: dict[str, str]) -> SafeString:
    """The design's body text with {holder}, {course}, ... filled in, all escaped."""
    parts, position = [], 0
    for match in PLACEHOLDER_RE.finditer(text):
        parts.append(escape(text[position : match.start()]))
        name = match.group(1)
        if name in values:
            parts.append(format_html("<strong>{}</strong>", values[name]))
        else:
            parts.append(escape(match.group(0)))
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 (every part is escaped above)


def safe_accent(colour: str) -> str:
    # The colour lands inside CSS, where HTML escaping protects nothing.
    return colour if HEX_COLOUR.match(colour or "") else DEFAULT_ACCENT


def qr_svg(url: str, *, colour: str = DEFAULT_ACCENT) -> SafeString:
    """An inline SVG QR code (segno) for `url`."""
    code = segno.make(url, error="m")
    svg = code.svg_inline(
        scale=1,
        border=0,
        dark=safe_accent(colour),
        omitsize=True,
        # The tagged PDF takes a figure's alternative text from the SVG's title.
        title="QR code of the verification page",
    )
    svg = svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    return mark_safe(svg)  # noqa: S308 (segno's own markup; the URL is not in it)


def _image_src(image_id: int | None, spec: str) -> str | None:
    """A Wagtail image as a data: URI: the renderer may not read media storage."""
    if not image_id:
        return None
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return None
    if image.is_svg():
        source, mime = image.file, "image/svg+xml"
    else:
        source, mime = image.get_rendition(spec).file, "image/png"
    with source.open("rb") as file:
        data = base64.b64encode(file.read()).decode("ascii")
    return f"data:{mime};base64,{data}"


def _day(value: str | None) -> str:
    return date_format(date.fromisoformat(value), "j F Y") if value else ""


def _context(*, record: dict, design: dict) -> dict:
    """What the certificate template shows, built once however often it is laid out."""
    completed_on = _day(record["completed_on"])
    hours = format_hours(record["hours"])
    accent = safe_accent(design.get("accent_colour", ""))
    return {
        "language": settings.LANGUAGE_CODE,
        "design": design,
        "accent": accent,
        "holder": record["holder"],
        "title": record["title"],
        "number": record["number"],
        "completed_on": completed_on,
        "expires_on": _day(record["expires_on"]),
        "revoked_on": _day(record.get("revoked_on")),
        "verification_url": record["verification_url"],
        "created": record["issued_at"],
        "body": fill_placeholders(
            design.get("body", ""),
            {
                "holder": record["holder"],
                "course": record["title"],
                # A date never breaks across lines.
                "date": completed_on.replace(" ", "\u00a0"),
                "hours": hours,
            },
        ),
        "qr_svg": qr_svg(record["verification_url"], colour=accent),
        "stylesheet": static_url(STYLESHEET),
        "watermark_src": static_url(SEAL),
        "logo_src": _image_src(design.get("logo_id"), LOGO_RENDITION)
        or static_url(SEAL),
        "signature_src": _image_src(
            design.get("signature_image_id"), SIGNATURE_RENDITION
        ),
    }


def _template(context: dict, *, fit: int) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(TEMPLATE, {**context, "fit": fit})


def render_html(*, record: dict, design: dict, fit: int = 0) -> str:
    """The certificate as HTML for WeasyPrint; `fit` picks smaller type (fit.py)."""
    with translation.override(settings.LANGUAGE_CODE):
        context = _context(record=record, design=design)
    return _template(context, fit=fit)


def _associate_once(document, pdf) -> None:
    """Drop the repeated file spec WeasyPrint 70 puts in /AF (it lists each twice)."""
    if "AF" in pdf.catalog:
        pdf.catalog["AF"] = pydyf.Array(dict.fromkeys(pdf.catalog["AF"]))


def html_to_pdf(
    html_for: Callable[[int], str],
    *,
    record: dict,
    created: datetime,
    url_fetcher: CertificateURLFetcher | None = None,
) -> bytes:
    """WeasyPrint: one A4 landscape page, tagged PDF/A-3b, the record attached.

    `html_for(fit)` gives the page at type size `fit`; the first that fits is kept.
    """
    fetcher = url_fetcher or CertificateURLFetcher()
    # WeasyPrint writes the attachment's dates with a "Z" whatever their zone.
    created = created.astimezone(UTC)
    attachment = Attachment(
        string=json.dumps(record, indent=2, sort_keys=True).encode(),
        name=ATTACHMENT_NAME,
        description="Certificate data",
        relationship="Data",
        created=created,
        modified=created,
        url_fetcher=fetcher,
    )

    def layout(fit: int):
        # No base URL: a relative URL in anything can resolve to nothing at all.
        html = HTML(string=html_for(fit), base_url=None, url_fetcher=fetcher)
        return html.render(font_config=font_config())

    return fitted_document(layout).write_pdf(
        pdf_variant=PDF_VARIANT,
        # Tags give readers the structure and reading order; still PDF/A-3 B.
        pdf_tags=True,
        attachments=[attachment],
        finisher=_associate_once,
    )


_per_thread = threading.local()


def font_config() -> FontConfiguration:
    """One WeasyPrint font configuration per thread, reused across renders.

    A fresh one per render costs memory that is never given back (about
    0.2 MB a render, measured by benchmarks/bench_certificates.py); Pango's
    font maps are not thread-safe, so threads do not share one. The template
    has no @font-face rules, so the configuration never changes.
    """
    if not hasattr(_per_thread, "font_config"):
        _per_thread.font_config = FontConfiguration()
    return _per_thread.font_config


def render_record_pdf(
    *, record: dict, design: dict, url_fetcher: CertificateURLFetcher | None = None
) -> bytes:
    """Render a certificate record with a design snapshot."""
    created = datetime.fromisoformat(record["issued_at"])
    with translation.override(settings.LANGUAGE_CODE):
        context = _context(record=record, design=design)
    return html_to_pdf(
        lambda fit: _template(context, fit=fit),
        record=record,
        created=created,
        url_fetcher=url_fetcher,
    )


def sample_record(*, issuer: str) -> dict:
    """Made-up facts for design previews."""
    now = timezone.localtime().replace(microsecond=0)
    return {
        "type": "certificate",
        "kind": "course",
        "number": "CLH-0000-000000",
        "verification_code": "PREVIEW",
        "verification_url": site_base_url() + "/verify/PREVIEW/",
        "holder": "Alex Example",
        "title": "Cybersecurity essentials",
        "completed_on": now.date().isoformat(),
        "issued_at": now.isoformat(),
        "issued_on": now.date().isoformat(),
        "expires_on": None,
        "hours": 1.5,
        "skills": [],
        "issuer": issuer,
    }


def safe_filename(text: str) -> str:
    """ASCII-only, for Content-Disposition and ZIP entries."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.")
    return cleaned[:80] or "certificate"
