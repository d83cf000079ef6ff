"""Reads that compose several apps for the learner's own pages (home, My learning)."""

from django.contrib.auth.models import AbstractBaseUser

from assignments.models import AssignedLearner
from assignments.selectors import learner_rows
from courses.selectors import most_recent_course


def learner_next_steps(*, user: AbstractBaseUser) -> dict:
    """A learner's next steps: the course to continue, what is overdue and due soon."""
    rows = learner_rows(user=user)
    status = AssignedLearner.Status
    return {
        "resume": most_recent_course(user=user),
        "overdue": [row for row in rows if row.status == status.OVERDUE],
        "due_soon": [row for row in rows if row.status == status.DUE_SOON],
    }
