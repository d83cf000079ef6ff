"""The org chart in the Wagtail admin: L&D admins only.

Model permissions decide: `people.view_employee` and friends are held by the
L&D admins group alone (training_site/group_permissions.py), so trainers see none of this.
"""

from django.core.exceptions import PermissionDenied
from django.urls import URLPattern
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

import django_filters

from lib.admin_viewsets import JoinedModelViewSet

from .forms import EmployeeAdminForm
from .models import Employee, ExternalIdentity, OrgUnit, RoleProfile, RosterImport
from .selectors import employee_search_filter, org_unit_subtree_ids


def _guarded(view, permission: str):
    # Wagtail's choosers are open to every admin user; names and employee
    # numbers are for L&D admins only.
    def guarded_view(request, *args, **kwargs):
        if not request.user.has_perm(permission):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded_view


class GuardedChooserViewSet(ChooserViewSet):
    view_permission = ""

    def get_urlpatterns(self):
        return [
            URLPattern(
                p.pattern,
                _guarded(p.callback, self.view_permission),
                p.default_args,
                p.name,
            )
            for p in super().get_urlpatterns()
        ]


class EmployeeChooserViewSet(GuardedChooserViewSet):
    model = Employee
    icon = "user"
    choose_one_text = _("Choose a person")
    choose_another_text = _("Choose another person")
    view_permission = "people.view_employee"


class OrgUnitChooserViewSet(GuardedChooserViewSet):
    model = OrgUnit
    icon = "group"
    choose_one_text = _("Choose an org unit")
    choose_another_text = _("Choose another org unit")
    view_permission = "people.view_orgunit"


employee_chooser_viewset = EmployeeChooserViewSet("employee_chooser")
org_unit_chooser_viewset = OrgUnitChooserViewSet("org_unit_chooser")


class EmployeeFilterSet(WagtailFilterSet):
    """Filter by unit (with everything below it), status and role profile."""

    unit = django_filters.ModelChoiceFilter(
        label=_("Unit (and its sub-units)"),
        # Divisions and sections: deep enough to find people, short enough to scan.
        queryset=OrgUnit.objects.filter(depth__lte=2).order_by("path"),
        method="filter_unit",
    )

    class Meta:
        model = Employee
        fields = ["unit", "is_active", "role_profile"]

    def filter_unit(self, queryset, name, unit):
        return queryset.filter(org_unit_id__in=org_unit_subtree_ids(path=unit.path))


class EmployeeIndexView(IndexView):
    """The employee list, searched as the assign form's person search is."""

    def search_queryset(self, queryset):
        # Wagtail's ORM search matches the whole text in one field, as typed:
        # "Emile Levesque" found nobody, "emile" not Émile.
        if not self.is_searching:
            return queryset
        matches = employee_search_filter(query=self.search_query, also=("email",))
        return queryset.none() if matches is None else queryset.filter(matches)


class EmployeeViewSet(JoinedModelViewSet):
    url_namespace = "people_employee"
    url_prefix = "people/employees"
    model = Employee
    icon = "user"
    menu_label = _("Employees")
    add_to_admin_menu = False
    index_view_class = EmployeeIndexView
    search_backend_name = None  # the ORM, through EmployeeIndexView.search_queryset
    # Turns Wagtail's search box on; EmployeeIndexView decides who matches.
    search_fields = [
        "first_name",
        "last_name",
        "preferred_name",
        "employee_number",
        "email",
    ]
    list_display = [
        "display_name",
        "employee_number",
        "job_title",
        Column("org_unit", label=_("Org unit")),
        Column("manager", label=_("Manager")),
        BooleanColumn("is_active", label=_("Active")),
    ]
    filterset_class = EmployeeFilterSet
    list_per_page = 50
    ordering = ["last_name", "first_name"]
    copy_view_enabled = False
    inspect_view_enabled = True
    list_export = [
        "employee_number",
        "first_name",
        "last_name",
        "email",
        "job_title",
        "org_unit",
        "manager",
        "is_active",
    ]
    export_filename = "employees"
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("first_name", read_only=True),
                            FieldPanel("last_name", read_only=True),
                        ]
                    ),
                    FieldPanel("employee_number", read_only=True),
                ],
                heading=_("From HR (the roster import keeps these current)"),
            ),
            FieldPanel("job_title"),
            FieldPanel("org_unit"),
            FieldPanel("manager"),
            FieldPanel("role_profile"),
            FieldPanel("is_active"),
        ],
        base_form_class=EmployeeAdminForm,
    )

    list_select_related = ("org_unit", "manager")


class OrgUnitViewSet(JoinedModelViewSet):
    url_namespace = "people_orgunit"
    url_prefix = "people/org-units"
    model = OrgUnit
    icon = "group"
    menu_label = _("Org units")
    add_to_admin_menu = False
    search_backend_name = None
    search_fields = ["name", "code"]
    list_display = [
        "name",
        "code",
        Column("head", label=_("Head")),
        Column("depth", label=_("Level")),
        BooleanColumn("is_active", label=_("Active")),
    ]
    list_filter = ["is_active", "depth"]
    list_per_page = 50
    ordering = ["path"]
    copy_view_enabled = False
    panels = [
        FieldPanel("code", read_only=True),
        FieldPanel("name"),
        FieldPanel("head"),
        FieldPanel("is_active"),
    ]

    list_select_related = ("head",)


class RoleProfileViewSet(ModelViewSet):
    url_namespace = "people_roleprofile"
    url_prefix = "people/role-profiles"
    model = RoleProfile
    icon = "tag"
    menu_label = _("Role profiles")
    add_to_admin_menu = False
    search_backend_name = None
    search_fields = ["name", "code"]
    list_display = ["name", "code"]
    form_fields = ["code", "name", "description"]
    copy_view_enabled = False


class RosterImportInspectView(InspectView):
    def get_options_display_value(self):
        lines = self.object.options_summary()
        if not lines:
            return _("No options recorded")
        return format_html(
            "<ul>{}</ul>",
            format_html_join("", "<li>{}</li>", ((line,) for line in lines)),
        )


class RosterImportViewSet(JoinedModelViewSet):
    url_namespace = "people_rosterimport"
    url_prefix = "people/import-history"
    """The record of applied imports; the upload itself is people.roster.upload."""

    model = RosterImport
    icon = "upload"
    menu_label = _("Import history")
    add_to_admin_menu = False
    search_backend_name = None
    search_fields = ["filename", "sha256"]
    list_display = [
        "started_at",
        "filename",
        Column("imported_by", label=_("Imported by")),
        "created",
        "updated",
        "deactivated",
        "unchanged",
    ]
    inspect_view_enabled = True
    inspect_view_class = RosterImportInspectView
    copy_view_enabled = False
    form_fields: list[str] = []

    list_select_related = ("imported_by",)


class IdentityLinkPermissionPolicy(ModelPermissionPolicy):
    """Links are made by signing in (people/identity.py), never typed in: view and delete only."""

    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)


class ExternalIdentityViewSet(JoinedModelViewSet):
    """Which provider subject signs in as whom. Deleting a link lets the next
    sign-in match the employee again by claim (docs/sso.md): superusers only, as
    no group is given these permissions."""

    url_namespace = "people_externalidentity"
    url_prefix = "people/identity-links"
    model = ExternalIdentity
    icon = "link"
    menu_label = _("Identity-provider links")
    add_to_admin_menu = False
    search_backend_name = None
    search_fields = ["subject", "user__username", "user__last_name"]
    list_display = [
        Column("user", label=_("Account")),
        "provider",
        "subject",
        "linked_at",
        "last_sign_in",
    ]
    list_filter = ["provider"]
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields: list[str] = []
    list_select_related = ("user",)


register_permission_policy(
    ExternalIdentity, IdentityLinkPermissionPolicy(ExternalIdentity)
)
