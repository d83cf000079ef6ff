"""Bulk certificate jobs: progress that the admin page shows while a task runs."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lib.jobs import BackgroundJob


class BulkCertificateJob(BackgroundJob):
    """An L&D admin's request to issue and render every missing certificate of a course."""

    class Status(models.TextChoices):
        QUEUED = "pending", _("Waiting to start")
        RUNNING = "running", _("Running")
        DONE = "done", _("Finished")
        FAILED = "failed", _("Failed")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    org_unit = models.ForeignKey(
        "people.OrgUnit",
        verbose_name=_("org unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Named `state` in the table since the first release.
    status = models.CharField(
        _("state"),
        max_length=10,
        choices=Status.choices,
        default=Status.QUEUED,
        db_column="state",
    )
    total = models.PositiveIntegerField(_("completions"), default=0)
    done = models.PositiveIntegerField(_("processed"), default=0)
    issued = models.PositiveIntegerField(_("newly issued"), default=0)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("bulk certificate job")
        verbose_name_plural = _("bulk certificate jobs")

    def __str__(self) -> str:
        return f"Bulk certificates for course {self.course_id} ({self.get_status_display()})"

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return round(100 * self.done / self.total) if self.total else 0
