"""The usage CSV in the admin, per initiative: upload, preview, confirm.

The page is lib.csv_import's (the roster's and the skills framework's). Both
steps run in the request, like the roster import, so a file is capped at
MAX_UPLOAD_ROWS rows: checking and applying that many stays well inside the
app server's timeout. The API takes daily feeds; bigger backfills are split.
"""

from django import forms
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lib.csv_import.upload import CsvImportView

from ..models import Initiative
from ..permissions import user_can_import_usage
from .apply import UsageResult, usage_import

MAX_UPLOAD_ROWS = 250_000  # about 6 days of 40,000 people
MAX_UPLOAD_BYTES = 12 * 1024 * 1024  # MAX_UPLOAD_ROWS rows of ~30 bytes, and room


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
    max_upload_bytes = MAX_UPLOAD_BYTES

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
        return super().get_context_data(
            initiative=self.initiative,
            max_rows=f"{MAX_UPLOAD_ROWS:,}",
            tokens_url=reverse("change_usage:tokens", args=[self.initiative.pk]),
            **kwargs,
        )

    def allowed(self, user) -> bool:
        return user_can_import_usage(user, self.initiative)

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
