"""My changes and check-ins; the readiness dashboard; the change-load page."""

from datetime import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from people.models import OrgUnit
from people.selectors import org_unit_ancestry

from . import charts
from .adoption import adoption
from .exports import change_load_csv, readiness_csv
from .forms import MONTH, ChangeLoadWindowForm, CheckInForm
from .load import change_load, unit_visible
from .models import CheckInRound, Initiative
from .permissions import (
    user_can_check_in,
    user_can_import_usage,
    user_can_view_change_load,
    user_can_view_my_change,
    user_can_view_my_changes,
    user_can_view_readiness,
    user_sees_all_change_load,
    user_sees_all_readiness,
)
from .readiness import readiness
from .scope import headed_affected_unit_paths, headed_unit_paths, readable_initiatives
from .selectors import my_change, my_changes, my_linked_training, my_response
from .services import CheckInError, checkin_submit
from .stages import SCALE, STAGES


def _thresholds() -> dict:
    # The collection notice states the rules the results are shown by.
    return {
        "min_group": settings.CHANGE_MIN_GROUP,
        "min_comments": settings.CHANGE_MIN_COMMENTS,
    }


def _employee(request):
    return getattr(request.user, "employee", None)


@login_required
def my_changes_list(request):
    if not user_can_view_my_changes(request.user):
        raise PermissionDenied
    employee = _employee(request)
    changes = my_changes(employee=employee) if employee else []
    return render(request, "change/my_changes.html", {"changes": changes})


def _viewable(request, slug: str) -> Initiative:
    """The initiative, if it is announced and affects the user; else 404, as if absent."""
    initiative = Initiative.objects.filter(slug=slug).first()
    if initiative is None or not user_can_view_my_change(request.user, initiative):
        raise Http404
    return initiative


@login_required
def my_change_detail(request, slug: str):
    _viewable(request, slug)
    change = my_change(employee=_employee(request), slug=slug)
    context = {
        "change": change,
        "training": my_linked_training(user=request.user, initiative=change.initiative),
        **_thresholds(),
    }
    return render(request, "change/my_change.html", context)


@login_required
def check_in(request, slug: str, round_id: int):
    initiative = _viewable(request, slug)
    employee = _employee(request)
    checkin_round = get_object_or_404(
        CheckInRound.objects.select_related("initiative"),
        pk=round_id,
        initiative=initiative,
    )
    if not user_can_check_in(request.user, checkin_round):
        messages.info(request, _("That check-in is not open for answers."))
        return redirect("change:my-change", slug=slug)
    earlier = my_response(checkin_round=checkin_round, employee=employee)
    form = CheckInForm(
        request.POST or None,
        checkin_round=checkin_round,
        tool=initiative.tool_name,
        initial=CheckInForm.initial_from(earlier),
    )
    if request.method == "POST" and form.is_valid():
        try:
            checkin_submit(
                checkin_round=checkin_round,
                employee=employee,
                scores=form.scores(),
                comment=form.cleaned_data["comment"],
            )
        except CheckInError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _(
                    "Thank you: your check-in is saved. You can change it until %(date)s."
                )
                % {"date": checkin_round.closes_on.strftime("%-d %B %Y")},
            )
            return redirect("change:my-change", slug=slug)
    context = {
        "form": form,
        "round": checkin_round,
        "initiative": initiative,
        "earlier": earlier,
        "scale": SCALE,
        **_thresholds(),
    }
    return render(request, "change/check_in.html", context)


def _number(value: str | None) -> int | None:
    # A filter that does not parse is no filter: the dashboard shows its default.
    return int(value) if value and value.isdigit() else None


@login_required
def readiness_dashboard(request, slug: str):
    initiative = get_object_or_404(Initiative, slug=slug)
    if not user_can_view_readiness(request.user, initiative):
        raise PermissionDenied
    unit_paths = None
    if not user_sees_all_readiness(request.user, initiative):
        unit_paths = headed_affected_unit_paths(
            user=request.user, initiative=initiative
        )
    today = timezone.localdate()
    dashboard = readiness(
        initiative=initiative,
        unit_paths=unit_paths,
        round_id=_number(request.GET.get("round")),
        role_profile_id=_number(request.GET.get("role")),
        today=today,
    )
    figures = adoption(dashboard=dashboard, today=today)
    if request.GET.get("format") == "csv":
        return readiness_csv(dashboard, figures)
    bars = charts.ready_bars(dashboard.trend)
    context = {
        "dashboard": dashboard,
        "adoption": figures,
        "initiative": initiative,
        "bars": bars,
        "chart": {"width": charts.width(bars), "height": charts.HEIGHT},
        "stages": STAGES,
        # "No usage data yet" links to the import for those who may run it.
        "import_url": (
            reverse("change_usage:import", args=[initiative.pk])
            if user_can_import_usage(request.user, initiative)
            else ""
        ),
        **_thresholds(),
    }
    return render(request, "change/readiness.html", context)


def _month(value: str | None):
    # A month that does not parse opens no cell: the table alone is shown.
    try:
        return datetime.strptime(value or "", MONTH).date()
    except ValueError:
        return None


def _load_unit(value: str | None, *, unit_paths) -> OrgUnit | None:
    """The unit drilled into, if any; one outside the reader's units is as if absent."""
    if not value:
        return None
    unit = OrgUnit.objects.active().filter(pk=_number(value)).first()
    if unit is None or not unit_visible(unit, unit_paths=unit_paths):
        raise Http404
    return unit


@login_required
def change_load_page(request):
    if not user_can_view_change_load(request.user):
        raise PermissionDenied
    sees_all = user_sees_all_change_load(request.user)
    unit_paths = None if sees_all else headed_unit_paths(user=request.user)
    parent = _load_unit(request.GET.get("unit"), unit_paths=unit_paths)
    form = ChangeLoadWindowForm(request.GET)
    start = form.cleaned_data["start"] if form.is_valid() else None
    load = change_load(unit_paths=unit_paths, parent=parent, start=start)
    if request.GET.get("format") == "csv":
        return change_load_csv(load, parent=parent)
    month = _month(request.GET.get("month"))
    cell = load.cell(unit_id=parent.pk, month=month) if parent and month else None
    readable = set()
    if cell is not None and cell.initiatives:
        readable = {i.pk for i in readable_initiatives(user=request.user)}
    context = {
        "load": load,
        "form": form,
        "parent": parent,
        "crumbs": _crumbs(parent, unit_paths=unit_paths),
        "cell": cell,
        # Managers are not told the names of drafts (planned initiatives).
        "names_drafts": sees_all,
        "readable": readable,
        "start": load.months[0],
    }
    return render(request, "change/load.html", context)


def _crumbs(parent: OrgUnit | None, *, unit_paths) -> list[OrgUnit]:
    """The units above the one drilled into that the reader may open."""
    if parent is None:
        return []
    return [
        unit
        for unit in org_unit_ancestry(org_unit=parent)[:-1]
        if unit_visible(unit, unit_paths=unit_paths)
    ]
