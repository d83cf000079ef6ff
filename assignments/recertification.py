"""Recertification: a completion that expires re-opens the assignment before it does."""

from datetime import date, timedelta

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from courses.models import CoursePage, Enrolment, ModuleCompletion, PastCompletion

from .models import AssignedLearner, AssignmentEvent
from .progress import completion_expiry
from .tallies import tallies_recount


def assignments_recertify(
    *, today: date | None = None, learners: QuerySet | None = None
) -> int:
    """Re-open every completion that enters its course's recertification window.

    The learner is due again on the expiry date; their enrolments re-open (the
    earlier completion is kept as a `PastCompletion`, and its certificate stays
    until the new completion supersedes it); reminders start again because the
    cycle changes. Returns how many learners re-opened.
    """
    today = today or timezone.localdate()
    learners = learners if learners is not None else AssignedLearner.objects.all()
    # {course id: (validity months, window days)} for every course that expires.
    rules = {
        pk: (validity, window)
        for pk, validity, window in CoursePage.objects.filter(
            validity_months__isnull=False
        ).values_list("pk", "validity_months", "recertification_window_days")
    }
    windows = {pk: window for pk, (_validity, window) in rules.items()}
    if not windows:
        return 0
    # The widest window bounds the search; each row is then checked exactly.
    candidates = list(
        learners.filter(
            completed_at__isnull=False,
            expires_on__isnull=False,
            expires_on__lte=today + timedelta(days=max(windows.values())),
        ).select_related("assignment")
    )
    reopened: list[AssignedLearner] = []
    course_ids_by_assignment: dict[int, list[int]] = {}
    for learner in candidates:
        if learner.assignment_id not in course_ids_by_assignment:
            course_ids_by_assignment[learner.assignment_id] = (
                learner.assignment.course_ids()
            )
        course_ids = course_ids_by_assignment[learner.assignment_id]
        window = max((windows.get(cid, 0) for cid in course_ids), default=0)
        if learner.expires_on - timedelta(days=window) <= today:
            _reopen(learner=learner, course_ids=course_ids, rules=rules, today=today)
            reopened.append(learner)
    if reopened:
        tallies_recount(
            assignment_ids={learner.assignment_id for learner in reopened},
            user_ids={learner.user_id for learner in reopened},
        )
    return len(reopened)


@transaction.atomic
def _reopen(
    *, learner: AssignedLearner, course_ids: list[int], rules: dict, today: date
) -> None:
    now = timezone.now()
    expired_on = learner.expires_on
    # Due again at expiry; someone newly assigned keeps their own later date.
    due_on = max(expired_on, learner.due_on)
    for enrolment in Enrolment.objects.select_for_update().filter(
        user_id=learner.user_id, course_id__in=course_ids, completed_at__isnull=False
    ):
        if enrolment.course_id not in rules:
            continue  # this course's completion does not expire
        validity, window = rules[enrolment.course_id]
        expires_on = completion_expiry(enrolment.completed_at, validity)
        if expires_on - timedelta(days=window) > today:
            continue
        PastCompletion.objects.get_or_create(
            enrolment=enrolment,
            completed_at=enrolment.completed_at,
            defaults={
                "expires_on": expires_on,
                "completion_snapshot": enrolment.completion_snapshot,
            },
        )
        ModuleCompletion.objects.filter(enrolment=enrolment).delete()
        Enrolment.objects.filter(pk=enrolment.pk).update(
            completed_at=None,
            started_at=None,
            completion_snapshot={},
            cycle_started_at=now,
        )
    AssignedLearner.objects.filter(pk=learner.pk).update(
        completed_at=None,
        completed_on=None,
        started_at=None,
        expires_on=None,
        due_on=due_on,
        original_due_on=due_on,
        cycle=learner.cycle + 1,
    )
    AssignmentEvent.objects.create(
        learner=learner,
        kind=AssignmentEvent.Kind.REOPENED,
        reason=f"Completion expires on {expired_on.isoformat()}.",
        old_due_on=learner.due_on,
        new_due_on=due_on,
    )
