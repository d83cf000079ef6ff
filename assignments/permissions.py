"""Who may do what with mandatory training. Views, menus and the header ask these."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from people.permissions import user_can_view_team

AnyUser = AbstractBaseUser | AnonymousUser


def user_can_assign_training(user: AnyUser) -> bool:
    """Whoever has a team assigns to it (L&D admins: to anyone), the people rule."""
    return user_can_view_team(user)
