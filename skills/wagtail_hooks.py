"""The Skills menu in the Wagtail admin (L&D admins only)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup

from .admin_views import FrameworkImportView, framework_export_view
from .permissions import user_can_import_framework
from .viewsets import RoleSkillTargetViewSet, SkillCategoryViewSet, SkillViewSet


class FrameworkMenuItem(MenuItem):
    def is_shown(self, request):
        # The same rule FrameworkImportView checks.
        return user_can_import_framework(request.user)


class FrameworkSpreadsheetViewSet(ViewSet):
    name = "skills_framework"
    url_prefix = "skills/framework"
    icon = "table"
    menu_label = _("Framework spreadsheet")
    menu_item_class = FrameworkMenuItem

    def get_urlpatterns(self):
        return [
            path("", FrameworkImportView.as_view(), name="index"),
            path("export/", framework_export_view, name="export"),
        ]


class SkillsViewSetGroup(ViewSetGroup):
    menu_label = _("Skills")
    menu_icon = "pick"
    menu_order = 310
    items = (
        SkillViewSet,
        SkillCategoryViewSet,
        RoleSkillTargetViewSet,
        FrameworkSpreadsheetViewSet,
    )


@hooks.register("register_admin_viewset")
def register_skills_viewsets():
    return SkillsViewSetGroup()
