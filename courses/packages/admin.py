"""E-learning packages in the Wagtail admin: trainers and L&D admins upload and list them."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, DeleteView
from wagtail.admin.viewsets.model import ModelViewSet

from lib.request_limits import megabytes

from ..models import Package
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
        try:
            return super().form_valid(form)
        except PackageRejected as refusal:
            # Found while unpacking (a member larger than it declared): nothing kept.
            form.add_error("archive", refusal.message)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class PackageDeleteView(DeleteView):
    def delete_action(self):
        package_delete(package=self.object)


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
        "file_count",
        "uploaded_at",
    ]
    inspect_view_enabled = True
    copy_view_enabled = False
    add_view_class = PackageCreateView
    delete_view_class = PackageDeleteView

    def get_form_class(self, for_update=False):
        return PackageEditForm if for_update else PackageUploadForm
