"""Certificate PDFs: one warm render against bare WeasyPrint, and memory over many renders.

The baseline renders the very same HTML with WeasyPrint alone (same options,
same fetcher), so the ratio is what our code adds: reading the record,
building the HTML and QR code, hashing and storing the file. Memory is the
process's resident set (VmRSS) after CERT_BENCH_RENDERS consecutive renders
(default 1,000), against the RSS after a warm-up.
"""

import gc
import json
import os
from datetime import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from benchmarks.harness import Figure, median_ms
from certificates.models import Certificate
from certificates.rendering import certificate_record, render_certificate_pdf
from certificates.rendering.document import ATTACHMENT_NAME, PDF_VARIANT, render_html
from certificates.rendering.fetcher import CertificateURLFetcher
from certificates.services import certificate_issue, certificate_render
from courses.models import CourseIndexPage, CoursePage, Enrolment
from people.models import Employee, OrgUnit

RENDERS = int(os.environ.get("CERT_BENCH_RENDERS", "1000"))


def _rss_mb(field: str = "VmRSS") -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def _certificate() -> Certificate:
    user, _ = get_user_model().objects.get_or_create(username="bench-holder")
    if not hasattr(user, "employee"):
        unit = OrgUnit.objects.filter(code="BENCH").first() or OrgUnit.add_root(
            code="BENCH", name="Benchmark unit"
        )
        Employee.objects.create(
            user=user,
            employee_number="BENCH-1",
            first_name="Morgan",
            last_name="Benchmark-Ellis",
            org_unit=unit,
        )
    course = CoursePage.objects.filter(slug="bench-certificate-course").first()
    if course is None:
        course = CoursePage(
            title="Working with open data",
            slug="bench-certificate-course",
            summary="Benchmark course.",
            duration_minutes=150,
            validity_months=24,
        )
        CourseIndexPage.objects.get().add_child(instance=course)
    enrolment, _ = Enrolment.objects.get_or_create(
        user=user, course=course, defaults={"completed_at": timezone.now()}
    )
    return certificate_issue(enrolment=enrolment, render=False)


def _bare(html: str, record: dict):
    """WeasyPrint alone, with the same HTML, options and fetcher."""
    from weasyprint import HTML, Attachment

    fetcher = CertificateURLFetcher()
    created = datetime.fromisoformat(record["issued_at"])
    attachment = Attachment(
        string=json.dumps(record, indent=2, sort_keys=True).encode(),
        name=ATTACHMENT_NAME,
        relationship="Data",
        created=created,
        modified=created,
        url_fetcher=fetcher,
    )
    return HTML(string=html, url_fetcher=fetcher).write_pdf(
        pdf_variant=PDF_VARIANT, attachments=[attachment]
    )


def run() -> list[Figure]:
    certificate = _certificate()
    record = certificate_record(certificate)
    html = render_html(record=record, design=certificate.design_snapshot)

    def ours():
        # The whole service: read, build, render, hash, store, record the event.
        fresh = Certificate.objects.get(pk=certificate.pk)
        certificate_render(certificate=fresh)

    ours_ms = median_ms(ours, repeat=30, warmup=5)
    bare_ms = median_ms(lambda: _bare(html, record), repeat=30, warmup=5)
    render_only_ms = median_ms(
        lambda: render_certificate_pdf(certificate), repeat=30, warmup=5
    )

    # Memory: render (without storing: test settings keep media in memory).
    for _ in range(20):
        render_certificate_pdf(certificate)
    gc.collect()
    start_rss = _rss_mb()
    for _ in range(RENDERS):
        render_certificate_pdf(certificate)
    gc.collect()
    growth = _rss_mb() - start_rss
    return [
        Figure(
            "certificate_render (warm, stored)",
            ours_ms,
            "ms",
            "bare WeasyPrint",
            bare_ms,
            goal="<= 1.3x",
        ),
        Figure(
            "render_certificate_pdf (warm, in memory)",
            render_only_ms,
            "ms",
            "bare WeasyPrint",
            bare_ms,
        ),
        Figure(f"RSS growth over {RENDERS:,} renders", growth, "MB", goal="< 50 MB"),
        Figure("peak RSS", _rss_mb("VmHWM"), "MB"),
    ]
