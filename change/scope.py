"""Whose readiness results a manager may see: the units they head, per initiative."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from people.models import Employee, OrgUnit
from people.roles import user_is_ld_admin
from people.selectors import org_unit_subtree_ids

from .models import Initiative
from .selectors import ANNOUNCED, affected_employees

AnyUser = AbstractBaseUser | AnonymousUser


def _headed_paths(user: AnyUser) -> list[str]:
    """The outermost units the user heads (inner ones add nothing): one query."""
    employee = getattr(user, "employee", None) if user.is_authenticated else None
    if employee is None or not employee.is_active:
        return []
    headed = list(OrgUnit.objects.filter(head=employee).values_list("path", flat=True))
    return [p for p in headed if not any(p != q and p.startswith(q) for q in headed)]


def headed_unit_paths(*, user: AnyUser) -> list[str]:
    """Paths of the outermost units `user` heads (a manager's change-load scope)."""
    return _headed_paths(user)


def headed_affected_unit_paths(*, user: AnyUser, initiative: Initiative) -> list[str]:
    """Paths of the units `user` heads that the initiative affects someone in: two queries.

    A manager's readiness scope is units, not a reporting line: answers are
    grouped by unit, so a unit they head (with its sub-units) is what they see.
    """
    headed = _headed_paths(user)
    if not headed:
        return []
    units = set(
        affected_employees(initiative=initiative).values_list(
            "org_unit__path", flat=True
        )
    )
    return [p for p in headed if any(unit.startswith(p) for unit in units)]


def readable_initiatives(*, user: AnyUser) -> list[Initiative]:
    """Initiatives whose readiness `user` may open, soonest go-live first: five queries.

    The same rule as change.permissions.user_can_view_readiness, for a list:
    L&D admins all; change leads and sponsors theirs; managers the announced
    ones that affect someone in a unit they head (by unit or by role profile).
    """
    initiatives = Initiative.objects.prefetch_related("units", "role_profiles")
    if user_is_ld_admin(user):
        return list(initiatives)
    if not user.is_authenticated:
        return []
    employee = getattr(user, "employee", None)
    headed = _headed_paths(user)
    roles_below = set()
    if headed:
        people = Employee.objects.active().none()
        for path in headed:
            people |= Employee.objects.active().filter(
                org_unit_id__in=org_unit_subtree_ids(path=path)
            )
        roles_below = set(people.values_list("role_profile_id", flat=True))

    def affects_headed(initiative: Initiative) -> bool:
        paths = [unit.path for unit in initiative.units.all()]
        return any(
            p.startswith(h) or h.startswith(p) for p in paths for h in headed
        ) or any(role.pk in roles_below for role in initiative.role_profiles.all())

    led = set(user.led_initiatives.values_list("pk", flat=True))
    return [
        initiative
        for initiative in initiatives
        if initiative.pk in led
        or (employee is not None and initiative.sponsor_id == employee.pk)
        or (headed and initiative.status in ANNOUNCED and affects_headed(initiative))
    ]
