"""Reads about change initiatives, scoped to the asking user.

Aggregates of check-in answers are not read here: they leave the database only
through the privacy gatekeeper (change/privacy.py).
"""

from django.db.models import Q, QuerySet

from people.models import Employee, OrgUnit
from people.selectors import employees_in

from .models import Initiative

# What an employee is shown: a planned initiative is still a draft.
ANNOUNCED = (Initiative.Status.ACTIVE, Initiative.Status.CLOSED)


def affected_employees(*, initiative: Initiative) -> QuerySet[Employee]:
    """The active people an initiative affects today: three queries to build and read.

    Everyone in its units (with sub-units) and everyone with one of its role
    profiles — the union, the same rule as group assignments (people.selectors
    .employees_in), so linked training reaches exactly these people. Read from
    the current roster, so it follows transfers, hires and leavers.
    """
    return employees_in(
        unit_paths=list(initiative.units.values_list("path", flat=True)),
        role_profile_ids=initiative.role_profiles.values_list("pk", flat=True),
    )


def initiatives_affecting(*, employee: Employee) -> QuerySet[Initiative]:
    """The initiatives whose audience includes `employee`, any status: one query.

    (Plus one for the unit's path unless `employee.org_unit` is loaded.)

    The same rule as `affected_employees`, read the other way: a listed unit is
    the person's unit or one above it, or a listed role profile is theirs.
    """
    if not employee.is_active:
        return Initiative.objects.none()
    unit_path = employee.org_unit.path
    steplen = OrgUnit.steplen
    ancestry = [unit_path[:i] for i in range(steplen, len(unit_path) + 1, steplen)]
    among = Q(units__path__in=ancestry)
    if employee.role_profile_id is not None:
        among |= Q(role_profiles=employee.role_profile_id)
    return Initiative.objects.filter(
        pk__in=Initiative.objects.filter(among).values("pk")
    )
