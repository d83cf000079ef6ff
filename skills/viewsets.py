"""The skills framework in the Wagtail admin: categories, skills, role targets.

Model permissions decide (skills.add_skill and friends, held by L&D admins:
see permissions.FRAMEWORK_PERMISSIONS); trainers and everyone else see none of it.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.model import ModelViewSet

from lib.admin_viewsets import JoinedModelViewSet

from .models import RoleSkillTarget, Skill, SkillCategory


class SkillCategoryViewSet(ModelViewSet):
    url_namespace = "skills_category"
    url_prefix = "skills/categories"
    model = SkillCategory
    icon = "folder-open-inverse"
    menu_label = _("Categories")
    add_to_admin_menu = False
    search_backend_name = None  # the ORM's icontains: no search index to keep
    search_fields = ["name"]
    list_display = ["name", "sort_order"]
    form_fields = ["name", "description", "sort_order"]
    copy_view_enabled = False


class SkillViewSet(JoinedModelViewSet):
    url_namespace = "skills_skill"
    url_prefix = "skills/skills"
    model = Skill
    icon = "pick"
    menu_label = _("Skills")
    add_to_admin_menu = False
    search_backend_name = None
    search_fields = ["name", "code", "description"]
    list_display = [
        "name",
        "code",
        Column("category", label=_("Category")),
        BooleanColumn("is_active", label=_("Active")),
    ]
    list_filter = ["category", "is_active"]
    list_per_page = 50
    ordering = ["category__sort_order", "category__name", "name"]
    copy_view_enabled = False
    inspect_view_enabled = True
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("name"), FieldPanel("code")]),
            FieldRowPanel([FieldPanel("category"), FieldPanel("is_active")]),
            FieldPanel("description"),
            InlinePanel(
                "descriptors",
                label=_("Level descriptor"),
                heading=_("What each level looks like"),
                # Four forms, and the (skill, level) constraint makes them
                # one per level: Awareness to Expert.
                min_num=4,
                max_num=4,
            ),
            InlinePanel(
                "role_targets", label=_("Role target"), heading=_("Targets by role")
            ),
        ],
    )

    list_select_related = ("category",)


class RoleSkillTargetViewSet(JoinedModelViewSet):
    """Every target in one list, to read and edit them role by role."""

    url_namespace = "skills_roletarget"
    url_prefix = "skills/role-targets"
    model = RoleSkillTarget
    icon = "crosshairs"
    menu_label = _("Role targets")
    add_to_admin_menu = False
    search_backend_name = None
    search_fields = ["skill__name", "role_profile__name", "role_profile__code"]
    list_display = [
        Column("role_profile", label=_("Role profile")),
        Column("skill", label=_("Skill")),
        Column("level", label=_("Target level"), accessor="get_level_display"),
    ]
    list_filter = ["role_profile", "level"]
    list_per_page = 100
    ordering = ["role_profile__name", "skill__name"]
    form_fields = ["role_profile", "skill", "level"]
    copy_view_enabled = False

    list_select_related = ("role_profile", "skill")
