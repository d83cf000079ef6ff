"""Reads about certificates, scoped to the asking user; a fixed number of queries each."""

import hmac
import re
from datetime import date, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from courses.models import CoursePage, Enrolment
from people.models import OrgUnit
from people.selectors import employee_scope_for_user

from .models import EXPIRING_SOON_DAYS, BulkCertificateJob, Certificate

# secrets.token_urlsafe(24) gives 32 characters; anything unlike a code is
# answered exactly as an unknown code is.
CODE_RE = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
# The printed number: prefix, year, sequence ("CLH-2026-000074").
NUMBER_RE = re.compile(r"^[A-Za-z0-9]{1,16}-[0-9]{4}-[0-9]{1,12}$")
# Word processors and PDF viewers turn a typed or copied "-" into these.
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"))


def certificate_by_code(*, code: str) -> Certificate | None:
    """The certificate with this verification code, or None (also for malformed codes)."""
    if not CODE_RE.match(code or ""):
        return None
    return (
        Certificate.objects.select_related("superseded_by", "user__employee")
        .filter(verification_code=code)
        .first()
    )


def _typed_reference(value: str) -> str:
    """What someone typed or pasted, as a code or number: no spaces, plain dashes."""
    value = "".join(value.split()).translate(_DASHES)
    if "/verify/" in value:
        # A pasted link: the code is the path segment after /verify/.
        value = value.split("/verify/", 1)[1].split("?")[0].split("#")[0]
        value = value.strip("/")
    return value


def certificate_lookup(*, value: str) -> Certificate | None:
    """The certificate whose code, printed number (any case) or link was typed in."""
    value = _typed_reference(value or "")
    match = Q(pk__in=[])
    if CODE_RE.match(value):
        match |= Q(verification_code=value)
    if NUMBER_RE.match(value):
        # Numbers are issued upper case; `__in` keeps the unique index usable.
        match |= Q(number__in={value, value.upper()})
    return Certificate.objects.filter(match).only("verification_code").first()


def certificates_for_holder(*, user: AbstractBaseUser) -> list[Certificate]:
    """*My certificates*: everything ever issued to `user`, newest first, in one query."""
    return list(
        Certificate.objects.filter(user=user)
        .select_related("superseded_by")
        .only(
            "number",
            "verification_code",
            "title",
            "issued_at",
            "expires_on",
            "revoked_at",
            "revocation_reason",
            "superseded_by_id",
            "superseded_by__number",
            "course_id",
            "learning_path_id",
            "user_id",
        )
        .order_by("-issued_at", "-pk")
    )


def current_certificates_by_course(
    *, user: AbstractBaseUser, course_ids: list[int]
) -> dict[int, Certificate]:
    """The latest certificate for each of these courses, for *My learning*; one query."""
    if not course_ids:
        return {}
    latest: dict[int, Certificate] = {}
    for certificate in (
        Certificate.objects.filter(user=user, course_id__in=course_ids)
        .only("course_id", "verification_code", "number", "issued_at", "revoked_at")
        .order_by("issued_at", "pk")
    ):
        latest[certificate.course_id] = certificate
    return latest


def verification_facts(*, certificate: Certificate) -> dict:
    """What the public may know: holder, course, dates, status, issuer. Nothing else."""
    status = certificate.status
    superseded_by = certificate.superseded_by
    return {
        "number": certificate.number,
        "holder": certificate.holder_name,
        "title": certificate.title,
        "kind": "learning_path" if certificate.is_path else "course",
        "issued_on": timezone.localdate(certificate.issued_at).isoformat(),
        "expires_on": certificate.expires_on.isoformat()
        if certificate.expires_on
        else None,
        "status": status,
        "status_label": str(Certificate.Status(status).label),
        "issuer": certificate.issuer,
        "revoked_on": timezone.localdate(certificate.revoked_at).isoformat()
        if certificate.revoked_at
        else None,
        "revocation_reason": certificate.revocation_reason or None,
        "superseded_by": superseded_by.number if superseded_by else None,
    }


def bulk_enrolments(
    *, user: AbstractBaseUser, course: CoursePage, org_unit: OrgUnit | None
) -> QuerySet[Enrolment]:
    """Completed enrolments on `course` among people `user` may see, in `org_unit` and below."""
    enrolments = Enrolment.objects.completed().filter(
        course_id=course.pk,
        user__employee__in=employee_scope_for_user(user=user),
    )
    if org_unit is not None:
        enrolments = enrolments.filter(
            user__employee__org_unit__path__startswith=org_unit.path
        )
    return enrolments


def bulk_certificates(*, job: BulkCertificateJob, user: AbstractBaseUser) -> QuerySet:
    """The current certificates a bulk job covers (not superseded, not revoked)."""
    course = CoursePage(pk=job.course_id)
    enrolment_ids = bulk_enrolments(user=user, course=course, org_unit=job.org_unit)
    return (
        Certificate.objects.current()
        .filter(course_id=job.course_id, enrolment_id__in=enrolment_ids.values("pk"))
        .select_related("user__employee__org_unit")
        .order_by("holder_name", "pk")
    )


def certificate_file_matches(*, certificate: Certificate, sha256: str) -> bool:
    """Whether a file is, byte for byte, one we handed out for this certificate."""
    issued = set(
        certificate.events.exclude(pdf_sha256="").values_list("pdf_sha256", flat=True)
    )
    if certificate.pdf_sha256:
        issued.add(certificate.pdf_sha256)
    return any(hmac.compare_digest(sha256, known) for known in issued)


def expiring_counts(
    *, users: QuerySet, today: date, days: int = EXPIRING_SOON_DAYS
) -> dict[int, int]:
    """Current certificates expiring within `days` of `today`, per user id: one query.

    `users` is a queryset of user ids the caller has already scoped.
    """
    return dict(
        Certificate.objects.current()
        .filter(
            user_id__in=users,
            expires_on__gte=today,
            expires_on__lte=today + timedelta(days=days),
        )
        .values("user_id")
        .annotate(n=Count("pk"))
        .values_list("user_id", "n")
        .order_by()
    )
