"""The background exports of the reports: one row per spreadsheet a worker builds."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lib.jobs import BackgroundJob


class ExportJob(BackgroundJob):
    """A spreadsheet export too big to build in a request, built by a worker.

    Only its owner may see or download it. The worker rebuilds the rows from
    `kind` and `params` with the owner's scope at the time it runs.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.CASCADE,
        related_name="export_jobs",
    )
    kind = models.CharField(_("kind"), max_length=50)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    filename = models.CharField(_("file name"), max_length=200)
    # A random name under exports/: the download view, not the path, grants access.
    file = models.FileField(_("file"), upload_to="exports/", blank=True)
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)

    class Meta:
        # Made by training_site before reports was an app: the table keeps its name.
        db_table = "training_site_exportjob"
        ordering = ["-created_at"]
        verbose_name = _("export")
        verbose_name_plural = _("exports")

    def __str__(self) -> str:
        return f"{self.kind} export {self.pk} ({self.status})"
