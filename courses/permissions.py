"""Who may do what with courses."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from .models import CoursePage

AnyUser = AbstractBaseUser | AnonymousUser


def user_can_take_course(user: AnyUser, course: CoursePage) -> bool:
    """Any signed-in, active member of staff may take any published course."""
    return bool(user.is_authenticated and user.is_active and course.live)
