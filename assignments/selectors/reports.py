"""What the team and organisation-wide reports count, for people already scoped."""

from collections.abc import Collection
from datetime import date

from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth

from people.selectors import (
    division_name,
    division_path,
    org_unit_subtree_ids,
)

from ..models import AssignedLearner, Assignment, AssignmentTally
from .figures import ON_TIME, TRAINING_FIGURES, training_counts

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
    return set(users_who_completed_query(users=users, assignments=list(assignment_ids)))


def users_who_completed_query(
    *, users: QuerySet | None, assignments: QuerySet | Collection[int]
) -> QuerySet:
    """The same user ids as `users_who_completed`, as a subquery (no query of its own).

    `users` None: whoever holds one of the assignments. For filtering inside
    another query: `.filter(user_id__in=...)`.
    """
    learners = AssignedLearner.objects.filter(assignment_id__in=assignments)
    if users is not None:
        learners = learners.filter(user_id__in=users)
    return (
        learners.counted()
        .values("user_id")
        .annotate(
            held=Count("pk"), done=Count("pk", filter=Q(completed_on__isnull=False))
        )
        .filter(held=F("done"))
        .values_list("user_id", flat=True)
        .order_by()
    )
