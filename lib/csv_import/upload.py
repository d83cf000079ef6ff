"""The admin page every CSV import shares: upload → preview → confirm → result.

The uploaded file waits in media storage between the preview and the confirm
(any app server can pick it up). The confirm checks the file's SHA-256 against
the preview and deletes it, so a double click or a resubmitted form cannot
apply it twice, and what is applied is exactly what was previewed.
"""

import hashlib
import secrets
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import View

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..request_limits import megabytes
from .reading import CsvFileError


class CsvConfirmForm(forms.Form):
    """Step two: apply exactly the file that was previewed (subclasses add options)."""

    token = forms.CharField(widget=forms.HiddenInput)
    sha256 = forms.CharField(widget=forms.HiddenInput)
    filename = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        # The preview shows this form above a new upload form with fields of the
        # same names; hidden fields need no ids, and the upload form's labels
        # must point at its own controls.
        kwargs.setdefault("auto_id", False)
        super().__init__(*args, **kwargs)


def upload_stash(*, folder: str, data: bytes) -> tuple[str, str]:
    """Keep `data` until the confirm; returns (token, SHA-256) for the confirm form."""
    token = secrets.token_urlsafe(24)
    default_storage.save(f"{folder}/{token}.csv", ContentFile(data))
    return token, hashlib.sha256(data).hexdigest()


def upload_take(*, folder: str, token: str, sha256: str) -> bytes | None:
    """The stashed file, removed from storage; None if applied already or expired."""
    if not token or "/" in token or "." in token:
        return None
    path = f"{folder}/{token}.csv"
    if not default_storage.exists(path):
        return None
    with default_storage.open(path, "rb") as stored:
        data = stored.read()
    if hashlib.sha256(data).hexdigest() != sha256:
        raise PermissionDenied
    default_storage.delete(path)
    return data


class CsvImportView(WagtailAdminTemplateMixin, View):
    """Upload a CSV, see exactly what it would change, then apply it.

    A subclass names its forms, folder and index URL and answers `allowed`,
    `options`, `preview`, `apply` and `applied_message`. `preview` and `apply`
    return a result with `errors` and `changes`, or raise a `CsvFileError`. Its
    template extends `includes/csv_import/page.html` and fills in its columns.
    A result that lists only the first errors says how many there were in
    `error_count`. An import of one object (its pk in the URL) answers
    `get_index_url` and finds the object in `dispatch`.
    """

    upload_form_class: type[forms.Form]
    confirm_form_class: type[CsvConfirmForm] = CsvConfirmForm
    upload_folder: str
    index_url_name: str
    errors_table_id = "import-errors"  # the id of the table of bad lines
    preview_changes = 50  # the preview lists at most this many changes
    # The largest file taken; a larger request is refused unread
    # (lib.request_limits).
    max_upload_bytes = 5 * 1024 * 1024

    def allowed(self, user) -> bool:
        raise NotImplementedError

    def options(self, cleaned_data: dict) -> dict[str, Any]:
        """The choices on the upload form that the confirm must repeat."""
        return {}

    def preview(self, *, data: bytes, filename: str, options: dict) -> Any:
        raise NotImplementedError

    def apply(self, *, data: bytes, filename: str, options: dict) -> Any:
        raise NotImplementedError

    def applied_message(self, result: Any) -> str:
        raise NotImplementedError

    def start_in_background(self, form: forms.Form, upload) -> Any:
        """A response if the file is left to a worker (too big for a request), else None.

        Called with the valid upload form before the file is read.
        """
        return None

    def dispatch(self, request, *args, **kwargs):
        if not self.allowed(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def get_index_url(self) -> str:
        """Where Cancel and a finished import go."""
        return reverse(self.index_url_name)

    def get(self, request, *args, **kwargs):
        return self.render(upload_form=self.upload_form_class())

    def post(self, request, *args, **kwargs):
        if "token" in request.POST:
            return self.confirm(request)
        form = self.upload_form_class(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(upload_form=form)
        upload = form.cleaned_data["file"]
        if upload.size > self.max_upload_bytes:
            form.add_error(
                "file",
                _("The file is larger than %(limit)s. Split it, or ask for help.")
                % {"limit": megabytes(self.max_upload_bytes)},
            )
            return self.render(upload_form=form)
        if (response := self.start_in_background(form, upload)) is not None:
            return response
        data = upload.read()
        options = self.options(form.cleaned_data)
        try:
            result = self.preview(data=data, filename=upload.name, options=options)
        except CsvFileError as error:
            form.add_error("file", error.message)
            return self.render(upload_form=form)
        confirm_form = None
        if not result.errors:
            token, sha256 = upload_stash(folder=self.upload_folder, data=data)
            confirm_form = self.confirm_form_class(
                initial={
                    "token": token,
                    "sha256": sha256,
                    "filename": upload.name,
                    **options,
                }
            )
        return self.render(
            upload_form=self.upload_form_class(),
            result=result,
            filename=upload.name,
            changes=result.changes[: self.preview_changes],
            confirm_form=confirm_form,
        )

    def confirm(self, request):
        form = self.confirm_form_class(request.POST)
        data = None
        if form.is_valid():
            data = upload_take(
                folder=self.upload_folder,
                token=form.cleaned_data["token"],
                sha256=form.cleaned_data["sha256"],
            )
        if data is None:
            messages.warning(
                request,
                _(
                    "That upload has already been applied or has expired. "
                    "Upload the file again."
                ),
            )
            return redirect(self.get_index_url())
        filename = form.cleaned_data["filename"]
        options = {name: form.cleaned_data[name] for name in self.options_names()}
        try:
            result = self.apply(data=data, filename=filename, options=options)
        except CsvFileError as error:
            result = _Refused(errors=[error.as_error()])
        if result.errors:
            # What the file is checked against changed since the preview:
            # nothing was written, and the page says why.
            return self.render(
                upload_form=self.upload_form_class(),
                result=result,
                filename=filename,
                changes=[],
            )
        messages.success(request, self.applied_message(result))
        return redirect(self.get_index_url())

    def options_names(self) -> list[str]:
        """The option fields the confirm form carries (all but the file's own)."""
        return [
            name
            for name in self.confirm_form_class.base_fields
            if name not in CsvConfirmForm.base_fields
        ]

    def render(self, **context):
        context = {
            "cancel_url": self.get_index_url(),
            "errors_table_id": self.errors_table_id,
            **context,
        }
        if (result := context.get("result")) is not None:
            context["error_count"] = getattr(result, "error_count", len(result.errors))
        return render(
            self.request, self.template_name, self.get_context_data(**context)
        )


class _Refused:
    """A result for a file refused whole at the confirm step."""

    def __init__(self, *, errors: list):
        self.errors = errors
        self.changes: list = []
        self.row_count = 0
