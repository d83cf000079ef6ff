"""Who may do what with courses."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from people.roles import user_is_ld_admin, user_is_trainer

from .models import CoursePage

AnyUser = AbstractBaseUser | AnonymousUser


def user_can_take_course(user: AnyUser, course: CoursePage) -> bool:
    """Any signed-in, active member of staff may take any published course."""
    return bool(user.is_authenticated and user.is_active and course.live)


def user_can_analyse_quizzes(user: AnyUser) -> bool:
    """Whoever may author courses may see how their questions perform."""
    return user_is_trainer(user) or user_is_ld_admin(user)


def user_can_export_statements(user: AnyUser) -> bool:
    """Package statements name every learner: L&D admins' organisation-wide view."""
    return user_is_ld_admin(user)
