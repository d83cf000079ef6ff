"""Knowledge-check views. An attempt belongs to its learner: anyone else gets 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from .models import ModulePage, QuizAttempt
from .quiz_forms import AttemptForm
from .quiz_selectors import attempt_result, saved_responses
from .quiz_services import QuizError, answers_save, attempt_start, attempt_submit


def _own_attempt(request, attempt_id: int) -> QuizAttempt:
    return get_object_or_404(QuizAttempt, pk=attempt_id, user=request.user)


@require_POST
@login_required
def start(request, module_id: int):
    module = get_object_or_404(ModulePage.objects.live(), pk=module_id)
    try:
        attempt = attempt_start(user=request.user, module=module)
    except QuizError as error:
        messages.error(request, str(error))
        return redirect(module.url)
    return redirect("courses:attempt", attempt_id=attempt.pk)


@login_required
def attempt_page(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id)
    if attempt.is_finished:
        return redirect("courses:attempt-result", attempt_id=attempt.pk)
    module = get_object_or_404(ModulePage, pk=attempt.module_id)
    form = AttemptForm(attempt=attempt, saved=saved_responses(attempt=attempt))
    form.helper.form_action = reverse("courses:attempt-submit", args=[attempt.pk])
    return render(
        request,
        "courses/attempt.html",
        {
            "attempt": attempt,
            "module": module,
            "form": form,
            "save_url": reverse("courses:attempt-save", args=[attempt.pk]),
            "seconds_left": int((attempt.deadline - timezone.now()).total_seconds())
            if attempt.deadline
            else None,
        },
    )


@require_POST
@login_required
def save(request, attempt_id: int):
    """Autosave: stores answers and says when. Never says whether they are right."""
    attempt = _own_attempt(request, attempt_id)
    form = AttemptForm(request.POST, attempt=attempt, saved={})
    try:
        count = answers_save(attempt=attempt, responses=form.responses())
    except QuizError as error:
        return JsonResponse(
            {"saved": False, "code": error.code, "message": str(error)}, status=409
        )
    return JsonResponse(
        {
            "saved": True,
            "answers": count,
            "saved_at": timezone.localtime().strftime("%H:%M:%S"),
        }
    )


@require_POST
@login_required
def submit(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id)
    form = AttemptForm(request.POST, attempt=attempt, saved={})
    attempt = attempt_submit(attempt=attempt, responses=form.responses())
    return redirect("courses:attempt-result", attempt_id=attempt.pk)


@login_required
def result(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id)
    if not attempt.is_finished:
        raise Http404
    module = get_object_or_404(ModulePage, pk=attempt.module_id)
    return render(
        request,
        "courses/attempt_result.html",
        {
            "attempt": attempt,
            "module": module,
            **attempt_result(attempt=attempt, module=module),
        },
    )
