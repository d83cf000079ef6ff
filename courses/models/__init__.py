"""The courses app's models: learning content and progress."""

from .packages import Package, PackageAttempt, XapiStatement
from .pages import (
    CourseIndexPage,
    CoursePage,
    CourseTag,
    LearningPathCourse,
    LearningPathPage,
    ModulePage,
    StaffOnlyMixin,
)
from .progress import Enrolment, ModuleCompletion, PastCompletion
from .quizzes import QuizAnswer, QuizAttempt

__all__ = [
    "CourseIndexPage",
    "CoursePage",
    "CourseTag",
    "Enrolment",
    "LearningPathCourse",
    "LearningPathPage",
    "ModuleCompletion",
    "ModulePage",
    "Package",
    "PackageAttempt",
    "PastCompletion",
    "QuizAnswer",
    "QuizAttempt",
    "StaffOnlyMixin",
    "XapiStatement",
]
