"""Reads about mandatory training, already scoped to the asking user."""

from collections.abc import Collection, Sequence
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, F, Min, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from courses.models import LearningPathCourse
from people.selectors import (
    division_name,
    division_path,
    employee_scope_for_user,
    org_unit_subtree_ids,
)

from .models import AssignedLearner, Assignment, AssignmentTally, status_conditions

Status = AssignedLearner.Status
# The statuses a training report counts, in its column order; exempt people
# are left out of the reports (`AssignedLearner.objects.counted()`), so these
# add up to "assigned".
REPORT_STATUSES = tuple(
    status.value
    for status in (
        Status.COMPLETED,
        Status.IN_PROGRESS,
        Status.NOT_STARTED,
        Status.DUE_SOON,
        Status.OVERDUE,
    )
)
# The figures every training report shows, counted over `AssignedLearner.objects.counted()`.
TRAINING_FIGURES = ("assigned", *REPORT_STATUSES, "on_time")
# Completed by the due date (both local dates): a plain column comparison.
ON_TIME = Q(completed_on__isnull=False, completed_on__lte=F("due_on"))


def status_counts(
    today: date, *, statuses: Sequence[str] = tuple(Status.values)
) -> dict:
    """One aggregate per status, from the model's own status conditions.

    Counted over due_on (never null) rather than the id, so that SQLite
    answers from the covering index `assignedlearner_report` alone.
    """
    conditions = status_conditions(today)
    return {status: Count("due_on", filter=conditions[status]) for status in statuses}


def training_counts(today: date) -> dict:
    """`TRAINING_FIGURES` as aggregates: assigned, one per status, and on time."""
    return {
        "assigned": Count("due_on"),
        **status_counts(today, statuses=REPORT_STATUSES),
        "on_time": Count("due_on", filter=ON_TIME),
    }


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


# --- what the team reports count, for people the caller has already scoped ------


def learners_of(*, users: QuerySet) -> QuerySet[AssignedLearner]:
    """The assigned learners among `users` (a queryset of user ids, already scoped)."""
    return AssignedLearner.objects.filter(user_id__in=users)


def training_counts_by_user(*, users: QuerySet, today: date) -> dict[int, dict]:
    """Assigned, completed and overdue per user id, over active assignments: one query."""
    figures = training_counts(today)
    return {
        row.pop("user_id"): row
        for row in AssignedLearner.objects.filter(
            user_id__in=users, assignment__is_active=True
        )
        .counted()
        .values("user_id")
        .annotate(**{key: figures[key] for key in ("assigned", "completed", "overdue")})
        .order_by()
    }


def training_summary(*, users: QuerySet, today: date) -> dict:
    """On time %, overdue assignments and overdue people among `users` (three queries)."""
    learners = AssignedLearner.objects.filter(
        user_id__in=users, assignment__is_active=True
    )
    # On time: of the assignments already decided (done, or past their due
    # date), the share completed by the due date. Exempt people do not count.
    decided = learners.counted().filter(
        Q(completed_on__isnull=False) | Q(due_on__lt=today)
    )
    totals = decided.aggregate(decided=Count("pk"), on_time=Count("pk", filter=ON_TIME))
    overdue = learners.overdue(today=today)
    return {
        "on_time_percent": round(100 * totals["on_time"] / totals["decided"])
        if totals["decided"]
        else None,
        "overdue": overdue.count(),
        "overdue_people": overdue.values("user_id").distinct().count(),
    }


def _counted_active(
    learners: QuerySet[AssignedLearner], assignment_id: int | None
) -> QuerySet[AssignedLearner]:
    learners = learners.filter(assignment__is_active=True).counted()
    if assignment_id is not None:
        learners = learners.filter(assignment_id=assignment_id)
    return learners


def training_counts_by(
    *,
    learners: QuerySet[AssignedLearner],
    group: str,
    today: date,
    assignment_id: int | None = None,
) -> list[dict]:
    """`TRAINING_FIGURES` per `group` value over active assignments (or one): one query."""
    return list(
        _counted_active(learners, assignment_id)
        .values(group)
        .annotate(**training_counts(today))
        .order_by()
    )


def completions_by_month(
    *, learners: QuerySet[AssignedLearner], assignment_id: int | None = None
) -> list[tuple]:
    """(month, completions) over active assignments (or one), oldest first: one query."""
    return list(
        _counted_active(learners, assignment_id)
        .filter(completed_on__isnull=False)
        .annotate(month=TruncMonth("completed_on"))
        .values("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
        .order_by("month")
    )


# --- what the organisation-wide reports read (L&D admins: everyone) ----------------


def assignments_by_id(*, ids: Collection[int]) -> dict[int, Assignment]:
    """Assignments by id, with what their titles and target labels read: one query."""
    return Assignment.objects.select_related(
        "course", "learning_path", "target_employee", "target_unit", "target_role"
    ).in_bulk(list(ids))


def active_assignment_ids() -> list[int]:
    """The ids of every active assignment: one query."""
    return list(Assignment.objects.filter(is_active=True).values_list("pk", flat=True))


def all_learners() -> QuerySet[AssignedLearner]:
    """Every assigned learner, for an org-wide report to filter and count."""
    return AssignedLearner.objects.all()


def report_tallies(
    *, unit_ids: Collection[int] | None = None, course_id: int | None = None
) -> QuerySet[AssignmentTally]:
    """The report tallies (one row per assignment and unit), narrowed by units or course."""
    tallies = AssignmentTally.objects.all()
    if unit_ids is not None:
        tallies = tallies.filter(org_unit_id__in=unit_ids)
    if course_id is not None:
        tallies = tallies.filter(assignment__course_id=course_id)
    return tallies


def tally_counts_by_division(*, tallies: QuerySet[AssignmentTally]) -> list[dict]:
    """`TRAINING_FIGURES` per division path and active assignment, summed: one query."""
    return list(
        tallies.filter(assignment__is_active=True)
        .values(
            "assignment_id", division=division_path(unit_path_field="org_unit__path")
        )
        .annotate(**{figure: Sum(figure) for figure in TRAINING_FIGURES})
        .order_by()
    )


def learner_counts_by_division(
    *, learners: QuerySet[AssignedLearner], today: date
) -> list[dict]:
    """`TRAINING_FIGURES` per division path and active assignment, counted: two queries."""
    # Active assignments as a list of ids, not a join: SQLite then answers
    # from the covering indexes, driving from people to their learner rows.
    active = active_assignment_ids()
    return list(
        learners.filter(assignment_id__in=active)
        .counted()
        .values(division=division_path(unit_path_field="employee__org_unit__path"))
        .annotate(**training_counts(today))
        .values("division", "assignment_id", *TRAINING_FIGURES)
        .order_by()
    )


def active_learners_with_status(
    *, today: date | None = None
) -> QuerySet[AssignedLearner]:
    """Every learner of an active assignment, with status and division, in SQL."""
    return (
        AssignedLearner.objects.filter(assignment__is_active=True)
        .with_status(today=today)
        .annotate(
            division_name=division_name(unit_path_field="employee__org_unit__path")
        )
        .select_related(
            "employee__org_unit",
            "employee__role_profile",
            "assignment__course",
            "assignment__learning_path",
        )
    )


def learner_status_choices() -> list[tuple[str, str]]:
    """The statuses a learner can be in, for a dropdown."""
    return Status.choices


# What each status is called on a page or in an export.
STATUS_LABELS = dict(Status.choices)


def learners_in_unit(
    *, learners: QuerySet[AssignedLearner], unit_path: str
) -> QuerySet[AssignedLearner]:
    """The learners of `learners` who work in the unit at `unit_path` or below it."""
    return learners.filter(
        employee__org_unit_id__in=org_unit_subtree_ids(path=unit_path)
    )


def learners_in_status(
    *, learners: QuerySet[AssignedLearner], status: str
) -> QuerySet[AssignedLearner]:
    """The learners of `learners` whose status today is `status`."""
    if "status" not in learners.query.annotations:
        learners = learners.with_status()
    return learners.filter(status=status)


def users_who_completed(
    *, users: QuerySet, assignment_ids: Collection[int]
) -> set[int]:
    """Ids of `users` who completed every one of these assignments they hold: one query.

    Exempt rows do not count against anyone; a user holding none is not counted.
    """
    return set(
        AssignedLearner.objects.filter(
            user_id__in=users, assignment_id__in=list(assignment_ids)
        )
        .counted()
        .values("user_id")
        .annotate(
            held=Count("pk"), done=Count("pk", filter=Q(completed_on__isnull=False))
        )
        .filter(held=F("done"))
        .values_list("user_id", flat=True)
        .order_by()
    )
