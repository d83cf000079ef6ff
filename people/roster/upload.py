"""Stage five of a roster import: the admin upload, a preview, then a confirm.

The preview is a dry run of exactly the file that the confirm step applies; the
page is lib.csv_import's, shared with the skills framework upload.
"""

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lib.csv_import.upload import CsvConfirmForm, CsvImportView
from people.models import RosterImport
from people.permissions import user_can_import_roster

from .apply import roster_import
from .results import RosterResult


class RosterUploadForm(forms.Form):
    """Step one of the admin import: the file and the options."""

    file = forms.FileField(
        label=gettext_lazy("Roster file (CSV)"),
        help_text=gettext_lazy(
            "UTF-8 CSV exported from HR. See the format guide below."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    deactivate_missing = forms.BooleanField(
        label=RosterImport.OPTION_LABELS["deactivate_missing"],
        required=False,
    )
    allow_mass_deactivation = forms.BooleanField(
        label=RosterImport.OPTION_LABELS["allow_mass_deactivation"],
        required=False,
        help_text=gettext_lazy(
            "Only tick this when you are sure the file is complete."
        ),
    )


class RosterConfirmForm(CsvConfirmForm):
    """Step two: apply exactly the file that was previewed, with the same options."""

    deactivate_missing = forms.BooleanField(required=False, widget=forms.HiddenInput)
    allow_mass_deactivation = forms.BooleanField(
        required=False, widget=forms.HiddenInput
    )


class RosterUploadView(CsvImportView):
    """Upload an HR roster, see exactly what it would change, then apply it."""

    template_name = "people/admin/roster_upload.html"
    page_title = gettext_lazy("Roster import")
    header_icon = "upload"
    upload_form_class = RosterUploadForm
    confirm_form_class = RosterConfirmForm
    # A roster of 40,000 people is about 5 MB.
    max_upload_bytes = 20 * 1024 * 1024
    upload_folder = "roster-uploads"
    index_url_name = "roster_upload:index"
    errors_table_id = "roster-errors"
    preview_changes = 50

    def allowed(self, user) -> bool:
        return user_can_import_roster(user)

    def options(self, cleaned_data: dict) -> dict[str, Any]:
        return {
            "deactivate_missing": cleaned_data["deactivate_missing"],
            "allow_mass_deactivation": cleaned_data["allow_mass_deactivation"],
        }

    def preview(self, *, data: bytes, filename: str, options: dict) -> RosterResult:
        return roster_import(data=data, filename=filename, dry_run=True, **options)

    def apply(self, *, data: bytes, filename: str, options: dict) -> RosterResult:
        return roster_import(
            data=data, actor=self.request.user, filename=filename, **options
        )

    def applied_message(self, result: RosterResult) -> str:
        return (
            _(
                "Roster imported: %(created)s created, %(updated)s updated, "
                "%(deactivated)s deactivated, %(unchanged)s unchanged."
            )
            % result.as_summary()
        )
