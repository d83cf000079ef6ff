"""The filters of the organisation-wide admin reports.

Their dropdowns and their narrowing come from the other apps' selectors.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet

import django_filters

from assignments.selectors import (
    all_learners,
    learner_status_choices,
    learners_in_status,
    learners_in_unit,
)
from courses.selectors import course_choices
from people.selectors import org_unit_choices, role_profile_choices
from skills.selectors import category_choices


def _choices(selector, **kwargs):
    # django-filter calls a callable queryset with the request, at each use.
    return lambda request: selector(**kwargs)


class LearnerFilterSet(WagtailFilterSet):
    """Division, unit (with sub-units), course, role profile and status."""

    division = django_filters.ModelChoiceFilter(
        label=_("Division"),
        queryset=_choices(org_unit_choices, depths=(1,)),
        method="filter_unit",
    )
    unit = django_filters.ModelChoiceFilter(
        label=_("Unit (and its sub-units)"),
        # Sections and their units: a list short enough to scan.
        queryset=_choices(org_unit_choices, depths=(2, 3)),
        method="filter_unit",
    )
    course = django_filters.ModelChoiceFilter(
        label=_("Course"),
        field_name="assignment__course",
        queryset=_choices(course_choices),
    )
    role_profile = django_filters.ModelChoiceFilter(
        label=_("Role profile"),
        field_name="employee__role_profile",
        queryset=_choices(role_profile_choices),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=learner_status_choices,
        method="filter_status",
    )

    class Meta:
        # The model of the rows the selector gives the report; no field is generated.
        model = all_learners().model
        fields = []

    def filter_unit(self, queryset, name, value):
        return learners_in_unit(learners=queryset, unit_path=value.path)

    def filter_status(self, queryset, name, value):
        return learners_in_status(learners=queryset, status=value)


class SkillsByUnitFilterSet(WagtailFilterSet):
    unit = django_filters.ModelChoiceFilter(
        label=_("Unit (and its sub-units)"),
        queryset=_choices(org_unit_choices, depths=(1, 2, 3)),
        method="filter_nothing",
    )
    category = django_filters.ModelChoiceFilter(
        label=_("Skill category"),
        queryset=_choices(category_choices),
        method="filter_nothing",
    )

    class Meta:
        model = org_unit_choices(depths=()).model
        fields = []

    def filter_nothing(self, queryset, name, value):
        # The selector narrows; the view passes it the cleaned values.
        return queryset
