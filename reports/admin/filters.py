"""The filters of the organisation-wide admin reports."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet

import django_filters

from assignments.models import AssignedLearner
from courses.models import CoursePage
from people.models import OrgUnit, RoleProfile
from people.selectors import org_unit_subtree_ids
from skills.models import SkillCategory


class LearnerFilterSet(WagtailFilterSet):
    """Division, unit (with sub-units), course, role profile and status."""

    division = django_filters.ModelChoiceFilter(
        label=_("Division"),
        queryset=OrgUnit.objects.filter(depth=1).order_by("path"),
        method="filter_unit",
    )
    unit = django_filters.ModelChoiceFilter(
        label=_("Unit (and its sub-units)"),
        # Sections and their units: a list short enough to scan.
        queryset=OrgUnit.objects.filter(depth__in=(2, 3)).order_by("path"),
        method="filter_unit",
    )
    course = django_filters.ModelChoiceFilter(
        label=_("Course"),
        field_name="assignment__course",
        queryset=CoursePage.objects.order_by("title"),
    )
    role_profile = django_filters.ModelChoiceFilter(
        label=_("Role profile"),
        field_name="employee__role_profile",
        queryset=RoleProfile.objects.all(),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=AssignedLearner.Status.choices,
        method="filter_status",
    )

    class Meta:
        model = AssignedLearner
        fields = ["division", "unit", "course", "role_profile", "status"]

    def filter_unit(self, queryset, name, value):
        return queryset.filter(
            employee__org_unit_id__in=org_unit_subtree_ids(path=value.path)
        )

    def filter_status(self, queryset, name, value):
        if "status" not in queryset.query.annotations:
            queryset = queryset.with_status()
        return queryset.filter(status=value)


class SkillsByUnitFilterSet(WagtailFilterSet):
    unit = django_filters.ModelChoiceFilter(
        label=_("Unit (and its sub-units)"),
        queryset=OrgUnit.objects.filter(depth__lte=3).order_by("path"),
        method="filter_nothing",
    )
    category = django_filters.ModelChoiceFilter(
        label=_("Skill category"),
        queryset=SkillCategory.objects.order_by("sort_order", "name"),
        method="filter_nothing",
    )

    class Meta:
        model = OrgUnit
        fields = ["unit", "category"]

    def filter_nothing(self, queryset, name, value):
        # The selector narrows; the view passes it the cleaned values.
        return queryset
