"""Who may do what with change initiatives. Views, admin hooks and menus ask these."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from people.roles import user_is_ld_admin

from .models import CheckInRound, Initiative
from .scope import headed_affected_unit_paths, headed_unit_paths
from .selectors import ANNOUNCED, initiatives_affecting

AnyUser = AbstractBaseUser | AnonymousUser


def user_can_create_initiative(user: AnyUser) -> bool:
    """Starting an initiative is for L&D admins; they then name its change leads."""
    return user_is_ld_admin(user)


def user_can_manage_initiatives(user: AnyUser) -> bool:
    """The initiatives admin: L&D admins, and anyone named a change lead somewhere."""
    if user_is_ld_admin(user):
        return True
    return user.is_authenticated and user.led_initiatives.exists()


def user_can_manage_initiative(user: AnyUser, initiative: Initiative) -> bool:
    """Edit one initiative: L&D admins, and its own named change leads."""
    if user_is_ld_admin(user):
        return True
    return user.is_authenticated and initiative.change_leads.filter(pk=user.pk).exists()


def _affected_employee(user: AnyUser, initiative: Initiative):
    employee = getattr(user, "employee", None) if user.is_authenticated else None
    if employee is None or not employee.is_active:
        return None
    if not initiatives_affecting(employee=employee).filter(pk=initiative.pk).exists():
        return None
    return employee


def user_can_view_my_change(user: AnyUser, initiative: Initiative) -> bool:
    """An announced initiative's page in My changes: the people it affects."""
    return (
        initiative.status in ANNOUNCED
        and _affected_employee(user, initiative) is not None
    )


def user_can_check_in(user: AnyUser, checkin_round: CheckInRound) -> bool:
    """Answer a round: affected, active people, while it is open, on an active initiative."""
    initiative = checkin_round.initiative
    return (
        initiative.status == Initiative.Status.ACTIVE
        and checkin_round.state == CheckInRound.State.OPEN
        and _affected_employee(user, initiative) is not None
    )


def user_can_view_my_changes(user: AnyUser) -> bool:
    """The My changes list: anyone signed in (it lists what affects them, maybe nothing)."""
    return user.is_authenticated


def user_sees_all_readiness(user: AnyUser, initiative: Initiative) -> bool:
    """The whole readiness dashboard: L&D admins, its change leads, its sponsor."""
    if user_can_manage_initiative(user, initiative):
        return True
    employee = getattr(user, "employee", None) if user.is_authenticated else None
    return employee is not None and employee.pk == initiative.sponsor_id


def user_can_view_readiness(user: AnyUser, initiative: Initiative) -> bool:
    """The readiness dashboard: everyone who sees all of it, and managers for their units.

    A manager must head a unit the initiative affects; they see that unit and
    its sub-units only (change.scope.headed_affected_unit_paths).
    """
    if user_sees_all_readiness(user, initiative):
        return True
    return initiative.status in ANNOUNCED and bool(
        headed_affected_unit_paths(user=user, initiative=initiative)
    )


def user_sees_all_change_load(user: AnyUser) -> bool:
    """Change load of every unit: L&D admins, change leads and sponsors.

    The people who plan go-lives across the organisation; initiative names are
    not personal data.
    """
    if user_can_manage_initiatives(user):
        return True
    employee = getattr(user, "employee", None) if user.is_authenticated else None
    return (
        employee is not None
        and employee.is_active
        and Initiative.objects.filter(sponsor=employee).exists()
    )


def user_can_view_change_load(user: AnyUser) -> bool:
    """The change-load page: everyone who sees all of it, and unit heads for theirs."""
    return user_sees_all_change_load(user) or bool(headed_unit_paths(user=user))


def user_can_import_usage(user: AnyUser, initiative: Initiative) -> bool:
    """Import an initiative's usage and hold its API tokens: whoever manages it."""
    return user_can_manage_initiative(user, initiative)
