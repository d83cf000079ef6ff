"""Every change to a learner's progress. Idempotent: repeating an action changes nothing."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from lib.errors import DomainError

from .models import CoursePage, Enrolment, ModuleCompletion, ModulePage
from .signals import course_completed, enrolment_progressed


class CourseError(DomainError):
    """A learner action that cannot happen; `code` says which (tests assert on it)."""


def enrolment_create(
    *, user: AbstractBaseUser, course: CoursePage, source: str = Enrolment.Source.SELF
) -> Enrolment:
    """Enrol `user` on `course`, or return the enrolment they already have."""
    if not course.live:
        raise CourseError("This course is not published.", code="course_not_live")
    try:
        with transaction.atomic():
            enrolment, _ = Enrolment.objects.get_or_create(
                user=user, course=course, defaults={"source": source}
            )
    except IntegrityError:
        # Someone else's request created it between our get and our create.
        enrolment = Enrolment.objects.get(user=user, course=course)
    return enrolment


def enrolment_visit(*, enrolment: Enrolment, module: ModulePage) -> None:
    """Remember where the learner is, so the course resumes there. One UPDATE, or none."""
    if enrolment.started_at is not None and enrolment.last_module_id == module.pk:
        return
    Enrolment.objects.filter(pk=enrolment.pk).update(
        started_at=Coalesce(F("started_at"), Value(timezone.now())),
        last_module_id=module.pk,
    )
    enrolment.last_module_id = module.pk
    if enrolment.started_at is None:
        # First visit: whatever follows this course's progress hears of it.
        _announce_progress(enrolment)


def _announce_progress(enrolment: Enrolment) -> None:
    enrolment_progressed.send(
        sender=Enrolment, user_id=enrolment.user_id, course_id=enrolment.course_id
    )


def _required_modules(course: CoursePage) -> list[tuple[int, str]]:
    return list(
        ModulePage.objects.live()
        .child_of(course)
        .filter(is_required=True)
        .values_list("pk", "title")
    )


def completion_evaluate(*, enrolment: Enrolment) -> bool:
    """Complete the enrolment if every required module is done; True if this call did it.

    The conditional UPDATE is the guard: under any number of simultaneous calls
    exactly one sees `completed_at IS NULL` and wins, and only the winner
    announces `course_completed` (after commit, so listeners see the row).
    """
    if enrolment.completed_at is not None:
        return False
    course = CoursePage.objects.get(pk=enrolment.course_id)
    required = _required_modules(course)
    done = set(enrolment.completions.values_list("module_id", flat=True))
    if not {pk for pk, _title in required} <= done or not done:
        return False
    now = timezone.now()
    snapshot = {
        "course_title": course.title,
        "required_modules": [{"id": pk, "title": title} for pk, title in required],
    }
    won = Enrolment.objects.filter(pk=enrolment.pk, completed_at__isnull=True).update(
        completed_at=now, completion_snapshot=snapshot
    )
    if not won:
        return False
    enrolment.completed_at = now
    enrolment.completion_snapshot = snapshot
    _announce_progress(enrolment)
    transaction.on_commit(
        lambda: course_completed.send(sender=Enrolment, enrolment=enrolment)
    )
    return True


@transaction.atomic
def module_complete(
    *,
    user: AbstractBaseUser,
    module: ModulePage,
    via_quiz: bool = False,
    via_package: bool = False,
) -> Enrolment:
    """Mark `module` done for `user` (enrolling them if needed) and evaluate completion.

    A module with a knowledge check is completed only by passing it
    (`via_quiz=True` from the quiz service), one with an e-learning package only
    by the package reporting it (`via_package=True` from packages.tracking);
    never by a button.
    """
    if not module.live:
        raise CourseError("This module is not published.", code="module_not_live")
    if module.has_quiz and not via_quiz:
        raise CourseError(
            "Pass the knowledge check to complete this module.", code="quiz_required"
        )
    if module.has_package and not via_package:
        raise CourseError(
            "Finish the e-learning package to complete this module.",
            code="package_required",
        )
    course = (
        CoursePage.objects.live()
        .filter(Q(path=module.path[: -ModulePage.steplen]))
        .first()
    )
    if course is None:
        raise CourseError(
            "This module's course is not published.", code="course_not_live"
        )
    enrolment = enrolment_create(user=user, course=course)
    try:
        with transaction.atomic():
            ModuleCompletion.objects.get_or_create(enrolment=enrolment, module=module)
    except IntegrityError:
        pass  # a simultaneous request recorded it: the outcome is the same
    enrolment_visit(enrolment=enrolment, module=module)
    enrolment.refresh_from_db()
    completion_evaluate(enrolment=enrolment)
    return enrolment
