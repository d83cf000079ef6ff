"""Mandatory training: assignments, the people under them, reminders and report tallies."""

from .assignments import (
    DUE_SOON_DAYS,
    NEWCOMER_DAYS,
    AssignedLearner,
    Assignment,
    AssignmentEvent,
    status_conditions,
)
from .reminders import Reminder
from .tallies import AssignmentTally, AssignmentTallyBuild

__all__ = [
    "DUE_SOON_DAYS",
    "NEWCOMER_DAYS",
    "AssignedLearner",
    "Assignment",
    "AssignmentEvent",
    "AssignmentTally",
    "AssignmentTallyBuild",
    "Reminder",
    "status_conditions",
]
