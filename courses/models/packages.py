"""Vendor e-learning packages (SCORM 1.2, SCORM 2004, cmi5) uploaded by trainers."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..packages.archive import CMI5, SCORM12, SCORM2004


class Package(models.Model):
    """One uploaded package: its manifest's facts and where its files are stored.

    The files live in media storage under `packages/<key>/`, unpacked once at
    upload (courses/packages/services.py), so every app server reads the same
    copy. A package is never edited in place: a new version is a new upload.
    """

    class Standard(models.TextChoices):
        SCORM12 = SCORM12, _("SCORM 1.2")
        SCORM2004 = SCORM2004, _("SCORM 2004")
        CMI5 = CMI5, _("cmi5 (xAPI)")

    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=255)
    standard = models.CharField(_("standard"), max_length=16, choices=Standard)
    identifier = models.CharField(_("identifier"), max_length=500, blank=True)
    launch = models.CharField(_("launch page"), max_length=1000)
    launch_parameters = models.CharField(
        _("launch parameters"), max_length=1000, blank=True
    )
    mastery_score = models.FloatField(
        _("mastery score"),
        null=True,
        blank=True,
        help_text=_("From the manifest: the score (0-1) that counts as passed."),
    )
    file_count = models.PositiveIntegerField(_("files"))
    unpacked_bytes = models.PositiveBigIntegerField(_("unpacked size (bytes)"))
    sha256 = models.CharField(_("ZIP SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("e-learning package")
        verbose_name_plural = _("e-learning packages")

    def __str__(self) -> str:
        return f"{self.title} ({self.get_standard_display()})"

    @property
    def folder(self) -> str:
        """The storage prefix of this package's files."""
        return f"packages/{self.key}/"
