"""*My team*: the summary, one person's page, and the people and training lists.

Every view checks `user_can_view_team_reports` and reads through
`team.selectors` (scope first, parameters only narrow). The lists are
`TeamReportView`s: with `?format=csv|xlsx` they export exactly the rows on
screen (all pages of them).
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from assignments.models import DUE_SOON_DAYS
from assignments.selectors import assignments_by_id, learner_rows
from certificates.selectors import certificates_for_holder
from courses import selectors as course_selectors
from people.permissions import user_can_manage_employee
from skills import selectors as skill_selectors

from ..permissions import user_can_view_team_reports
from . import selectors
from .base import TeamReportView
from .forms import (
    EXPIRING_HEADING,
    PEOPLE_COLUMNS,
    PeopleFilterForm,
    TrainingFilterForm,
)


@login_required
def my_team(request):
    if not user_can_view_team_reports(request.user):
        raise PermissionDenied
    return render(
        request,
        "reports/team/summary.html",
        {"summary": selectors.team_summary(user=request.user)},
    )


@login_required
def team_person(request, employee_id: int):
    if not user_can_view_team_reports(request.user):
        raise PermissionDenied
    employee = selectors.team_person(user=request.user, employee_id=employee_id)
    if employee is None:
        raise Http404
    learning = course_selectors.my_learning(user=employee.user)
    return render(
        request,
        "reports/team/person.html",
        {
            "person": employee,
            "assignments": learner_rows(user=employee.user),
            "not_started": learning["not_started"],
            "in_progress": learning["in_progress"],
            "completed": learning["completed"],
            "skills": skill_selectors.my_skills(employee=employee),
            "certificates": certificates_for_holder(user=employee.user),
            "can_manage": user_can_manage_employee(request.user, employee),
        },
    )


class TeamPeopleReportView(TeamReportView):
    """Each person: completion, overdue, expiring certificates and skills gaps."""

    template_name = "reports/team/people.html"
    filter_form_class = PeopleFilterForm
    export_kind = "team-people"
    export_filename = "team-people"
    export_headings = [
        _("Employee number"),
        _("Name"),
        _("Job title"),
        _("Org unit"),
        _("Assigned"),
        _("Completed"),
        _("Completion %"),
        _("Overdue"),
        EXPIRING_HEADING,
        _("Skills below target"),
    ]
    paginate_by = 50

    def get_report(self):
        return selectors.team_people(
            user=self.user,
            unit_id=self.params["unit"],
            direct=self.params["direct"],
            sort=self.params["sort"],
        )

    def export_count(self) -> int:
        # Counted, not built: a big export goes to the worker unbuilt.
        return selectors.team_scope(
            user=self.user, unit_id=self.params["unit"], direct=self.params["direct"]
        ).count()

    def export_rows(self):
        # A generator reads nothing until the rows are written: a request that
        # hands a big export to the worker never builds them itself.
        for row in self.report:
            yield [
                row.employee.employee_number,
                row.employee.display_name,
                row.employee.job_title,
                row.employee.org_unit.name,
                row.assigned,
                row.completed,
                row.completion if row.completion is not None else "",
                row.overdue,
                row.expiring,
                row.gaps,
            ]

    def get_context_data(self) -> dict:
        page = Paginator(self.report, self.paginate_by).get_page(
            self.request.GET.get("page")
        )
        sort = self.params["sort"]
        current, descending = sort.lstrip("-"), sort.startswith("-")
        columns = [
            {
                "key": key,
                "label": label,
                "sorted": key == current,
                "descending": descending,
                # Clicking the sorted column flips it; others sort largest first
                # (names and units A to Z).
                "next": ("" if descending else "-") + key
                if key == current
                else (key if key in ("name", "unit") else f"-{key}"),
            }
            for key, label in PEOPLE_COLUMNS
        ]
        return {
            "page_obj": page,
            "columns": columns,
            "units": selectors.team_units(user=self.user),
            "filter_query": self.query_string(drop=("page", "format", "sort")),
        }


class TeamTrainingReportView(TeamReportView):
    """Each assignment (or, for one assignment, each org unit): status and on time."""

    template_name = "reports/team/training.html"
    filter_form_class = TrainingFilterForm
    export_kind = "team-training"
    export_filename = "team-training"
    export_headings = [
        _("Course or org unit"),
        _("Assigned"),
        *selectors.STATUS_COLUMNS,
        _("Completed on time %"),
    ]

    @property
    def learners(self):
        return selectors.team_learners(user=self.user)

    def check_params(self) -> None:
        chosen = self.params["assignment"]
        if chosen and not self.learners.filter(assignment_id=chosen).exists():
            raise Http404  # an assignment none of the user's people have

    def get_report(self) -> dict:
        return selectors.training_report(
            learners=self.learners, assignment_id=self.params["assignment"]
        )

    def export_count(self) -> int:
        return len(self.report["rows"])

    def export_rows(self):
        return (
            [
                row.label,
                row.assigned,
                *row.by_status,
                row.on_time_percent if row.on_time_percent is not None else "",
            ]
            for row in self.report["rows"]
        )

    def get_context_data(self) -> dict:
        months = self.report["months"]
        peak = max((n for _month, n in months), default=0)
        assignment = None
        if self.params["assignment"]:
            # With an assignment chosen, the rows are its org units.
            chosen = self.params["assignment"]
            assignment = assignments_by_id(ids=[chosen])[chosen]
        return {
            "report": self.report,
            "months": [
                (month, n, round(100 * n / peak) if peak else 0) for month, n in months
            ],
            "assignment": assignment,
            "status_columns": selectors.STATUS_COLUMNS,
            "due_soon_days": DUE_SOON_DAYS,
        }
