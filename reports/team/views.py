"""*My team*: the summary, the people list, one person's page and the training report.

Each view checks `user_can_view_team_reports`, reads through `team.selectors`
(scope first, parameters only narrow) and, with `?format=csv|xlsx`, exports
exactly the rows on screen (all pages of them).
"""

from collections.abc import Iterator

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from assignments.models import DUE_SOON_DAYS, Assignment
from assignments.selectors import learner_rows
from certificates.selectors import certificates_for_holder
from courses import selectors as course_selectors
from people.permissions import user_can_manage_employee
from skills import selectors as skill_selectors

from ..permissions import user_can_view_team_reports
from ..views import export_response
from . import selectors

PEOPLE_PER_PAGE = 50

PEOPLE_COLUMNS = [
    ("name", _("Name")),
    ("unit", _("Org unit")),
    ("completion", _("Assigned training completed")),
    ("overdue", _("Overdue")),
    ("expiring", _("Certificates expiring (60 days)")),
    ("gaps", _("Skills below target")),
]


class PeopleFilterForm(forms.Form):
    """The list's GET parameters; anything invalid is dropped, never widened."""

    unit = forms.IntegerField(required=False, min_value=1)
    direct = forms.BooleanField(required=False)
    sort = forms.ChoiceField(
        required=False,
        choices=[(key, label) for key, label in PEOPLE_COLUMNS]
        + [(f"-{key}", label) for key, label in PEOPLE_COLUMNS],
    )

    def params(self) -> dict:
        self.is_valid()
        data = self.cleaned_data
        return {
            "unit": data.get("unit"),
            "direct": bool(data.get("direct")),
            "sort": data.get("sort") or "name",
        }


def _check(request) -> None:
    if not user_can_view_team_reports(request.user):
        raise PermissionDenied


def _query(request, *, drop: tuple[str, ...] = ("page", "format")) -> str:
    query = request.GET.copy()
    for key in drop:
        query.pop(key, None)
    return query.urlencode()


@login_required
def my_team(request):
    _check(request)
    return render(
        request,
        "reports/team/summary.html",
        {"summary": selectors.team_summary(user=request.user)},
    )


def people_export(user, params: dict) -> tuple[list, Iterator[list]]:
    """Header and rows of the people list, for CSV/XLSX (also in the background)."""
    header = [
        str(_("Employee number")),
        str(_("Name")),
        str(_("Job title")),
        str(_("Org unit")),
        str(_("Assigned")),
        str(_("Completed")),
        str(_("Completion %")),
        str(_("Overdue")),
        str(_("Certificates expiring (60 days)")),
        str(_("Skills below target")),
    ]
    return header, _people_rows(user, params)


def _people_rows(user, params: dict) -> Iterator[list]:
    # A generator reads nothing until the rows are written: a request that
    # hands a big export to the worker never builds them itself.
    rows = selectors.team_people(
        user=user, unit_id=params["unit"], direct=params["direct"], sort=params["sort"]
    )
    for row in rows:
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


@login_required
def team_people(request):
    _check(request)
    params = PeopleFilterForm(request.GET).params()
    if request.GET.get("format"):
        header, rows = people_export(request.user, params)
        count = selectors.team_scope(
            user=request.user, unit_id=params["unit"], direct=params["direct"]
        ).count()
        exported = export_response(
            request,
            kind="team-people",
            params=params,
            filename="team-people",
            header=header,
            rows_qs_or_callable=rows,
            row_count=count,
        )
        if exported is not None:
            return exported
    rows = selectors.team_people(
        user=request.user,
        unit_id=params["unit"],
        direct=params["direct"],
        sort=params["sort"],
    )
    page = Paginator(rows, PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
    current = params["sort"].lstrip("-")
    descending = params["sort"].startswith("-")
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
    return render(
        request,
        "reports/team/people.html",
        {
            "page_obj": page,
            "params": params,
            "columns": columns,
            "units": selectors.team_units(user=request.user),
            "query": _query(request),
            "filter_query": _query(request, drop=("page", "format", "sort")),
        },
    )


@login_required
def team_person(request, employee_id: int):
    _check(request)
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


class TrainingFilterForm(forms.Form):
    assignment = forms.IntegerField(required=False, min_value=1)

    def params(self) -> dict:
        self.is_valid()
        return {"assignment": self.cleaned_data.get("assignment")}


TRAINING_HEADER = [
    _("Course or org unit"),
    _("Assigned"),
    *selectors.STATUS_COLUMNS,
    _("Completed on time %"),
]


def training_export(user, params: dict) -> tuple[list, Iterator[list]]:
    report = selectors.training_report(
        learners=selectors.team_learners(user=user),
        assignment_id=params["assignment"],
    )
    return [str(h) for h in TRAINING_HEADER], (
        [
            row.label,
            row.assigned,
            *row.by_status,
            row.on_time_percent if row.on_time_percent is not None else "",
        ]
        for row in report["rows"]
    )


@login_required
def team_training(request):
    _check(request)
    params = TrainingFilterForm(request.GET).params()
    learners = selectors.team_learners(user=request.user)
    if (
        params["assignment"]
        and not learners.filter(assignment_id=params["assignment"]).exists()
    ):
        raise Http404  # an assignment none of the user's people have
    if request.GET.get("format"):
        header, rows = training_export(request.user, params)
        rows = list(rows)
        exported = export_response(
            request,
            kind="team-training",
            params=params,
            filename="team-training",
            header=header,
            rows_qs_or_callable=rows,
            row_count=len(rows),
        )
        if exported is not None:
            return exported
    report = selectors.training_report(
        learners=learners, assignment_id=params["assignment"]
    )
    peak = max((n for _month, n in report["months"]), default=0)
    months = [
        (month, n, round(100 * n / peak) if peak else 0)
        for month, n in report["months"]
    ]
    assignment = None
    if params["assignment"]:
        # With an assignment chosen, the rows are its org units.
        assignment = Assignment.objects.select_related("course", "learning_path").get(
            pk=params["assignment"]
        )
    return render(
        request,
        "reports/team/training.html",
        {
            "report": report,
            "months": months,
            "assignment": assignment,
            "status_columns": selectors.STATUS_COLUMNS,
            "due_soon_days": DUE_SOON_DAYS,
            "query": _query(request),
        },
    )
