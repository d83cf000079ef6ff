"""People views: *My profile* on the site, and the roster upload in the admin."""

import hashlib
import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.generic import View

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms import RosterConfirmForm, RosterUploadForm
from .roster import RosterFileError, roster_import
from .selectors import employee_profile

PREVIEW_CHANGES = 50
UPLOAD_DIR = "roster-uploads"


@login_required
def my_profile(request):
    employee = getattr(request.user, "employee", None)
    context = employee_profile(employee=employee) if employee else {"employee": None}
    return render(request, "people/my_profile.html", context)


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
        if not request.user.has_perm("people.import_roster"):
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
