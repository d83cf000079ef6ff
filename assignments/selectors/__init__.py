"""Reads about mandatory training, already scoped to the asking user.

`figures` names the statuses and figures every count uses, `learners` reads one
person's assignments and those covering a manager's people, and `reports` counts
for the team and organisation-wide reports. Other apps import the names below
from `assignments.selectors`.
"""

from .figures import (
    ON_TIME,
    REPORT_STATUSES,
    STATUS_LABELS,
    TRAINING_FIGURES,
    Status,
    learner_status_choices,
    status_counts,
    training_counts,
)
from .learners import (
    assignment_for,
    assignment_learners,
    assignments_overview,
    due_dates_for,
    learner_for,
    learner_history,
    learner_rows,
)
from .reports import (
    active_assignment_ids,
    active_learners_with_status,
    all_learners,
    assignments_by_id,
    completions_by_month,
    learner_counts_by_division,
    learners_in_status,
    learners_in_unit,
    learners_of,
    report_tallies,
    tally_counts_by_division,
    training_counts_by,
    training_counts_by_user,
    training_summary,
    users_who_completed,
    users_who_completed_query,
)

__all__ = [
    "ON_TIME",
    "REPORT_STATUSES",
    "STATUS_LABELS",
    "Status",
    "TRAINING_FIGURES",
    "active_assignment_ids",
    "active_learners_with_status",
    "all_learners",
    "assignment_for",
    "assignment_learners",
    "assignments_by_id",
    "assignments_overview",
    "completions_by_month",
    "due_dates_for",
    "learner_counts_by_division",
    "learner_for",
    "learner_history",
    "learner_rows",
    "learner_status_choices",
    "learners_in_status",
    "learners_in_unit",
    "learners_of",
    "report_tallies",
    "status_counts",
    "tally_counts_by_division",
    "training_counts",
    "training_counts_by",
    "training_counts_by_user",
    "training_summary",
    "users_who_completed",
    "users_who_completed_query",
]
