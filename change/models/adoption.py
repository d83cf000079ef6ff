"""Adoption data: who used an initiative's new tool on which day, and the
tokens a system uses to post that data (docs/change.md, "Adoption data")."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .initiatives import Initiative


class UsageDay(models.Model):
    """One person's use of an initiative's new tool on one day (imported or posted)."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="usage_days"
    )
    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField(_("day"))
    # 0: reported and not active that day ("active" means count > 0).
    count = models.PositiveIntegerField(_("count"), default=1)

    class Meta:
        verbose_name = _("usage day")
        verbose_name_plural = _("usage days")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "employee", "day"],
                name="one_usage_row_per_day",
            ),
        ]
        indexes = [models.Index(fields=["initiative", "day"])]

    def __str__(self) -> str:
        return f"{self.employee_id} on {self.day}: {self.count}"


class UsageToken(models.Model):
    """A bearer token allowing a system to post one initiative's usage.

    Only the SHA-256 of the token is stored: the raw token is shown once, when
    it is created, and cannot be recovered.
    """

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="usage_tokens"
    )
    name = models.CharField(
        _("name"),
        max_length=100,
        help_text=_("Who or what uses it, e.g. “Ledger sync job”."),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("usage token")
        verbose_name_plural = _("usage tokens")

    def __str__(self) -> str:
        return f"{self.initiative}: {self.name}"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None


_JOB_ACTIVE = ("queued", "checking", "checked", "confirmed", "applying")


class UsageImportJob(models.Model):
    """A usage file too big for one request, checked and applied by a worker.

    The file waits in media storage (`file_name`) from the upload until the job
    ends. A worker checks it (a dry run) and the job waits for the person to
    apply it; applying checks again and writes, all or nothing. At most one
    job per initiative is under way at a time (the partial unique constraint).
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be checked")
        CHECKING = "checking", _("Checking")
        CHECKED = "checked", _("Checked: waiting for you to apply it")
        CONFIRMED = "confirmed", _("Waiting to be applied")
        APPLYING = "applying", _("Applying")
        DONE = "done", _("Imported")
        REFUSED = "refused", _("Not imported")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Cancelled")

    # Under way: a second upload for the initiative waits for these to end.
    ACTIVE = _JOB_ACTIVE
    # A worker is on it (or about to be): the page refreshes itself.
    WORKING = (Status.QUEUED, Status.CHECKING, Status.CONFIRMED, Status.APPLYING)

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="usage_jobs"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    filename = models.CharField(_("file name"), max_length=255)
    # Where the file waits in media storage; blank once the job has ended.
    file_name = models.CharField(max_length=255, blank=True, editable=False)
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    rows_done = models.PositiveIntegerField(_("rows done"), default=0)
    created = models.PositiveIntegerField(_("new days"), default=0)
    updated = models.PositiveIntegerField(_("changed days"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged days"), default=0)
    error_count = models.PositiveIntegerField(_("problems"), default=0)
    # The first problems ({line, column, value, message, code}) and the first
    # changes ({line, employee_number, day, old_count, count}), as JSON.
    errors = models.JSONField(default=list, blank=True)
    changes = models.JSONField(default=list, blank=True)
    failure = models.TextField(_("failure"), blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("started by"),
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("applied by"),
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("usage import job")
        verbose_name_plural = _("usage import jobs")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative"],
                condition=models.Q(status__in=_JOB_ACTIVE),
                name="one_usage_job_under_way",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.initiative}: {self.filename} ({self.status})"

    @property
    def is_working(self) -> bool:
        return self.status in self.WORKING

    @property
    def percent(self) -> int:
        """Rows done of the current step, 0 to 100."""
        if not self.rows_total:
            return 0
        return min(100, self.rows_done * 100 // self.rows_total)
