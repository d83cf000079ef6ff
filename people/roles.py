"""The staff roles: the three that are groups, and managers, derived from the org chart.

The group names are declared here once; what each group may do is site set-up
(`training_site/group_permissions.py`). A role says who someone is; what they
may do is asked of a `user_can_…` function in an app's `permissions.py`.
"""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from .models import Employee, OrgUnit

TRAINERS = "Trainers"
LD_ADMINS = "L&D admins"
# Exactly the users named as a change lead on some initiative (kept so by the
# change app): it only opens the admin, where they see their own initiatives.
CHANGE_LEADS = "Change leads"

AnyUser = AbstractBaseUser | AnonymousUser


def _group_names(user: AnyUser) -> set[str]:
    # Cached on the user object: navigation asks several times per request.
    if not hasattr(user, "_group_names_cache"):
        user._group_names_cache = (
            set(user.groups.values_list("name", flat=True))
            if user.is_authenticated
            else set()
        )
    return user._group_names_cache


def user_is_ld_admin(user: AnyUser) -> bool:
    """L&D admins (and superusers) hold the organisation-wide view."""
    return user.is_authenticated and (
        user.is_superuser or LD_ADMINS in _group_names(user)
    )


def user_is_trainer(user: AnyUser) -> bool:
    """Members of the Trainers group author courses in the CMS."""
    return user.is_authenticated and TRAINERS in _group_names(user)


def user_is_manager(user: AnyUser) -> bool:
    """A manager has people below them: direct reports or a unit they head."""
    employee = getattr(user, "employee", None) if user.is_authenticated else None
    if employee is None or not employee.is_active:
        return False
    if not hasattr(user, "_is_manager_cache"):
        user._is_manager_cache = (
            Employee.objects.active().filter(manager=employee).exists()
            or OrgUnit.objects.filter(head=employee).exists()
        )
    return user._is_manager_cache
