"""The framework spreadsheet in the admin: download it, upload it back."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .framework_csv import FrameworkFileError, framework_export
from .framework_import import framework_import
from .permissions import user_can_export_framework, user_can_import_framework

PREVIEW_CHANGES = 100


class FrameworkUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Framework file (CSV)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    dry_run = forms.BooleanField(
        label=gettext_lazy("Only check the file; change nothing"), required=False
    )


class FrameworkImportView(WagtailAdminTemplateMixin, View):
    """Upload the framework CSV: every row is checked; all of it applies, or none."""

    template_name = "skills/admin/framework_import.html"
    page_title = gettext_lazy("Framework spreadsheet")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not user_can_import_framework(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def get(self, request):
        return self.render(form=FrameworkUploadForm())

    def post(self, request):
        form = FrameworkUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(form=form)
        upload = form.cleaned_data["file"]
        try:
            result = framework_import(
                data=upload.read(), dry_run=form.cleaned_data["dry_run"]
            )
        except FrameworkFileError as error:
            form.add_error("file", error.message)
            return self.render(form=form)
        if result.applied:
            messages.success(
                request,
                _(
                    "Framework imported: %(created)s skills created, %(updated)s "
                    "updated, %(unchanged)s unchanged."
                )
                % vars(result),
            )
        return self.render(
            form=FrameworkUploadForm(),
            result=result,
            filename=upload.name,
            changes=result.changes[:PREVIEW_CHANGES],
        )

    def render(self, **context):
        return render(
            self.request, self.template_name, self.get_context_data(**context)
        )


def framework_export_view(request):
    """The whole framework as a CSV download."""
    if not user_can_export_framework(request.user):
        raise PermissionDenied
    return HttpResponse(
        framework_export(),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="skills-framework.csv"'},
    )
