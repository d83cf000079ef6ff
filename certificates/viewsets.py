"""Certificates in the Wagtail admin: designs (snippets), issued certificates, bulk.

Model permissions decide who sees what (training_site/group_permissions.py): trainers and
L&D admins edit designs; only L&D admins see issued certificates, revoke them
and run bulk jobs.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from lib.admin_columns import CalendarDateColumn

from . import admin_views
from .models import Certificate, CertificateDesign
from .permissions import (
    user_can_bulk_issue_certificates,
    user_can_revoke_certificate,
)


class CertificateDesignViewSet(SnippetViewSet):
    model = CertificateDesign
    icon = "doc-full"
    menu_label = _("Designs")
    add_to_admin_menu = False
    search_backend_name = None
    search_fields = ["name", "heading"]
    list_display = [
        "name",
        "heading",
        BooleanColumn("is_default", label=_("Default")),
    ]
    copy_view_enabled = True
    preview_on_add_view_class = admin_views.DesignPreviewOnCreateView
    preview_on_edit_view_class = admin_views.DesignPreviewOnEditView


class StatusColumn(Column):
    def get_value(self, instance):
        return instance.status_label


class CertificateIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if user_can_revoke_certificate(self.request.user, instance):
            buttons.append(
                admin_views.revoke_menu_item(instance),
            )
        return buttons


class CertificateInspectView(InspectView):
    def get_header_more_buttons(self):
        buttons = super().get_header_more_buttons()
        if user_can_revoke_certificate(self.request.user, self.object):
            buttons.append(
                HeaderButton(
                    _("Revoke"),
                    url=reverse("certificates_admin:revoke", args=[self.object.pk]),
                    icon_name="warning",
                )
            )
        return buttons


class IssuedOnlyPolicy(ModelPermissionPolicy):
    """Certificates are issued by the system: nobody adds, edits or deletes one by hand."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete"}:
            return False
        return super().user_has_permission(user, action)


register_permission_policy(Certificate, IssuedOnlyPolicy(Certificate))


class CertificateViewSet(ModelViewSet):
    """Issued certificates: read-only records with a way to revoke."""

    model = Certificate
    url_namespace = "certificates_issued"
    url_prefix = "certificates/issued"
    icon = "doc-full-inverse"
    menu_label = _("Issued certificates")
    add_to_admin_menu = False
    index_view_class = CertificateIndexView
    inspect_view_class = CertificateInspectView
    search_backend_name = None
    search_fields = ["number", "holder_name", "title"]
    list_display = [
        "number",
        "holder_name",
        "title",
        CalendarDateColumn("issued_at", label=_("Issued")),
        CalendarDateColumn("expires_on", label=_("Expires")),
        StatusColumn("status", label=_("Status")),
    ]
    list_filter = ["course"]
    list_per_page = 50
    ordering = ["-issued_at"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "number",
        "holder_name",
        "title",
        "completed_at",
        "issued_at",
        "expires_on",
        "hours",
        "issuer",
        "revoked_at",
        "revoked_by",
        "revocation_reason",
        "superseded_by",
        "pdf_sha256",
        "rendered_at",
    ]
    copy_view_enabled = False
    # Certificates are never created or edited by hand.
    form_fields: list[str] = []

    def get_queryset(self, request):
        return Certificate.objects.select_related("superseded_by")


class BulkMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_bulk_issue_certificates(request.user)


class CertificateAdminViewSet(ViewSet):
    """Revoke and bulk screens (custom views, L&D admins only)."""

    name = "certificates_admin"
    url_prefix = "certificates/manage"
    icon = "download"
    menu_label = _("Bulk issue and download")
    menu_item_class = BulkMenuItem

    def get_urlpatterns(self):
        return [
            # The first pattern is the menu item's target.
            path("bulk/", admin_views.BulkIssueView.as_view(), name="bulk"),
            path("bulk/<int:job_id>/", admin_views.BulkJobView.as_view(), name="job"),
            path(
                "bulk/<int:job_id>/certificates.zip",
                admin_views.bulk_job_zip,
                name="zip",
            ),
            path("revoke/<int:pk>/", admin_views.RevokeView.as_view(), name="revoke"),
        ]


class CertificatesViewSetGroup(ViewSetGroup):
    menu_label = _("Certificates")
    menu_icon = "doc-full"
    menu_order = 310
    items = (CertificateDesignViewSet, CertificateViewSet, CertificateAdminViewSet)
