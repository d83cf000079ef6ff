"""Skills on the site: *My skills*, rating oneself, and a manager's reviews."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from people.models import Employee

from . import selectors, services
from .forms import ReviewForm, SelfAssessmentForm
from .models import SelfAssessment
from .permissions import user_can_assess_own_skills, user_can_view_skill_reviews

REVIEWS_PER_PAGE = 50


def _own_employee(request) -> Employee:
    if not user_can_assess_own_skills(request.user):
        raise PermissionDenied
    return request.user.employee


@login_required
def my_skills(request):
    employee = getattr(request.user, "employee", None)
    if employee is None or not employee.is_active:
        return render(request, "skills/my_skills.html", {"employee": None})
    context = selectors.my_skills(employee=employee)
    return render(request, "skills/my_skills.html", context)


@login_required
def self_assessment(request):
    employee = _own_employee(request)
    # Reading the page writes nothing; the draft is created by the first save.
    draft = selectors.open_self_assessment(employee=employee) or SelfAssessment(
        employee=employee
    )
    if draft.status == SelfAssessment.Status.SUBMITTED:
        return render(
            request,
            "skills/self_assessment_submitted.html",
            {
                "self_assessment": draft,
                "items": selectors.review_items(self_assessment=draft),
            },
        )
    framework = selectors.framework_for_assessment(employee=employee, draft=draft)
    form = SelfAssessmentForm(
        request.POST if request.method == "POST" else None,
        ratings=draft.ratings,
        **framework,
    )
    if request.method == "POST" and form.is_valid():
        if draft.pk is None:
            draft = services.self_assessment_open(employee=employee)
        try:
            services.self_assessment_save(
                self_assessment=draft, ratings=form.ratings(), submit=form.is_submit
            )
        except services.SkillsError as error:
            messages.error(request, str(error))
            return redirect("skills:self-assessment")
        if form.is_submit:
            messages.success(
                request, _("Self-assessment submitted. Your manager will review it.")
            )
            return redirect("skills:my-skills")
        if form.is_add and form.cleaned_data.get("add_skill") is None:
            messages.info(request, _("Draft saved. Choose a skill to add it."))
        else:
            messages.success(
                request,
                _("Skill added: rate it below.") if form.is_add else _("Draft saved."),
            )
        return redirect("skills:self-assessment")
    return render(
        request,
        "skills/self_assessment.html",
        {"form": form, "draft": draft, **framework},
    )


@require_POST
@login_required
def notice_dismiss(request, pk: int):
    services.review_notice_dismiss(
        employee=_own_employee(request), self_assessment_id=pk
    )
    return redirect("skills:my-skills")


@login_required
def review_list(request):
    if not user_can_view_skill_reviews(request.user):
        raise PermissionDenied
    page = Paginator(
        selectors.review_queue_for(user=request.user), REVIEWS_PER_PAGE
    ).get_page(request.GET.get("page"))
    return render(request, "skills/review_list.html", {"page_obj": page})


@login_required
def review(request, pk: int):
    found = selectors.review_for(user=request.user, pk=pk)
    if found is None:
        raise Http404
    items = selectors.review_items(self_assessment=found)
    context = {"self_assessment": found, "employee": found.employee, "items": items}
    if found.status != SelfAssessment.Status.SUBMITTED:
        return render(request, "skills/review_done.html", context)
    form = ReviewForm(
        request.POST if request.method == "POST" else None,
        items=items,
        employee_name=found.employee.display_name,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.self_assessment_review(
                self_assessment=found, reviewer=request.user, decisions=form.decisions()
            )
        except services.SkillsError as error:
            messages.error(request, str(error))
            return redirect("skills:review", pk=found.pk)
        messages.success(
            request,
            _("Review saved. %(person)s has been told.")
            % {"person": found.employee.display_name},
        )
        return redirect("skills:review-list")
    return render(request, "skills/review.html", {**context, "form": form})
