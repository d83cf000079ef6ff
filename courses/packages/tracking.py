"""A learner's attempts at a package module: launch, resume, commit, complete.

scorm-again (the runtime in the learner's browser) sends the whole CMI tree at
every commit; `commit_apply` keeps the newest one, reads the statuses and the
score the module's rule needs, and completes the module through
`courses.services.module_complete`, so course completion, certificates, skills
evidence and mandatory training follow exactly as for our own modules.
"""

import logging
import secrets

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import ModulePage, PackageAttempt
from ..services import CourseError, module_complete
from .archive import SCORM12
from .xapi import scorm_statement, statement_record

logger = logging.getLogger(__name__)

# SCORM 1.2 folds completion and success into one lesson_status.
_SCORM12_COMPLETED = {"completed", "passed"}


class PackageError(CourseError):
    pass


def attempt_launch(*, user: AbstractBaseUser, module: ModulePage) -> PackageAttempt:
    """The attempt to play: the unfinished one resumed, else a new one; a new token.

    The token changes at every launch, so a page left open elsewhere stops
    saving (its commits are refused) instead of overwriting this one.
    """
    if not module.live or module.package_id is None:
        raise PackageError("This module has no package to play.", code="no_package")
    for _retry in range(3):
        latest = (
            PackageAttempt.objects.filter(user=user, module=module)
            .order_by("-number")
            .first()
        )
        token = secrets.token_urlsafe(32)
        resumable = (
            latest is not None
            and latest.completed_at is None
            # A trainer may point the module at a new version: its attempts
            # start afresh, on the new package's files.
            and latest.package_id == module.package_id
        )
        if resumable:
            PackageAttempt.objects.filter(pk=latest.pk).update(
                token=token, previous_token=latest.token, auth_token_sha256=""
            )
            latest.previous_token, latest.token = latest.token, token
            latest.auth_token_sha256 = ""
            return latest
        try:
            with transaction.atomic():
                return PackageAttempt.objects.create(
                    user=user,
                    module=module,
                    package_id=module.package_id,
                    number=latest.number + 1 if latest else 1,
                    token=token,
                )
        except IntegrityError:
            continue  # a simultaneous launch made it: resume that one
    raise PackageError("Could not start the package; try again.", code="busy")


def runtime_data(attempt: PackageAttempt) -> dict:
    """What the runtime loads before the package starts (scorm-again's loadFromJSON)."""
    user = attempt.user
    employee = getattr(user, "employee", None)
    learner_id = employee.employee_number if employee else user.get_username()
    learner_name = (
        f"{employee.last_name}, {employee.first_name}"
        if employee
        else user.get_full_name() or user.get_username()
    )
    saved = attempt.cmi or {}
    package = attempt.package
    if package.standard == SCORM12:
        core = saved.get("core", {})
        resume = bool(saved.get("suspend_data") or core.get("lesson_location"))
        data = {
            "core": {
                "student_id": learner_id,
                "student_name": learner_name,
                "lesson_location": core.get("lesson_location", ""),
                "lesson_status": core.get("lesson_status") or "not attempted",
                "entry": "resume" if resume else "ab-initio",
                "credit": "credit",
                "lesson_mode": "normal",
            },
            "suspend_data": saved.get("suspend_data", ""),
            "launch_data": package.launch_parameters,
        }
        if package.mastery_score is not None:
            data["student_data"] = {
                "mastery_score": str(round(package.mastery_score * 100))
            }
        return data
    resume = bool(saved.get("suspend_data") or saved.get("location"))
    data = {
        "learner_id": learner_id,
        "learner_name": learner_name,
        "location": saved.get("location", ""),
        "suspend_data": saved.get("suspend_data", ""),
        "completion_status": saved.get("completion_status") or "unknown",
        "success_status": saved.get("success_status") or "unknown",
        "entry": "resume" if resume else "ab-initio",
        "credit": "credit",
        "mode": "normal",
        "launch_data": package.launch_parameters,
    }
    if package.mastery_score is not None:
        data["scaled_passing_score"] = str(package.mastery_score)
    return data


def commit_apply(
    *, attempt_id: int, user: AbstractBaseUser, sequence: int, cmi: dict
) -> bool:
    """Keep `cmi` if it is newer than what the attempt holds; True if it was kept.

    Idempotent and ordered: a commit whose sequence is not above the last one
    applied (a retry, a late request, the final beacon after a later commit)
    changes nothing. Completing the module follows the module's rule.
    """
    with transaction.atomic():
        attempt = (
            PackageAttempt.objects.select_for_update(of=("self",))
            .select_related("package", "module", "user__employee")
            .get(pk=attempt_id, user=user)
        )
        if sequence <= attempt.sequence:
            return False
        completion, success, score = _statuses(attempt.package.standard, cmi)
        attempt.sequence = sequence
        attempt.cmi = cmi
        progress_apply(
            attempt=attempt, completion=completion, success=success, score=score
        )
    return True


def progress_apply(
    *,
    attempt: PackageAttempt,
    completion: str,
    success: str,
    score: float | None,
    statements: bool = True,
) -> None:
    """Save what the package reported; complete the module when its rule is met.

    Called inside the transaction that locked `attempt`. For SCORM, each change
    of status is also kept as the xAPI statement it means (a cmi5 package sends
    its own, so `statements` is False for it).
    """
    verbs = []
    if completion == "completed" and attempt.completion_status != "completed":
        verbs.append("completed")
    if success in ("passed", "failed") and success != attempt.success_status:
        verbs.append(success)
    attempt.completion_status = completion or attempt.completion_status
    attempt.success_status = success or attempt.success_status
    attempt.score_scaled = score if score is not None else attempt.score_scaled
    attempt.committed_at = timezone.now()
    newly_done = attempt.completed_at is None and rule_met(
        attempt.module.package_rule,
        completion=attempt.completion_status,
        success=attempt.success_status,
    )
    if newly_done:
        attempt.completed_at = attempt.committed_at
    attempt.save()
    if statements:
        for verb in verbs:
            statement_record(
                attempt=attempt,
                statement=scorm_statement(attempt, verb, score=attempt.score_scaled),
            )
    if newly_done:
        try:
            with transaction.atomic():
                module_complete(
                    user=attempt.user, module=attempt.module, via_package=True
                )
        except CourseError as error:
            # The course was unpublished or moved mid-attempt: the attempt keeps
            # what the package said; the module completes if it is played again.
            logger.warning(
                "Package attempt %s met its rule but the module could not complete: %s",
                attempt.pk,
                error,
            )


def rule_met(rule: str, *, completion: str, success: str) -> bool:
    completed = completion == "completed"
    passed = success == "passed"
    if rule == ModulePage.PackageRule.COMPLETED:
        return completed
    if rule == ModulePage.PackageRule.PASSED:
        return passed
    return completed or passed


def _statuses(standard: str, cmi: dict) -> tuple[str, str, float | None]:
    """(completion_status, success_status, scaled score) in SCORM 2004's terms."""
    if standard == SCORM12:
        core = cmi.get("core") or {}
        status = str(core.get("lesson_status") or "")
        completion = "completed" if status in _SCORM12_COMPLETED else status
        success = status if status in ("passed", "failed") else "unknown"
        score = core.get("score") or {}
        return completion, success, _scaled12(score)
    score = cmi.get("score") or {}
    return (
        str(cmi.get("completion_status") or ""),
        str(cmi.get("success_status") or ""),
        _number(score.get("scaled")),
    )


def _scaled12(score: dict) -> float | None:
    raw, low, high = (_number(score.get(k)) for k in ("raw", "min", "max"))
    if raw is None:
        return None
    low = 0 if low is None else low
    high = 100 if high is None else high
    if high <= low:
        return None
    return max(0.0, min(1.0, (raw - low) / (high - low)))


def _number(value) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None
