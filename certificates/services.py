"""Every change to certificates: issue, render, revoke, supersede (bulk jobs: bulk.py).

Issuing is exactly-once per completion by a unique constraint, not by looking
first: whoever loses the race gets the winner's certificate. Nothing here
e-mails anyone or re-issues anything on its own.
"""

import hashlib
import logging
import secrets
from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from courses.dates import add_months
from courses.models import CoursePage, Enrolment, LearningPathPage
from lib.errors import DomainError

from .attested_skills import attested_skills
from .models import Certificate, CertificateDesign, CertificateDesignAssignment
from .models import CertificateEvent as Event
from .rendering import design_snapshot, render_certificate_pdf
from .signals import certificate_issued

logger = logging.getLogger(__name__)

DEFAULT_DESIGN_NAME = "City standard"


class CertificateError(DomainError):
    """A certificate action that cannot happen; `code` says which (tests assert on it)."""


def design_default_ensure() -> CertificateDesign:
    """The default design, created if missing (after a migrate or a test flush)."""
    design = CertificateDesign.objects.filter(is_default=True).first()
    if design is not None:
        return design
    try:
        with transaction.atomic():
            design, _created = CertificateDesign.objects.get_or_create(
                name=DEFAULT_DESIGN_NAME,
                defaults={
                    "is_default": True,
                    "signatory_name": "Learning and Development",
                    "signatory_title": "City Learning Hub",
                },
            )
            if not design.is_default:
                design.is_default = True
                design.save(update_fields=["is_default"])
    except IntegrityError:
        # Another process made one at the same moment: use theirs.
        design = CertificateDesign.objects.get(is_default=True)
    return design


def design_for_page(*, page_id: int) -> CertificateDesign:
    """The design a course or learning path chose, else the default design."""
    assignment = (
        CertificateDesignAssignment.objects.filter(page_id=page_id)
        .select_related("design")
        .first()
    )
    return assignment.design if assignment else design_default_ensure()


def _holder_name(user: AbstractBaseUser) -> str:
    employee = getattr(user, "employee", None)
    if employee is not None:
        return employee.display_name
    return user.get_full_name() or user.get_username()


def _number(certificate: Certificate) -> str:
    prefix = getattr(settings, "CERTIFICATE_NUMBER_PREFIX", "CLH")
    return (
        f"{prefix}-{timezone.localtime(certificate.issued_at):%Y}-{certificate.pk:06d}"
    )


def _issue(
    *, fields: dict, lookup: dict, previous: dict, actor, reason: str, render: bool
) -> Certificate:
    """Insert one certificate; on a unique-constraint clash return the existing one."""
    design = fields["design"]
    try:
        with transaction.atomic():
            certificate = Certificate.objects.create(
                **fields,
                issuer=design.issuer,
                design_snapshot=design_snapshot(design),
                verification_code=secrets.token_urlsafe(24),
            )
            certificate.number = _number(certificate)
            certificate.save(update_fields=["number"])
            Event.objects.create(
                certificate=certificate,
                kind=Event.Kind.ISSUED,
                actor=actor,
                reason=reason,
            )
            _supersede_earlier(certificate=certificate, previous=previous, actor=actor)
    except IntegrityError:
        # A simultaneous request issued it first: theirs is the certificate.
        return Certificate.objects.get(**lookup)
    # Only the winner announces it; its handler queues the render (signal_handlers).
    transaction.on_commit(
        lambda: certificate_issued.send(
            sender=Certificate, certificate=certificate, render=render
        )
    )
    return certificate


def _supersede_earlier(*, certificate: Certificate, previous: dict, actor) -> None:
    earlier = list(
        Certificate.objects.current()
        .filter(**previous, completed_at__lt=certificate.completed_at)
        .exclude(pk=certificate.pk)
        .select_for_update()
    )
    for old in earlier:
        Certificate.objects.filter(pk=old.pk).update(superseded_by=certificate)
        Event.objects.create(
            certificate=old,
            kind=Event.Kind.SUPERSEDED,
            actor=actor,
            reason=f"Superseded by {certificate.number} after a new completion.",
        )


def certificate_issue(
    *,
    enrolment: Enrolment,
    actor: AbstractBaseUser | None = None,
    reason: str = "Course completed.",
    render: bool = True,
) -> Certificate:
    """Issue the certificate for this course completion, or return the one issued."""
    if enrolment.completed_at is None:
        raise CertificateError("The course is not completed.", code="not_completed")
    lookup = {"enrolment_id": enrolment.pk, "completed_at": enrolment.completed_at}
    existing = Certificate.objects.filter(**lookup).first()
    if existing is not None:
        return existing
    course = CoursePage.objects.filter(pk=enrolment.course_id).first()
    title = (
        course.title if course else enrolment.completion_snapshot.get("course_title")
    )
    validity = course.validity_months if course else None
    completed_on = timezone.localdate(enrolment.completed_at)
    fields = {
        "user": enrolment.user,
        "enrolment": enrolment,
        "course_id": enrolment.course_id,
        "completed_at": enrolment.completed_at,
        "design": design_for_page(page_id=enrolment.course_id),
        "holder_name": _holder_name(enrolment.user),
        "title": title or "",
        "hours": _hours(course.duration_minutes if course else 0),
        "skills": attested_skills(page_ids=[enrolment.course_id]),
        "expires_on": add_months(completed_on, validity) if validity else None,
    }
    previous = {"user_id": enrolment.user_id, "course_id": enrolment.course_id}
    return _issue(
        fields=fields,
        lookup=lookup,
        previous=previous,
        actor=actor,
        reason=reason,
        render=render,
    )


def _hours(minutes: int) -> Decimal:
    return (Decimal(minutes) / 60).quantize(Decimal("0.1"))


def path_completed_at(
    *, user: AbstractBaseUser, path: LearningPathPage
) -> datetime | None:
    """When `user` finished the last of the path's courses, or None if some are left."""
    course_ids = set(path.path_courses.values_list("course_id", flat=True))
    if not course_ids:
        return None
    done = Enrolment.objects.completed().filter(user=user, course_id__in=course_ids)
    summary = done.aggregate(last=Max("completed_at"))
    if done.values("course_id").distinct().count() < len(course_ids):
        return None
    return summary["last"]


def certificate_issue_for_path(
    *,
    user: AbstractBaseUser,
    path: LearningPathPage,
    actor: AbstractBaseUser | None = None,
    render: bool = True,
) -> Certificate | None:
    """Issue the learning path's certificate if every course in it is completed."""
    completed_at = path_completed_at(user=user, path=path)
    if completed_at is None:
        return None
    lookup = {
        "user_id": user.pk,
        "learning_path_id": path.pk,
        "completed_at": completed_at,
    }
    existing = Certificate.objects.filter(**lookup).first()
    if existing is not None:
        return existing
    courses = [item.course for item in path.path_courses.select_related("course")]
    validities = [c.validity_months for c in courses if c.validity_months]
    completed_on = timezone.localdate(completed_at)
    fields = {
        "user": user,
        "learning_path": path,
        "completed_at": completed_at,
        "design": design_for_page(page_id=path.pk),
        "holder_name": _holder_name(user),
        "title": path.title,
        "hours": _hours(sum(c.duration_minutes for c in courses)),
        "skills": attested_skills(page_ids=[c.pk for c in courses]),
        # A path is only as current as its shortest-lived course.
        "expires_on": add_months(completed_on, min(validities)) if validities else None,
    }
    previous = {"user_id": user.pk, "learning_path_id": path.pk}
    return _issue(
        fields=fields,
        lookup=lookup,
        previous=previous,
        actor=actor,
        reason="Learning path completed.",
        render=render,
    )


def certificate_render(*, certificate: Certificate) -> Certificate:
    """Render the PDF from the certificate's snapshot and store it with its SHA-256."""
    pdf = render_certificate_pdf(certificate)
    digest = hashlib.sha256(pdf).hexdigest()
    certificate.pdf.save(f"{certificate.number}.pdf", ContentFile(pdf), save=False)
    certificate.pdf_sha256 = digest
    certificate.rendered_at = timezone.now()
    with transaction.atomic():
        Certificate.objects.filter(pk=certificate.pk).update(
            pdf=certificate.pdf.name,
            pdf_sha256=digest,
            rendered_at=certificate.rendered_at,
        )
        # Every file ever handed out stays verifiable, even after a re-render.
        Event.objects.create(
            certificate=certificate, kind=Event.Kind.RENDERED, pdf_sha256=digest
        )
    return certificate


def _pdf_stored(certificate: Certificate) -> bool:
    return bool(certificate.pdf) and certificate.pdf.storage.exists(
        certificate.pdf.name
    )


def certificate_pdf_ensure(*, certificate: Certificate) -> Certificate:
    """The stored PDF, rendered again first if storage lost it (or it never rendered).

    One render at a time per certificate, whichever server or worker asks: a
    download and the worker's render task arriving together would otherwise both
    render and both write the same name, which object storage refuses to the
    second. The second waits on the row and then finds the first one's file.
    """
    if _pdf_stored(certificate):
        return certificate
    with transaction.atomic():
        current = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if not _pdf_stored(current):
            logger.info("Rendering missing PDF of certificate %s", current.number)
            certificate_render(certificate=current)
    certificate.pdf = current.pdf.name
    certificate.pdf_sha256 = current.pdf_sha256
    certificate.rendered_at = current.rendered_at
    return certificate


@transaction.atomic
def certificate_revoke(
    *, certificate: Certificate, actor: AbstractBaseUser, reason: str
) -> Certificate:
    """Revoke a certificate for good, with the reason shown on its verification page."""
    reason = (reason or "").strip()
    if not reason:
        raise CertificateError("Give a reason for revoking.", code="reason_required")
    now = timezone.now()
    changed = Certificate.objects.filter(
        pk=certificate.pk, revoked_at__isnull=True
    ).update(revoked_at=now, revoked_by=actor, revocation_reason=reason)
    if not changed:
        raise CertificateError("Already revoked.", code="already_revoked")
    Event.objects.create(
        certificate=certificate, kind=Event.Kind.REVOKED, actor=actor, reason=reason
    )
    certificate.refresh_from_db()
    return certificate
