"""The courses app's models: learning content and progress, and mandatory training."""

from .assignments import (
    DUE_SOON_DAYS,
    AssignedLearner,
    Assignment,
    AssignmentEvent,
    AssignmentTally,
    AssignmentTallyBuild,
    Reminder,
    status_conditions,
)
from .learning import (
    CourseIndexPage,
    CoursePage,
    CourseTag,
    Enrolment,
    LearningPathCourse,
    LearningPathPage,
    ModuleCompletion,
    ModulePage,
    PastCompletion,
    QuizAnswer,
    QuizAttempt,
    StaffOnlyMixin,
)

__all__ = [
    "DUE_SOON_DAYS",
    "AssignedLearner",
    "Assignment",
    "AssignmentEvent",
    "AssignmentTally",
    "AssignmentTallyBuild",
    "CourseIndexPage",
    "CoursePage",
    "CourseTag",
    "Enrolment",
    "LearningPathCourse",
    "LearningPathPage",
    "ModuleCompletion",
    "ModulePage",
    "PastCompletion",
    "QuizAnswer",
    "QuizAttempt",
    "Reminder",
    "StaffOnlyMixin",
    "status_conditions",
]
