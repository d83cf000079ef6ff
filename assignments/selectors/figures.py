"""The vocabulary of every training count: statuses, figures and their labels."""

from collections.abc import Sequence
from datetime import date

from django.db.models import Count, F, Q

from ..models import AssignedLearner, status_conditions

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


def learner_status_choices() -> list[tuple[str, str]]:
    """The statuses a learner can be in, for a dropdown."""
    return Status.choices


# What each status is called on a page or in an export.
STATUS_LABELS = dict(Status.choices)
