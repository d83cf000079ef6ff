"""Issued certificates and their append-only history."""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .designs import CertificateDesign

EXPIRING_SOON_DAYS = 60


class CertificateQuerySet(models.QuerySet):
    def current(self):
        """Neither revoked nor superseded (it may still have expired)."""
        return self.filter(revoked_at__isnull=True, superseded_by__isnull=True)


class Certificate(models.Model):
    """One issued certificate for one completion; a record that never changes."""

    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        EXPIRING = "expiring", _("Expiring soon")
        EXPIRED = "expired", _("Expired")
        REVOKED = "revoked", _("Revoked")
        SUPERSEDED = "superseded", _("Superseded")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("holder"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    # Pages and enrolments are referenced without database constraints, as in
    # courses: deleting content must never delete a certificate.
    enrolment = models.ForeignKey(
        "courses.Enrolment",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    learning_path = models.ForeignKey(
        "courses.LearningPathPage",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    # The completion this certificate is for; with the enrolment (or the path),
    # the key that makes issuing exactly-once.
    completed_at = models.DateTimeField(_("completed at"))
    design = models.ForeignKey(
        CertificateDesign,
        verbose_name=_("design"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    number = models.CharField(
        _("certificate number"), max_length=32, unique=True, null=True, blank=True
    )
    verification_code = models.CharField(
        _("verification code"), max_length=64, unique=True
    )
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    # The snapshot: what was true at issue time, whatever changes later.
    holder_name = models.CharField(_("holder name"), max_length=300)
    title = models.CharField(_("course or learning path"), max_length=255)
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=1)
    skills = models.JSONField(_("skills"), default=list, blank=True)
    issuer = models.CharField(_("issuer"), max_length=120)
    # The design's texts, colour and image ids as they were at issue time.
    design_snapshot = models.JSONField(_("design as issued"), default=dict, blank=True)

    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)
    superseded_by = models.ForeignKey(
        "self",
        verbose_name=_("superseded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supersedes",
    )

    pdf = models.FileField(_("PDF"), upload_to="certificates/%Y/%m/", blank=True)
    pdf_sha256 = models.CharField(_("PDF SHA-256"), max_length=64, blank=True)
    rendered_at = models.DateTimeField(_("rendered at"), null=True, blank=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "completed_at"],
                condition=Q(enrolment__isnull=False),
                name="one_certificate_per_course_completion",
            ),
            models.UniqueConstraint(
                fields=["user", "learning_path", "completed_at"],
                condition=Q(learning_path__isnull=False),
                name="one_certificate_per_path_completion",
            ),
            models.CheckConstraint(
                condition=(
                    Q(course__isnull=False, enrolment__isnull=False)
                    & Q(learning_path__isnull=True)
                )
                | (
                    Q(learning_path__isnull=False)
                    & Q(course__isnull=True, enrolment__isnull=True)
                ),
                name="certificate_for_a_course_or_a_path",
            ),
        ]
        indexes = [
            models.Index(fields=["user", "-issued_at"]),
            models.Index(fields=["course", "user"]),
        ]
        permissions = [
            ("revoke_certificate", _("Can revoke certificates")),
            (
                "bulk_issue_certificate",
                _("Can issue and download certificates in bulk"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number or self.verification_code[:8]}: {self.title}"

    def status_on(self, day: date) -> str:
        """The certificate's status on `day`: revoked and superseded win over dates."""
        if self.revoked_at is not None:
            return self.Status.REVOKED
        if self.superseded_by_id is not None:
            return self.Status.SUPERSEDED
        if self.expires_on is not None:
            if self.expires_on < day:
                return self.Status.EXPIRED
            if (self.expires_on - day).days <= EXPIRING_SOON_DAYS:
                return self.Status.EXPIRING
        return self.Status.VALID

    @property
    def status(self) -> str:
        return self.status_on(timezone.localdate())

    @property
    def status_label(self) -> str:
        return self.Status(self.status).label

    @property
    def is_path(self) -> bool:
        return self.learning_path_id is not None


class CertificateEvent(models.Model):
    """Append-only history: who issued, revoked or superseded a certificate, when and why."""

    class Kind(models.TextChoices):
        ISSUED = "issued", _("Issued")
        REVOKED = "revoked", _("Revoked")
        SUPERSEDED = "superseded", _("Superseded")
        RENDERED = "rendered", _("PDF rendered")

    certificate = models.ForeignKey(
        Certificate, on_delete=models.PROTECT, related_name="events"
    )
    kind = models.CharField(_("event"), max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    reason = models.TextField(_("why"), blank=True)
    # For renders: the SHA-256 of the file handed out, so it stays verifiable.
    pdf_sha256 = models.CharField(_("PDF SHA-256"), max_length=64, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("certificate event")
        verbose_name_plural = _("certificate events")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.certificate_id} at {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        # History is written once: a correction is a new event, never an edit.
        if not self._state.adding:
            raise ValueError("Certificate events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Certificate events are append-only.")
