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
    def average_percent(self) -> str:
        """The average score of its attempts (annotated by the admin list), as 85 %."""
        scaled = getattr(self, "average_scaled", None)
        return "" if scaled is None else f"{round(scaled * 100)} %"

    @property
    def folder(self) -> str:
        """The storage prefix of this package's files."""
        return f"packages/{self.key}/"


class PackageAttempt(models.Model):
    """One learner's attempt at a package module: the runtime data it last committed.

    `cmi` is the whole data model the package last committed (scorm-again sends
    it in full), so a relaunch restores location and suspend data. Commits carry
    a sequence number: one older than the last applied (a late retry, a second
    tab) changes nothing. `token` is rotated at every launch and is the only key
    to the package's files and the commit URL, so a package's pages can reach
    neither another package nor another launch.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    module = models.ForeignKey(
        "courses.ModulePage", on_delete=models.CASCADE, related_name="+"
    )
    package = models.ForeignKey(
        Package, on_delete=models.PROTECT, related_name="attempts"
    )
    number = models.PositiveSmallIntegerField(_("attempt"), default=1)
    token = models.CharField(max_length=64, unique=True)
    # The token of the launch before this one: its page's last commit (sent as
    # it closed) may arrive after the new launch, and is still taken.
    previous_token = models.CharField(max_length=64, blank=True, db_index=True)
    # cmi5: the SHA-256 of the auth token the unit fetched at this launch.
    auth_token_sha256 = models.CharField(max_length=64, blank=True)
    # cmi5's registration: the id xAPI statements of this attempt carry.
    registration = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    committed_at = models.DateTimeField(_("last saved"), null=True, blank=True)
    sequence = models.PositiveBigIntegerField(default=0)
    cmi = models.JSONField(default=dict, blank=True)
    completion_status = models.CharField(max_length=32, blank=True)
    success_status = models.CharField(max_length=32, blank=True)
    score_scaled = models.FloatField(null=True, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        verbose_name = _("package attempt")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module", "number"], name="one_package_attempt_number"
            ),
        ]
        indexes = [models.Index(fields=["module", "user"])]

    def __str__(self) -> str:
        return f"attempt {self.number} of {self.user} at module {self.module_id}"


class XapiStatement(models.Model):
    """One xAPI statement about an attempt: a cmi5 package's own, or one we make
    for a SCORM package when it reports completion, success or failure.

    Kept as sent (with `stored` and `authority` added), exportable per package,
    and forwarded to the city's LRS when XAPI_FORWARD_URL is set.
    """

    statement_id = models.UUIDField(unique=True)
    attempt = models.ForeignKey(
        PackageAttempt, on_delete=models.CASCADE, related_name="statements"
    )
    verb = models.CharField(max_length=255)
    statement = models.JSONField()
    stored_at = models.DateTimeField(auto_now_add=True)
    forwarded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("xAPI statement")
        ordering = ["stored_at", "pk"]
        indexes = [models.Index(fields=["attempt", "stored_at"])]

    def __str__(self) -> str:
        return f"{self.verb} ({self.statement_id})"
