"""Mandatory training on the site: managers (and L&D admins) assign, follow up,
extend and exempt, for the people in their scope only.

Who may use these pages at all is a role (403 for everyone else); whom they may
act on is their scope, and anything outside it is a 404, as if it did not exist.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from . import services
from .forms import AssignmentForm, ExemptForm, ExtendForm
from .models import AssignedLearner, Assignment, AssignmentEvent
from .permissions import user_can_assign_training
from .scope import AssignerScope, people_search, person_label, person_option
from .selectors import (
    assignment_for,
    assignment_learners,
    assignments_overview,
    learner_for,
    learner_history,
)

ASSIGNMENTS_PER_PAGE = 50
LEARNERS_PER_PAGE = 100


def _require_assigner(user) -> None:
    if not user_can_assign_training(user):
        raise PermissionDenied


def _learner_or_404(request, pk: int) -> AssignedLearner:
    _require_assigner(request.user)
    learner = learner_for(user=request.user, pk=pk)
    if learner is None:
        raise Http404
    return learner


def _back_to(learner: AssignedLearner):
    url = reverse("assignments:detail", args=[learner.assignment_id])
    return redirect(f"{url}#learner-{learner.pk}")


def _name(learner: AssignedLearner) -> str:
    employee = getattr(learner.user, "employee", None)
    return employee.display_name if employee else learner.user.get_username()


@login_required
def assign(request):
    _require_assigner(request.user)
    scope = AssignerScope(request.user)
    initial = {}
    if "employee" in request.GET:
        employee_id = request.GET["employee"]
        if not employee_id.isdigit():
            raise Http404
        person = get_object_or_404(scope.employees(), pk=employee_id)
        initial = {
            "target": Assignment.Target.EMPLOYEE,
            "target_employee": person.pk,
            "person": person_label(person),
        }
    form = AssignmentForm(
        request.POST if request.method == "POST" else None, scope=scope, initial=initial
    )
    if request.method == "POST":
        if form.is_valid():
            response = _create(request, form)
            if response is not None:
                return response
        else:
            messages.error(
                request, _("Nothing was assigned: correct the fields marked below.")
            )
    return render(request, "assignments/assign.html", {"form": form})


@never_cache
@login_required
@require_GET
def assign_people_search(request):
    """The assign form's person search: people in the user's scope, as JSON."""
    _require_assigner(request.user)
    people, more = people_search(
        scope=AssignerScope(request.user), query=request.GET.get("q", "")
    )
    return JsonResponse(
        {"results": [person_option(person) for person in people], "more": more}
    )


def _create(request, form: AssignmentForm):
    """Create the assignment (or find the one a double submit already made)."""
    duplicate = form.recent_duplicate(actor=request.user)
    if duplicate is not None:
        messages.warning(
            request,
            _(
                "You assigned %(course)s to the same people a moment ago, "
                "so nothing new was assigned."
            )
            % {"course": duplicate.item_title},
        )
        return redirect("assignments:detail", pk=duplicate.pk)
    try:
        expansion = services.assignment_create(
            actor=request.user, **form.assignment_kwargs()
        )
    except services.AssignmentError as error:
        messages.error(request, str(error))
        return None
    assignment, added = expansion.assignment, expansion.added
    if not added:
        messages.warning(
            request,
            _(
                "Assigned %(course)s to nobody yet: no one is in that group today. "
                "People who join it will be assigned."
            )
            % {"course": assignment.item_title},
        )
        return redirect("assignments:list")
    messages.success(
        request,
        ngettext(
            "Assigned %(course)s to %(count)d person",
            "Assigned %(course)s to %(count)d people",
            added,
        )
        % {"course": assignment.item_title, "count": added},
    )
    return redirect("assignments:detail", pk=assignment.pk)


@login_required
def assignment_list(request):
    _require_assigner(request.user)
    rows = assignments_overview(user=request.user)
    page = Paginator(rows, ASSIGNMENTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "assignments/list.html", {"page_obj": page})


@login_required
def assignment_detail(request, pk: int):
    _require_assigner(request.user)
    assignment = assignment_for(user=request.user, pk=pk)
    if assignment is None:
        raise Http404
    status = request.GET.get("status", "")
    if status not in AssignedLearner.Status.values:
        status = ""
    learners = assignment_learners(
        user=request.user, assignment=assignment, status=status
    )
    page = Paginator(learners, LEARNERS_PER_PAGE).get_page(request.GET.get("page"))
    # Each row shows its history: one query for the whole page.
    prefetch_related_objects(
        page.object_list,
        Prefetch("events", queryset=AssignmentEvent.objects.select_related("actor")),
    )
    return render(
        request,
        "assignments/detail.html",
        {
            "assignment": assignment,
            "page_obj": page,
            "status": status,
            "statuses": AssignedLearner.Status.choices,
        },
    )


@login_required
def extend(request, pk: int):
    learner = _learner_or_404(request, pk)
    form = ExtendForm(
        request.POST if request.method == "POST" else None, current=learner.due_on
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.learner_extend(
                learner=learner,
                actor=request.user,
                due_on=form.cleaned_data["due_on"],
                reason=form.cleaned_data["reason"],
            )
        except services.AssignmentError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("%(person)s is now due on %(date)s.")
                % {"person": _name(learner), "date": learner.due_on.isoformat()},
            )
            return _back_to(learner)
    return _learner_form(request, learner, form, title=_("Extend the due date"))


@login_required
def exempt(request, pk: int):
    learner = _learner_or_404(request, pk)
    form = ExemptForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.learner_exempt(
                learner=learner, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except services.AssignmentError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("%(person)s is exempt from %(course)s.")
                % {
                    "person": _name(learner),
                    "course": learner.assignment.item_title,
                },
            )
            return _back_to(learner)
    return _learner_form(request, learner, form, title=_("Exempt from this training"))


def _learner_form(request, learner: AssignedLearner, form, *, title: str):
    return render(
        request,
        "assignments/learner_form.html",
        {
            "learner": learner,
            "person": _name(learner),
            "history": learner_history(learner=learner),
            "form": form,
            "title": title,
        },
    )


@require_POST
@login_required
def exemption_lift(request, pk: int):
    learner = _learner_or_404(request, pk)
    services.learner_exemption_lift(
        learner=learner, actor=request.user, reason=request.POST.get("reason", "")
    )
    messages.success(
        request,
        _("%(person)s is no longer exempt: they are due on %(date)s.")
        % {"person": _name(learner), "date": learner.due_on.isoformat()},
    )
    return _back_to(learner)
