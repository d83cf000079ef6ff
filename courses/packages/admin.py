"""E-learning packages in the Wagtail admin: trainers and L&D admins upload and list them."""

import json

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Avg, Count, Q
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, DeleteView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from lib.request_limits import megabytes

from ..models import Package, XapiStatement
from ..permissions import user_can_export_statements
from .archive import PackageRejected
from .services import package_create, package_delete, package_inspect


class PackageUploadForm(WagtailAdminModelForm):
    archive = forms.FileField(
        label=_("Package (ZIP)"),
        help_text=_(
            "A SCORM 1.2, SCORM 2004 or cmi5 package as the vendor delivered it, "
            "with imsmanifest.xml or cmi5.xml at the top of the ZIP; up to %(size)s."
        )
        % {"size": megabytes(settings.PACKAGE_MAX_UPLOAD_BYTES)},
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,application/zip"}),
    )

    class Meta:
        model = Package
        fields = ["title"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _(
            "Leave empty to use the package's own title."
        )

    def clean_archive(self):
        upload = self.cleaned_data["archive"]
        try:
            package_inspect(upload)
        except PackageRejected as refusal:
            raise forms.ValidationError(refusal.message, code="not_a_package") from None
        return upload


class PackageEditForm(WagtailAdminModelForm):
    class Meta:
        model = Package
        fields = ["title"]


class PackageCreateView(CreateView):
    # lib.request_limits: a package is bigger than a roster.
    max_upload_bytes = settings.PACKAGE_MAX_UPLOAD_BYTES

    def save_instance(self):
        return package_create(
            upload=self.form.cleaned_data["archive"],
            title=self.form.cleaned_data["title"],
            uploaded_by=self.request.user,
        )

    def form_valid(self, form):
        # Wagtail saves inside a transaction; unpacking hundreds of files there
        # would hold SQLite's write lock (every other write waits) for minutes.
        # package_create stores the files first, then inserts the one row.
        self.form = form
        try:
            self.object = self.save_instance()
        except PackageRejected as refusal:
            # Found while unpacking (a member larger than it declared): nothing kept.
            form.add_error("archive", refusal.message)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)
        response = self.save_action()
        hook_response = self.run_after_hook()
        return hook_response if hook_response is not None else response


def statements_download(request, pk: int):
    """Every xAPI statement of the package's attempts, as one JSON array, streamed."""
    # Every learner's name and employee number: the organisation-wide view.
    if not user_can_export_statements(request.user):
        raise PermissionDenied
    package = get_object_or_404(Package, pk=pk)
    statements = (
        XapiStatement.objects.filter(attempt__package=package)
        .order_by("stored_at", "pk")
        .values_list("statement", flat=True)
        .iterator(chunk_size=2000)
    )

    def body():
        yield "["
        for n, statement in enumerate(statements):
            yield ("," if n else "") + "\n" + json.dumps(statement)
        yield "\n]\n"

    response = StreamingHttpResponse(body(), content_type="application/json")
    response["Content-Disposition"] = (
        f'attachment; filename="xapi-statements-{package.key}.json"'
    )
    return response


class PackageInspectView(InspectView):
    def get_fields(self):
        return [*super().get_fields(), "statements"]

    def get_field_label(self, field_name, field):
        if field_name == "statements":
            return _("xAPI statements")
        return super().get_field_label(field_name, field)

    def get_field_display_value(self, field_name, field):
        if field_name == "statements":
            if not user_can_export_statements(self.request.user):
                return _("L&D admins download them.")
            url = reverse("courses_package:statements", args=[self.object.pk])
            return format_html(
                '<a href="{}" download>{}</a>', url, _("Download (JSON)")
            )
        return super().get_field_display_value(field_name, field)


class PackageDeleteView(DeleteView):
    """A package that modules play, or that learners have played, stays."""

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        reason = package_in_use(self.object)
        if reason:
            messages.error(request, reason)
            return redirect(self.get_success_url())
        return super().post(request, *args, **kwargs)

    def delete_action(self):
        package_delete(package=self.object)


def package_in_use(package: Package) -> str:
    """Why `package` may not be deleted, or ""."""
    modules = package.modules.count()
    if modules:
        return _(
            "“%(title)s” is played by %(count)s module(s): choose another package "
            "for them first."
        ) % {"title": package.title, "count": modules}
    if package.attempts.exists():
        return _(
            "“%(title)s” has learners' attempts, kept as their record: it cannot "
            "be deleted."
        ) % {"title": package.title}
    return ""


def package_summaries():
    """Packages with their learners, attempts, completions and average score."""
    return Package.objects.annotate(
        learners=Count("attempts__user", distinct=True),
        attempt_count=Count("attempts"),
        completed_count=Count(
            "attempts", filter=Q(attempts__completed_at__isnull=False)
        ),
        average_scaled=Avg("attempts__score_scaled"),
    )


class PackageViewSet(ModelViewSet):
    model = Package
    icon = "upload"
    menu_label = _("E-learning packages")
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "packages"
    url_namespace = "courses_package"
    search_backend_name = None
    search_fields = ["title", "identifier"]
    list_filter = ["standard"]
    list_display = [
        "title",
        Column("standard", label=_("Standard"), accessor="get_standard_display"),
        # How the package is doing, for its authors: counted in the one query.
        Column("learners", label=_("Learners")),
        Column("attempt_count", label=_("Attempts")),
        Column("completed_count", label=_("Completed")),
        Column("average_score", label=_("Average score"), accessor="average_percent"),
        "uploaded_at",
    ]
    inspect_view_enabled = True
    inspect_view_class = PackageInspectView
    copy_view_enabled = False
    add_view_class = PackageCreateView
    delete_view_class = PackageDeleteView

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/statements/", statements_download, name="statements"),
        ]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(queryset=package_summaries(), **kwargs)

    def get_form_class(self, for_update=False):
        return PackageEditForm if for_update else PackageUploadForm
