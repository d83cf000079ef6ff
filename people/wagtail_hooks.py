"""The People menu in the Wagtail admin (L&D admins only)."""

from django.contrib.auth import get_user_model
from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup

from .actions import (
    EmployeeCreateAction,
    EmployeeDeleteAction,
    EmployeeEditAction,
    UserDeleteAction,
)
from .models import Employee
from .permissions import user_can_import_roster
from .roster.upload import RosterUploadView
from .viewsets import (
    EmployeeViewSet,
    ExternalIdentityViewSet,
    OrgUnitViewSet,
    RoleProfileViewSet,
    RosterImportViewSet,
    employee_chooser_viewset,
    org_unit_chooser_viewset,
)


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        # The same question RosterUploadView asks.
        return user_can_import_roster(request.user)


class RosterUploadViewSet(ViewSet):
    name = "roster_upload"
    url_prefix = "people/roster-import"
    icon = "upload"
    menu_label = _("Roster import")
    menu_item_class = ImportMenuItem

    def get_urlpatterns(self):
        return [path("", RosterUploadView.as_view(), name="index")]


class PeopleViewSetGroup(ViewSetGroup):
    menu_label = _("People")
    menu_icon = "group"
    menu_order = 300
    items = (
        EmployeeViewSet,
        OrgUnitViewSet,
        RoleProfileViewSet,
        RosterUploadViewSet,
        RosterImportViewSet,
        ExternalIdentityViewSet,
    )


@hooks.register("register_admin_viewset")
def register_people_viewsets():
    return [PeopleViewSetGroup(), employee_chooser_viewset, org_unit_chooser_viewset]


@hooks.register("register_actions")
def register_employee_actions(registry):
    # Saving or deleting one employee in the admin announces it (employee_changed).
    for action in (EmployeeCreateAction, EmployeeEditAction, EmployeeDeleteAction):
        registry.register(Employee, action)
    registry.register(get_user_model(), UserDeleteAction)
