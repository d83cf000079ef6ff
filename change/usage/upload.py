"""The usage CSV in the admin, per initiative: upload, preview, confirm.

The page is lib.csv_import's (the roster's and the skills framework's). A file
of up to CHANGE_USAGE_BACKGROUND_ROWS rows is checked and applied in the
request, like the roster import; a bigger one (up to MAX_JOB_ROWS) is stored
and left to a worker, and the person follows it on the job's page (`jobs`,
`job_views`), where its preview waits to be applied.
"""

from django import forms
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lib.csv_import.upload import CsvImportView
from lib.request_limits import megabytes

from ..models import Initiative
from ..permissions import user_can_import_usage
from .apply import UsageResult, usage_import
from .jobs import (
    UsageJobError,
    background_rows,
    file_rows,
    usage_job_start,
    usage_job_under_way,
    usage_jobs_recent,
)
from .tasks import MAX_JOB_BYTES, MAX_JOB_ROWS

# In the request: a guard only, since bigger files go to a worker first.
MAX_UPLOAD_ROWS = 250_000


class UsageUploadForm(forms.Form):
    """Step one of the usage import: the file."""

    file = forms.FileField(
        label=gettext_lazy("Usage file (CSV)"),
        help_text=gettext_lazy(
            "UTF-8 CSV with the columns employee_number, date and count (or "
            "active). See the format below."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )


class UsageImportView(CsvImportView):
    """Upload one initiative's usage, see what it would change, then apply it."""

    template_name = "change/admin/usage_import.html"
    header_icon = "upload"
    upload_form_class = UsageUploadForm
    upload_folder = "usage-uploads"
    index_url_name = "change_usage:import"
    errors_table_id = "usage-errors"
    max_upload_bytes = MAX_JOB_BYTES

    def dispatch(self, request, *args, pk: int, **kwargs):
        self.initiative = get_object_or_404(Initiative, pk=pk)
        return super().dispatch(request, *args, pk=pk, **kwargs)

    @property
    def page_title(self) -> str:
        return _("Import usage")

    def get_page_subtitle(self) -> str:
        return str(self.initiative)

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {
                "url": reverse("change_initiative:index"),
                "label": _("Change initiatives"),
            },
            {
                "url": reverse("change_initiative:edit", args=[self.initiative.pk]),
                "label": str(self.initiative),
            },
            {"url": "", "label": self.page_title},
        ]

    def get_index_url(self) -> str:
        return reverse(self.index_url_name, args=[self.initiative.pk])

    def get_context_data(self, **kwargs):
        if "job_under_way" not in kwargs:
            kwargs["job_under_way"] = usage_job_under_way(initiative=self.initiative)
        kwargs["recent_jobs"] = usage_jobs_recent(initiative=self.initiative)
        return super().get_context_data(
            initiative=self.initiative,
            background_rows=f"{background_rows():,}",
            max_rows=f"{MAX_JOB_ROWS:,}",
            max_size=megabytes(MAX_JOB_BYTES),
            tokens_url=reverse("change_usage:tokens", args=[self.initiative.pk]),
            **kwargs,
        )

    def allowed(self, user) -> bool:
        return user_can_import_usage(user, self.initiative)

    def start_in_background(self, form, upload):
        rows = file_rows(upload)
        if rows <= background_rows():
            return None
        if rows > MAX_JOB_ROWS:
            form.add_error(
                "file",
                _(
                    "The file has more than %(rows)s rows; split it into files of "
                    "at most %(rows)s (a few weeks each)."
                )
                % {"rows": f"{MAX_JOB_ROWS:,}"},
            )
            return self.render(upload_form=form)
        try:
            job = usage_job_start(
                initiative=self.initiative,
                upload=upload,
                filename=upload.name,
                rows=rows,
                actor=self.request.user,
            )
        except UsageJobError as error:
            form.add_error("file", error.message)
            return self.render(upload_form=form, job_under_way=error.job)
        return redirect("change_usage:job", self.initiative.pk, job.pk)

    def preview(self, *, data: bytes, filename: str, options: dict) -> UsageResult:
        return usage_import(
            initiative=self.initiative,
            data=data,
            dry_run=True,
            max_rows=MAX_UPLOAD_ROWS,
        )

    def apply(self, *, data: bytes, filename: str, options: dict) -> UsageResult:
        return usage_import(
            initiative=self.initiative, data=data, max_rows=MAX_UPLOAD_ROWS
        )

    def applied_message(self, result: UsageResult) -> str:
        return (
            _(
                "Usage imported: %(created)s new days, %(updated)s changed, "
                "%(unchanged)s unchanged."
            )
            % result.as_summary()
        )
