"""The two countings the tally tests compare: a live count and the stored tallies."""

from django.utils import timezone

from assignments.models import AssignedLearner, AssignmentTally
from assignments.selectors import TRAINING_FIGURES, training_counts


def live() -> dict:
    """{(assignment, unit): figures} counted from the learner rows, as of today."""
    rows = (
        AssignedLearner.objects.counted()
        .values("assignment_id", "employee__org_unit_id")
        .annotate(**training_counts(timezone.localdate()))
        .order_by()
    )
    return {
        (row["assignment_id"], row["employee__org_unit_id"]): tuple(
            row[figure] for figure in TRAINING_FIGURES
        )
        for row in rows
    }


def tallied() -> dict:
    return {
        (row[0], row[1]): tuple(row[2:])
        for row in AssignmentTally.objects.values_list(
            "assignment_id", "org_unit_id", *TRAINING_FIGURES
        )
    }
