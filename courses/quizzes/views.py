"""Knowledge-check views. An attempt belongs to its learner: anyone else gets 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ..models import ModulePage, QuizAttempt
from .forms import AttemptForm
from .selectors import attempt_result, saved_responses, submit_warning
from .services import QuizError, answers_save, attempt_start, attempt_submit


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


@never_cache  # so Back after submitting asks again, and is sent to the result
@login_required
def attempt_page(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id)
    if attempt.is_finished:
        return redirect("courses:attempt-result", attempt_id=attempt.pk)
    module = get_object_or_404(ModulePage, pk=attempt.module_id)
    saved = saved_responses(attempt=attempt)
    warning = (
        submit_warning(attempt=attempt, module=module, responses=saved)
        if request.GET.get("check") == "unanswered"
        else None
    )
    return render(
        request,
        "courses/quizzes/attempt.html",
        {
            "attempt": attempt,
            "module": module,
            "form": AttemptForm(attempt=attempt, saved=saved),
            "warning": warning,
            "submit_url": reverse("courses:attempt-submit", args=[attempt.pk]),
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
    """Grade the attempt; with questions unanswered, keep the answers and ask first."""
    attempt = _own_attempt(request, attempt_id)
    responses = AttemptForm(request.POST, attempt=attempt, saved={}).responses()
    if not request.POST.get("confirm"):
        module = get_object_or_404(ModulePage, pk=attempt.module_id)
        if submit_warning(attempt=attempt, module=module, responses=responses):
            try:
                answers_save(attempt=attempt, responses=responses)
            except QuizError:
                pass  # finished or closed meanwhile: submitting returns its result
            else:
                # A redirect, so Back and reload never resend the answers.
                url = reverse("courses:attempt", args=[attempt.pk])
                return redirect(f"{url}?check=unanswered#unanswered")
    attempt = attempt_submit(attempt=attempt, responses=responses)
    return redirect("courses:attempt-result", attempt_id=attempt.pk)


@login_required
def result(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id)
    if not attempt.is_finished:
        raise Http404
    module = get_object_or_404(ModulePage, pk=attempt.module_id)
    return render(
        request,
        "courses/quizzes/attempt_result.html",
        {
            "attempt": attempt,
            "module": module,
            **attempt_result(attempt=attempt, module=module),
        },
    )
