"""Organisation-wide training reports in the Wagtail admin, for L&D admins.

Each report is a Wagtail `ReportView` over every assigned learner, with
filters and Wagtail's spreadsheet export. The menu items (reports/wagtail_hooks.py)
and the views ask the same question, `user_can_view_org_reports`.

CSV goes through `reports.exports.stream_csv` (a byte-order mark for
Excel, formula-like cells neutralised, streamed row by row); Wagtail's own CSV
writer neutralises nothing. XLSX stays Wagtail's: it already turns anything
openpyxl would read as a formula back into text.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView

from assignments.models import DUE_SOON_DAYS, AssignedLearner
from assignments.selectors import (
    REPORT_STATUSES,
    STATUS_LABELS,
    all_learners,
    report_tallies,
)
from assignments.tallies import tallies_ensure_current
from lib.admin_columns import CalendarDateColumn, PlainColumn
from people.selectors import org_unit_subtree_ids
from skills.selectors import SMALL_CELL, skills_by_unit

from ..exports import stream_csv
from ..permissions import user_can_view_org_reports
from .filters import LearnerFilterSet, SkillsByUnitFilterSet
from .selectors import assigned_people, training_by_division, training_by_division_live

EXPORT_CHUNK = 2000  # rows fetched at a time while an export streams


class OrgReportView(ReportView):
    """A report for L&D admins; exports stream in chunks, CSV through our writer."""

    def dispatch(self, request, *args, **kwargs):
        if not user_can_view_org_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filtered_queryset(self):
        # Wagtail's listing get_queryset() already applies the filters.
        return self.get_queryset()

    def get_filename(self):
        return f"{self.export_filename}-{timezone.localdate().isoformat()}"

    def get(self, request, *args, **kwargs):
        if self.is_export:
            # Skip the page context: it would count (and so load) every row.
            rows = self.get_filtered_queryset()
            if isinstance(rows, QuerySet):
                rows = self.export_items(rows)
            return self.as_spreadsheet(rows, request.GET.get("export"))
        return super().get(request, *args, **kwargs)

    def export_items(self, queryset: QuerySet):
        """What an export iterates over: model instances, fetched in chunks."""
        return queryset.iterator(chunk_size=EXPORT_CHUNK)

    def get_heading(self, queryset, field):
        return str(self.export_headings.get(field, field))

    def write_csv_response(self, queryset):
        header = [self.get_heading(queryset, f) for f in self.list_export]
        rows = (
            [
                self.preprocess_field_value(f, v, self.FORMAT_CSV)
                for f, v in self.to_row_dict(item).items()
            ]
            for item in queryset
        )
        return stream_csv(f"{self.get_filename()}.csv", header, rows)


class TrainingByDivisionReportView(OrgReportView):
    """Assigned, each status (adding up to it) and % on time, per division."""

    page_title = _("Training by division")
    header_icon = "table"
    results_template_name = "reports/admin/training_by_division_results.html"
    index_url_name = "org_training_by_division"
    index_results_url_name = "org_training_by_division_results"
    filterset_class = LearnerFilterSet
    export_filename = "training-by-division"
    paginate_by = 100
    columns = [
        Column("label", label=_("Division")),
        Column("course", label=_("Course"), accessor="assignment.item_title"),
        Column("target", label=_("Assigned to"), accessor="assignment.target_label"),
        NumberColumn("assigned", label=_("Assigned")),
        *(
            NumberColumn(status, label=STATUS_LABELS[status])
            for status in REPORT_STATUSES
        ),
        Column("on_time_percent", label=_("% completed on time")),
    ]
    list_export = [
        "label",
        "assignment.item_title",
        "assignment.target_label",
        "assigned",
        *REPORT_STATUSES,
        "on_time_percent",
    ]
    export_headings = {
        "label": _("Division"),
        "assignment.item_title": _("Course"),
        "assignment.target_label": _("Assigned to"),
        "assigned": _("Assigned"),
        **{status: STATUS_LABELS[status] for status in REPORT_STATUSES},
        "on_time_percent": _("% completed on time"),
    }

    def get_context_data(self, *args, **kwargs):
        return {
            **super().get_context_data(*args, **kwargs),
            "due_soon_days": DUE_SOON_DAYS,
        }

    def get_queryset(self):
        filters = self.filters
        chosen = filters.form.cleaned_data if filters and filters.is_valid() else {}
        if chosen.get("role_profile") or chosen.get("status"):
            # Not in the tallies: count those learners themselves.
            learners = self.filter_queryset(all_learners())
            return training_by_division_live(learners=learners)
        # Statuses depend on the date: tallies counted for an earlier day (or
        # never) are counted again first, a write the view asks for explicitly.
        tallies_ensure_current()
        tallies = report_tallies(course_id=getattr(chosen.get("course"), "pk", None))
        for unit in (chosen.get("division"), chosen.get("unit")):
            if unit is not None:
                tallies = tallies.filter(
                    org_unit_id__in=org_unit_subtree_ids(path=unit.path)
                )
        return training_by_division(tallies=tallies)


def _person(learner: AssignedLearner) -> str:
    return str(learner.employee)


def _employee_field(learner: AssignedLearner, accessor: str) -> str:
    value = learner.employee
    for name in accessor.split("."):
        value = getattr(value, name, None)
    return "" if value is None else str(value)


class AssignedPeopleReportView(OrgReportView):
    """One row per assigned learner: who, where, what, by when, and how it stands."""

    page_title = _("Assigned people")
    header_icon = "user"
    results_template_name = "reports/admin/assigned_people_results.html"
    index_url_name = "org_assigned_people"
    index_results_url_name = "org_assigned_people_results"
    filterset_class = LearnerFilterSet
    export_filename = "assigned-people"
    paginate_by = 50
    columns = [
        Column("person", label=_("Person"), accessor=_person),
        Column(
            "employee_number",
            label=_("Employee number"),
            accessor=lambda al: _employee_field(al, "employee_number"),
        ),
        Column("division_name", label=_("Division")),
        Column(
            "unit",
            label=_("Unit"),
            accessor=lambda al: _employee_field(al, "org_unit.name"),
        ),
        Column(
            "role_profile",
            label=_("Role profile"),
            accessor=lambda al: _employee_field(al, "role_profile.name"),
        ),
        Column("course", label=_("Course"), accessor="assignment.item_title"),
        CalendarDateColumn("due_on", label=_("Due"), sort_key="due_on"),
        Column(
            "status",
            label=_("Status"),
            accessor=lambda al: STATUS_LABELS[al.status],
        ),
        CalendarDateColumn("completed_at", label=_("Completed")),
    ]
    list_export = [
        "person",
        "employee_number",
        "division",
        "unit",
        "role_profile",
        "course",
        "due_on",
        "status",
        "completed_at",
    ]
    export_headings = {
        "person": _("Person"),
        "employee_number": _("Employee number"),
        "division": _("Division"),
        "unit": _("Unit"),
        "role_profile": _("Role profile"),
        "course": _("Course"),
        "due_on": _("Due"),
        "status": _("Status"),
        "completed_at": _("Completed at"),
    }
    default_ordering = "due_on"

    def get_base_queryset(self):
        return assigned_people()

    def order_queryset(self, queryset):
        ordering = self.ordering or "due_on"
        return queryset.order_by(ordering, "pk")

    def export_items(self, queryset: QuerySet):
        """Plain values, not model instances: 40,000 rows in seconds, not a minute
        (each row would otherwise build six models, a Wagtail page among them)."""
        labels = STATUS_LABELS
        rows = queryset.values_list(
            "employee__preferred_name",
            "employee__first_name",
            "employee__last_name",
            "employee__employee_number",
            "division_name",
            "employee__org_unit__name",
            "employee__role_profile__name",
            "assignment__course__title",
            "assignment__learning_path__title",
            "due_on",
            "status",
            "completed_at",
        )
        for (
            preferred,
            first,
            last,
            number,
            division,
            unit,
            role,
            course,
            path,
            due_on,
            status,
            completed_at,
        ) in rows.iterator(chunk_size=EXPORT_CHUNK):
            yield {
                "person": f"{preferred or first} {last}",
                "employee_number": number,
                "division": division or "",
                "unit": unit or "",
                "role_profile": role or "",
                "course": course or path or "",
                "due_on": due_on,
                "status": str(labels[status]),
                "completed_at": completed_at,
            }

    def to_row_dict(self, item):
        return item


class SkillsByUnitReportView(OrgReportView):
    """Per unit, the share of people at or above their role's target in each skill.

    Wraps `skills_by_unit` for the L&D admin's organisation-wide scope; cells
    over fewer than SMALL_CELL people stay hidden here too.
    """

    page_title = _("Skills by unit")
    header_icon = "pick"
    results_template_name = "reports/admin/skills_by_unit_results.html"
    index_url_name = "org_skills_by_unit"
    index_results_url_name = "org_skills_by_unit_results"
    filterset_class = SkillsByUnitFilterSet
    export_filename = "skills-by-unit"
    paginate_by = 100

    @cached_property
    def report(self) -> dict:
        data = (
            self.filters.form.cleaned_data
            if self.filters and self.filters.is_valid()
            else {}
        )
        unit, category = data.get("unit"), data.get("category")
        return skills_by_unit(
            user=self.request.user,
            unit_id=unit.pk if unit else None,
            category_id=category.pk if category else None,
        )

    @cached_property
    def columns(self):
        columns = [
            PlainColumn("unit", label=_("Unit"), accessor=lambda row: row[0].name),
            NumberColumn("people", label=_("People"), accessor=lambda row: row[1]),
        ]
        for i, skill in enumerate(self.report["skills"]):
            columns.append(
                PlainColumn(
                    f"skill_{skill.pk}",
                    label=skill.name,
                    accessor=lambda row, i=i: _cell_text(row[2][i]),
                )
            )
        return columns

    @cached_property
    def list_export(self):
        return ["unit", "people", *(f"skill_{s.pk}" for s in self.report["skills"])]

    @cached_property
    def export_headings(self):
        return {
            "unit": _("Unit"),
            "people": _("People"),
            **{f"skill_{s.pk}": s.name for s in self.report["skills"]},
        }

    def to_row_dict(self, item):
        unit, people, cells = item
        row = {"unit": unit.name, "people": people}
        for skill, cell in zip(self.report["skills"], cells, strict=True):
            row[f"skill_{skill.pk}"] = _cell_text(cell)
        return row

    def get_queryset(self):
        return self.report["rows"]

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["small_cell"] = SMALL_CELL
        return context


def _cell_text(cell) -> str:
    """ "62%", "" where nobody's role targets the skill, "hidden" under SMALL_CELL."""
    if not cell.people:
        return ""
    if cell.hidden:
        return str(_("hidden"))
    return f"{cell.percent}%"
