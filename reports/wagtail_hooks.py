"""Organisation-wide reports in the admin's Reports menu: L&D admins only."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin.views import (
    AssignedPeopleReportView,
    SkillsByUnitReportView,
    TrainingByDivisionReportView,
)
from .permissions import user_can_view_org_reports

REPORTS = [
    # (url segment, url name, view, menu label, icon, order)
    (
        "training-by-division",
        "org_training_by_division",
        TrainingByDivisionReportView,
        _("Training by division"),
        "table",
        710,
    ),
    (
        "assigned-people",
        "org_assigned_people",
        AssignedPeopleReportView,
        _("Assigned people"),
        "user",
        720,
    ),
    (
        "skills-by-unit",
        "org_skills_by_unit",
        SkillsByUnitReportView,
        _("Skills by unit"),
        "pick",
        730,
    ),
]


class OrgReportMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_view_org_reports(request.user)


@hooks.register("register_admin_urls")
def register_org_report_urls():
    urls = []
    for segment, name, view, *_rest in REPORTS:
        urls += [
            path(f"reports/org/{segment}/", view.as_view(), name=name),
            path(
                f"reports/org/{segment}/results/",
                view.as_view(results_only=True),
                name=f"{name}_results",
            ),
        ]
    return urls


def _menu_item(name: str, label: str, icon: str, order: int):
    return lambda: OrgReportMenuItem(
        label, reverse(name), name=name.replace("_", "-"), icon_name=icon, order=order
    )


for _segment, _name, _view, _label, _icon, _order in REPORTS:
    hooks.register(
        "register_reports_menu_item", _menu_item(_name, _label, _icon, _order)
    )
