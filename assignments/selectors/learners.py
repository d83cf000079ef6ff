"""One person's assignments, and the assignments covering a manager's people."""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Min, QuerySet
from django.utils import timezone

from courses.models import LearningPathCourse
from people.selectors import (
    employee_scope_for_user,
)

from ..models import AssignedLearner, Assignment
from .figures import Status, status_counts

# Open work first (most urgent on top), then exempt, then done.
_STATUS_ORDER = {
    Status.OVERDUE: 0,
    Status.DUE_SOON: 1,
    Status.IN_PROGRESS: 2,
    Status.NOT_STARTED: 3,
    Status.EXEMPT: 4,
    Status.COMPLETED: 5,
}


def learner_rows(*, user: AbstractBaseUser, today: date | None = None) -> list:
    """One person's assignments with their status: open ones first, by due date."""
    rows = list(
        AssignedLearner.objects.filter(user=user, assignment__is_active=True)
        .with_status(today=today)
        .select_related("assignment__course", "assignment__learning_path")
        .order_by("due_on", "pk")
    )
    rows.sort(key=lambda row: _STATUS_ORDER[row.status])
    return rows


def due_dates_for(
    *, user: AbstractBaseUser, course_ids: list[int] | None = None
) -> dict[int, date]:
    """{course id: the earliest date it is due} for this person's open assignments.

    A learning path's due date applies to each of its courses. Two queries.
    """
    if not user.is_authenticated:
        return {}
    open_rows = AssignedLearner.objects.open().filter(
        user=user, assignment__is_active=True
    )
    due: dict[int, date] = {}
    for course_id, path_id, due_on in open_rows.values_list(
        "assignment__course_id", "assignment__learning_path_id", "due_on"
    ):
        if course_id:
            due[course_id] = min(due.get(course_id, due_on), due_on)
        else:
            due.setdefault(-path_id, due_on)
            due[-path_id] = min(due[-path_id], due_on)
    path_due = {-key: value for key, value in due.items() if key < 0}
    if path_due:
        for path_id, course_id in LearningPathCourse.objects.filter(
            path_id__in=path_due
        ).values_list("path_id", "course_id"):
            due[course_id] = min(
                due.get(course_id, path_due[path_id]), path_due[path_id]
            )
    due = {key: value for key, value in due.items() if key > 0}
    if course_ids is not None:
        due = {key: value for key, value in due.items() if key in set(course_ids)}
    return due


def _scoped_learners(*, user: AbstractBaseUser) -> QuerySet[AssignedLearner]:
    """Assigned learners the user may see: people in scope, never themselves."""
    scope = employee_scope_for_user(user=user).filter(is_active=True)
    own = getattr(user, "employee", None)
    if own is not None:
        scope = scope.exclude(pk=own.pk)
    return AssignedLearner.objects.filter(
        user_id__in=scope.values("user_id"), assignment__is_active=True
    )


def _counts(today: date) -> dict:
    return {"total": Count("pk"), **status_counts(today)}


def assignments_overview(
    *, user: AbstractBaseUser, today: date | None = None
) -> list[tuple[Assignment, dict]]:
    """Assignments covering anyone in the user's scope, with counts over those people only.

    Two queries whatever the number of assignments or people.
    """
    today = today or timezone.localdate()
    counts = {
        row.pop("assignment"): row
        for row in _scoped_learners(user=user)
        .values("assignment")
        .annotate(**_counts(today), next_due=Min("due_on"))
        .order_by()
    }
    assignments = Assignment.objects.filter(pk__in=list(counts)).select_related(
        "course",
        "learning_path",
        "target_employee",
        "target_unit",
        "target_role",
        "created_by",
    )
    return [(assignment, counts[assignment.pk]) for assignment in assignments]


def assignment_for(*, user: AbstractBaseUser, pk: int) -> Assignment | None:
    """One assignment, if it covers someone in the user's scope (else None: a 404)."""
    if not _scoped_learners(user=user).filter(assignment_id=pk).exists():
        return None
    return (
        Assignment.objects.select_related(
            "course", "learning_path", "target_employee", "target_unit", "target_role"
        )
        .filter(pk=pk)
        .first()
    )


def assignment_learners(
    *,
    user: AbstractBaseUser,
    assignment: Assignment,
    status: str = "",
    today: date | None = None,
) -> list[AssignedLearner]:
    """The people in the user's scope under one assignment, with status; 2 queries."""
    rows = (
        _scoped_learners(user=user)
        .filter(assignment=assignment)
        .with_status(today=today)
        .select_related("user__employee__org_unit")
        .order_by("due_on", "user__employee__last_name", "user__employee__first_name")
    )
    if status:
        rows = rows.filter(status=status)
    return list(rows)


def learner_for(*, user: AbstractBaseUser, pk: int) -> AssignedLearner | None:
    """One assigned learner the user may extend or exempt (in scope, not themselves)."""
    return (
        _scoped_learners(user=user)
        .select_related(
            "assignment__course", "assignment__learning_path", "user__employee"
        )
        .filter(pk=pk)
        .first()
    )


def learner_history(*, learner: AssignedLearner) -> list:
    return list(learner.events.select_related("actor"))
