"""The page of one background usage import: its progress, then its preview or result.

For the people who may import the initiative's usage. While a worker is on the
job the page updates itself (static/change/usage_job.js fetches it again; a
"Check now" link does the same without script). A checked job waits here for
*Apply this import* or *Cancel*.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import UsageImportJob
from .jobs import (
    CANCELLABLE,
    UsageJobError,
    person_name,
    usage_job_cancel,
    usage_job_confirm,
)
from .token_views import _InitiativeUsageView

REFRESH_SECONDS = 3


class UsageJobView(_InitiativeUsageView):
    """Where one big usage file is: checking, waiting to be applied, applied or not."""

    page_title = gettext_lazy("Usage import")
    header_icon = "upload"

    def dispatch(self, request, *args, pk: int, job_pk: int, **kwargs):
        self.job_pk = job_pk
        return super().dispatch(request, *args, pk=pk, **kwargs)

    def more_breadcrumbs(self) -> list[dict]:
        return [
            {"url": self.import_url, "label": _("Import usage")},
            {"url": "", "label": self.get_page_title()},
        ]

    @property
    def import_url(self) -> str:
        return reverse("change_usage:import", args=[self.initiative.pk])

    def _job(self) -> UsageImportJob:
        return get_object_or_404(
            UsageImportJob.objects.select_related("started_by", "confirmed_by"),
            pk=self.job_pk,
            initiative=self.initiative,
        )

    def get(self, request, *args, **kwargs):
        job = self._job()
        return self.render(
            "change/admin/usage_job.html",
            job=job,
            started_by=person_name(job.started_by),
            # As the import page writes its limits: 1,000,000.
            figures={
                name: f"{getattr(job, name):,}"
                for name in (
                    "rows_done",
                    "rows_total",
                    "created",
                    "updated",
                    "unchanged",
                )
            },
            Status=UsageImportJob.Status,
            refresh_seconds=REFRESH_SECONDS if job.is_working else None,
            cancellable=job.status in CANCELLABLE,
            import_url=self.import_url,
        )

    def post(self, request, *args, **kwargs):
        job = self._job()
        action = request.POST.get("action")
        try:
            if action == "apply":
                usage_job_confirm(job=job, actor=request.user)
            elif action == "cancel":
                usage_job_cancel(job=job)
                messages.success(request, _("Import cancelled: nothing was written."))
        except UsageJobError as error:
            messages.warning(request, error.message)
        return redirect(request.path)
