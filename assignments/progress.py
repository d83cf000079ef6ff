"""Following progress: learners' assigned training mirrors their enrolments.

Called when an assignment gives people a course they have started or
completed (`services`), and when a learner starts or completes one
(`signal_handlers`, answering `courses.signals.enrolment_progressed`).
"""

from collections.abc import Sequence
from datetime import date, datetime

from django.db.models import Q
from django.utils import timezone

from courses.dates import add_months
from courses.models import CoursePage, Enrolment, LearningPathCourse

from .models import AssignedLearner, Assignment
from .tallies import tallies_recount


def completion_expiry(
    completed_at: datetime, validity_months: int | None
) -> date | None:
    """When a completion stops counting under the course's validity (None: never)."""
    if not validity_months:
        return None
    return add_months(timezone.localdate(completed_at), validity_months)


_PROGRESS = ["started_at", "completed_at", "completed_on", "expires_on"]


def learners_progress_sync(
    *, assignment: Assignment, user_ids: Sequence[int], course_ids: Sequence[int]
) -> None:
    """Copy the enrolments' started and completed times onto these learners (3 queries)."""
    if not course_ids:
        return
    validity = dict(
        CoursePage.objects.filter(pk__in=course_ids).values_list(
            "pk", "validity_months"
        )
    )
    progress: dict[int, dict[int, tuple]] = {}
    for user_id, course_id, started_at, completed_at in Enrolment.objects.filter(
        user_id__in=user_ids, course_id__in=course_ids
    ).values_list("user_id", "course_id", "started_at", "completed_at"):
        progress.setdefault(user_id, {})[course_id] = (started_at, completed_at)
    changed = []
    for learner in AssignedLearner.objects.filter(
        assignment=assignment, user_id__in=list(progress)
    ).only("pk", "user_id", *_PROGRESS):
        by_course = progress[learner.user_id]
        started = [s for s, _c in by_course.values() if s]
        done = [by_course.get(cid, (None, None))[1] for cid in course_ids]
        completed_at = max(done) if all(done) else None
        expiries = [
            completion_expiry(c, validity.get(cid))
            for cid, c in zip(course_ids, done, strict=True)
            if c
        ]
        expires_on = min((e for e in expiries if e), default=None)
        completed_on = timezone.localdate(completed_at) if completed_at else None
        values = (min(started, default=None), completed_at, completed_on, expires_on)
        if values != tuple(getattr(learner, name) for name in _PROGRESS):
            for name, value in zip(_PROGRESS, values, strict=True):
                setattr(learner, name, value)
            changed.append(learner)
    AssignedLearner.objects.bulk_update(changed, _PROGRESS, batch_size=500)


def learner_progress_sync(*, user_id: int, course_id: int) -> None:
    """An enrolment started or completed: update every assignment that includes it."""
    path_ids = LearningPathCourse.objects.filter(course_id=course_id).values("path_id")
    assignments = Assignment.objects.filter(learners__user_id=user_id).filter(
        Q(course_id=course_id) | Q(learning_path_id__in=path_ids)
    )
    touched = []
    for assignment in assignments.distinct():
        learners_progress_sync(
            assignment=assignment,
            user_ids=[user_id],
            course_ids=assignment.course_ids(),
        )
        touched.append(assignment.pk)
    if touched:
        tallies_recount(assignment_ids=touched, user_ids=[user_id])
