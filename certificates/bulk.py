"""Bulk issue's work (run by `tasks.run_bulk_job`) and the streamed ZIP download.

Starting a job is `tasks.bulk_job_start`: queueing sits above the work it queues.
"""

import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator

from django.utils import timezone

from courses.models import CoursePage

from .models import BulkCertificateJob, Certificate
from .selectors import bulk_enrolments
from .services import certificate_issue, certificate_pdf_ensure

PROGRESS_EVERY = 10  # write progress every N certificates, not on every one
CHUNK = 64 * 1024


def bulk_job_run(*, job: BulkCertificateJob) -> BulkCertificateJob:
    """Issue every missing certificate in the job's scope and render every missing PDF."""
    job.run(lambda rows: _issue_all(job, rows))
    return job


def _issue_all(job: BulkCertificateJob, rows) -> None:
    course = CoursePage(pk=job.course_id)
    enrolments = list(
        bulk_enrolments(user=job.created_by, course=course, org_unit=job.org_unit)
        .select_related("user__employee")
        .order_by("pk")
    )
    rows.update(total=len(enrolments))
    done = issued = 0
    try:
        for enrolment in enrolments:
            before = Certificate.objects.filter(
                enrolment_id=enrolment.pk, completed_at=enrolment.completed_at
            ).exists()
            certificate = certificate_issue(
                enrolment=enrolment,
                actor=job.created_by,
                reason=f"Bulk issue (job {job.pk}).",
                render=False,
            )
            issued += not before
            certificate_pdf_ensure(certificate=certificate)
            done += 1
            if done % PROGRESS_EVERY == 0:
                rows.update(done=done, issued=issued)
    finally:
        # Also on failure: the page says how far the job got.
        rows.update(done=done, issued=issued)


class _Pipe:
    """A write-only, unseekable stream: zipfile writes, the generator drains."""

    def __init__(self):
        self._chunks: list[bytes] = []

    def write(self, data: bytes) -> int:
        self._chunks.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def drain(self) -> bytes:
        data = b"".join(self._chunks)
        self._chunks.clear()
        return data


def _name_part(text: str) -> str:
    """Letters, marks and digits of any script; every other run becomes one "-"."""
    kept = "".join(
        c if unicodedata.category(c)[0] in "LMN" else "-"
        for c in unicodedata.normalize("NFC", text)
    )
    return re.sub(r"-{2,}", "-", kept).strip("-")[:80] or "certificate"


def zip_entry_name(certificate: Certificate) -> str:
    """`<number>-<holder>.pdf` in the holder's own letters; zipfile flags it UTF-8."""
    return f"{certificate.number}-{_name_part(certificate.holder_name)}.pdf"


def certificates_zip_stream(certificates: Iterable[Certificate]) -> Iterator[bytes]:
    """A ZIP of the certificates' PDFs, produced piece by piece, never whole in memory."""
    pipe = _Pipe()
    # PDFs are compressed already; storing them keeps this fast.
    with zipfile.ZipFile(pipe, mode="w", compression=zipfile.ZIP_STORED) as archive:
        for certificate in certificates:
            certificate_pdf_ensure(certificate=certificate)
            info = zipfile.ZipInfo(
                zip_entry_name(certificate),
                date_time=timezone.localtime(certificate.issued_at).timetuple()[:6],
            )
            with (
                certificate.pdf.open("rb") as source,
                archive.open(info, mode="w", force_zip64=True) as target,
            ):
                while chunk := source.read(CHUNK):
                    target.write(chunk)
                    yield pipe.drain()
            yield pipe.drain()
    yield pipe.drain()
