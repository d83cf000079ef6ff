"""*My team* reports: what a manager (or an L&D admin, org-wide) sees of their people.

Every report reads through the people scope selector; query parameters only narrow.
"""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from people.permissions import user_can_view_team


def user_can_view_team_reports(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Managers (people below them) and L&D admins (everyone)."""
    return user_can_view_team(user)
