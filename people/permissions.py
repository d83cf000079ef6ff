"""Who may see and act on whom. Every view, menu, report and export asks these."""

from .models import Employee
from .roles import AnyUser, user_is_ld_admin, user_is_manager
from .selectors import employee_scope_for_user


def user_can_access_admin(user: AnyUser) -> bool:
    """The Wagtail admin: trainers and L&D admins, by the permission Wagtail checks."""
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def user_can_view_team(user: AnyUser) -> bool:
    """Whoever has people to look after: managers (below them), L&D admins (all)."""
    return user_is_manager(user) or user_is_ld_admin(user)


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


def user_can_import_roster(user: AnyUser) -> bool:
    """The roster upload and its menu item (L&D admins)."""
    return user.is_authenticated and user.has_perm("people.import_roster")
