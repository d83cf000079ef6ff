"""Who may read which reports: asked by the views, the admin menu and the nav alike."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from people.permissions import user_can_view_team


def user_can_view_team_reports(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Managers (people below them) and L&D admins (everyone)."""
    return user_can_view_team(user)


def user_can_view_org_reports(user: AbstractBaseUser | AnonymousUser) -> bool:
    """L&D admins (and superusers) see the organisation-wide reports."""
    return user.is_authenticated and user.has_perm("people.view_org_reports")
