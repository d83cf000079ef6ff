"""Who may see and act on whom. Every view, report and export asks these."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from .models import Employee, OrgUnit
from .selectors import employee_scope_for_user

LD_ADMINS_GROUP = "L&D admins"
TRAINERS_GROUP = "Trainers"

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
        user.is_superuser or LD_ADMINS_GROUP in _group_names(user)
    )


def user_is_trainer(user: AnyUser) -> bool:
    return user.is_authenticated and TRAINERS_GROUP in _group_names(user)


def user_can_access_admin(user: AnyUser) -> bool:
    """The Wagtail admin: trainers and L&D admins, by the permission Wagtail checks."""
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


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


def user_can_view_employee(user: AnyUser, employee: Employee) -> bool:
    """Yourself, the people below you, or anyone for L&D admins."""
    if not user.is_authenticated:
        return False
    return employee_scope_for_user(user=user).filter(pk=employee.pk).exists()


def user_can_manage_employee(user: AnyUser, employee: Employee) -> bool:
    """Rate, assign and extend for people in scope, never for yourself."""
    own = getattr(user, "employee", None)
    if own is not None and own.pk == employee.pk:
        return False
    return user_can_view_employee(user, employee)
