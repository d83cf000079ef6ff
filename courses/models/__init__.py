"""The courses app's models: learning content and progress."""

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
    "StaffOnlyMixin",
]
