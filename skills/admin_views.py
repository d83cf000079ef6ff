"""The framework spreadsheet in the admin: download it, upload it back."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lib.csv_import.upload import CsvImportView

from .framework_csv import FrameworkResult, framework_export
from .framework_import import framework_import
from .permissions import user_can_export_framework, user_can_import_framework


class FrameworkUploadForm(forms.Form):
    """Step one of the framework import: the edited spreadsheet."""

    file = forms.FileField(
        label=gettext_lazy("Framework file (CSV)"),
        help_text=gettext_lazy("UTF-8 CSV in the format of the download above."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )


class FrameworkImportView(CsvImportView):
    """Upload the framework CSV, see what it would change, then apply all of it."""

    template_name = "skills/admin/framework_import.html"
    page_title = gettext_lazy("Framework spreadsheet")
    header_icon = "table"
    upload_form_class = FrameworkUploadForm
    upload_folder = "framework-uploads"
    index_url_name = "skills_framework:index"
    errors_table_id = "framework-errors"
    preview_changes = 100

    def allowed(self, user) -> bool:
        return user_can_import_framework(user)

    def preview(self, *, data: bytes, filename: str, options: dict) -> FrameworkResult:
        return framework_import(data=data, dry_run=True)

    def apply(self, *, data: bytes, filename: str, options: dict) -> FrameworkResult:
        return framework_import(data=data)

    def applied_message(self, result: FrameworkResult) -> str:
        return _(
            "Framework imported: %(created)s skills created, %(updated)s "
            "updated, %(unchanged)s unchanged."
        ) % vars(result)


def framework_export_view(request):
    """The whole framework as a CSV download."""
    if not user_can_export_framework(request.user):
        raise PermissionDenied
    return HttpResponse(
        framework_export(),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="skills-framework.csv"'},
    )
