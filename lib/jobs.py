"""One shape for background work a person starts and watches: claim once, run, record.

Bulk certificates and large exports both queue a row, let one worker claim it (a task
may be delivered twice), show its progress and say how it ended. The claiming and the
ending are written here once; each job says only what its work is.
"""

from collections.abc import Callable

from django.db import models
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

ERROR_LENGTH = 2000  # enough to read the cause; a traceback belongs in the logs


class BackgroundJob(models.Model):
    """A unit of background work (abstract). Subclasses may relabel `Status`."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    error = models.TextField(_("error"), blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    def run(self, work: Callable[[QuerySet], None]) -> bool:
        """Claim the job, do `work(rows)`, record how it ended; False if already claimed.

        `rows` is a queryset of this one job, for progress updates that touch no
        other field. A failure is recorded and raised again, so the task shows it too.
        """
        rows = type(self)._default_manager.filter(pk=self.pk)
        if not rows.filter(status=self.Status.QUEUED).update(
            status=self.Status.RUNNING
        ):
            return False
        try:
            work(rows)
        except Exception as error:
            rows.update(
                status=self.Status.FAILED,
                error=str(error)[:ERROR_LENGTH],
                finished_at=timezone.now(),
            )
            raise
        rows.update(status=self.Status.DONE, finished_at=timezone.now())
        self.refresh_from_db()
        return True
