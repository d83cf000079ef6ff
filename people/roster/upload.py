"""Stage five of a roster import: the admin upload, a preview, then a confirm.

The preview is a dry run of exactly the file that the confirm step applies.
"""

import hashlib
import secrets

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from people.models import RosterImport
from people.permissions import user_can_import_roster

from .apply import roster_import
from .results import RosterFileError

PREVIEW_CHANGES = 50
UPLOAD_DIR = "roster-uploads"


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


class RosterConfirmForm(forms.Form):
    """Step two: apply exactly the file that was previewed."""

    token = forms.CharField(widget=forms.HiddenInput)
    sha256 = forms.CharField(widget=forms.HiddenInput)
    filename = forms.CharField(widget=forms.HiddenInput, required=False)
    deactivate_missing = forms.BooleanField(required=False, widget=forms.HiddenInput)
    allow_mass_deactivation = forms.BooleanField(
        required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, **kwargs):
        # The preview shows this form above a new upload form with fields of the
        # same names; hidden fields need no ids, and the upload form's labels
        # must point at its own checkboxes.
        kwargs.setdefault("auto_id", False)
        super().__init__(*args, **kwargs)


def _upload_path(token: str) -> str:
    return f"{UPLOAD_DIR}/{token}.csv"


class RosterUploadView(WagtailAdminTemplateMixin, View):
    """Upload an HR roster, see exactly what it would change, then apply it.

    The file waits in media storage between the two steps (any app server can
    pick it up); applying checks its SHA-256 against the preview, and deletes
    it, so a double click or a resubmitted form cannot apply it twice.
    """

    template_name = "people/admin/roster_upload.html"
    page_title = _("Roster import")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not user_can_import_roster(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def get(self, request):
        return self.render(upload_form=RosterUploadForm())

    def post(self, request):
        if "token" in request.POST:
            return self.apply(request)
        form = RosterUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(upload_form=form)
        upload = form.cleaned_data["file"]
        data = upload.read()
        options = {
            "deactivate_missing": form.cleaned_data["deactivate_missing"],
            "allow_mass_deactivation": form.cleaned_data["allow_mass_deactivation"],
        }
        try:
            result = roster_import(
                data=data, filename=upload.name, dry_run=True, **options
            )
        except RosterFileError as error:
            form.add_error("file", str(error))
            return self.render(upload_form=form)
        confirm_form = None
        if not result.errors:
            token = secrets.token_urlsafe(24)
            default_storage.save(_upload_path(token), ContentFile(data))
            confirm_form = RosterConfirmForm(
                initial={
                    "token": token,
                    "sha256": hashlib.sha256(data).hexdigest(),
                    "filename": upload.name,
                    **options,
                }
            )
        return self.render(
            upload_form=RosterUploadForm(),
            result=result,
            filename=upload.name,
            changes=result.changes[:PREVIEW_CHANGES],
            confirm_form=confirm_form,
        )

    def apply(self, request):
        form = RosterConfirmForm(request.POST)
        path = _upload_path(form.data.get("token", "")) if form.is_valid() else ""
        if not path or not default_storage.exists(path):
            messages.warning(
                request,
                _(
                    "That upload has already been applied or has expired. Upload the file again."
                ),
            )
            return redirect("roster_upload:index")
        with default_storage.open(path, "rb") as stored:
            data = stored.read()
        if hashlib.sha256(data).hexdigest() != form.cleaned_data["sha256"]:
            raise PermissionDenied
        default_storage.delete(path)
        result = roster_import(
            data=data,
            actor=request.user,
            filename=form.cleaned_data["filename"],
            deactivate_missing=form.cleaned_data["deactivate_missing"],
            allow_mass_deactivation=form.cleaned_data["allow_mass_deactivation"],
        )
        if result.errors:
            # The organisation changed between preview and apply: nothing was written.
            return self.render(
                upload_form=RosterUploadForm(),
                result=result,
                filename=form.cleaned_data["filename"],
                changes=[],
            )
        messages.success(
            request,
            _(
                "Roster imported: %(created)s created, %(updated)s updated, "
                "%(deactivated)s deactivated, %(unchanged)s unchanged."
            )
            % result.as_summary(),
        )
        return redirect("roster_upload:index")

    def render(self, **context):
        return render(
            self.request, self.template_name, self.get_context_data(**context)
        )
