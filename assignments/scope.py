"""Whom one user may assign training to, and the person search over those people.

A manager may assign to the people and units below them; an L&D admin to
everyone (and to role profiles). The assign form, its person search and the
views all ask the same `AssignerScope`.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from people.models import Employee, OrgUnit, RoleProfile
from people.roles import user_is_ld_admin
from people.selectors import employees_below, employees_matching

from .models import Assignment

# A search answers this many people at most: enough to pick from, and a
# reason to type one more letter rather than to scroll.
PEOPLE_SEARCH_LIMIT = 20
PEOPLE_SEARCH_MIN_LENGTH = 2

Target = Assignment.Target


class AssignerScope:
    """What one user may assign to: people, units and (L&D admins) role profiles."""

    def __init__(self, user: AbstractBaseUser):
        self.user = user
        self.org_wide = user_is_ld_admin(user)
        self.own = getattr(user, "employee", None)

    def employees(self) -> QuerySet[Employee]:
        """Active people this user may assign to; never themselves."""
        if self.org_wide:
            people = Employee.objects.active()
            return people.exclude(pk=self.own.pk) if self.own else people
        if self.own is None:
            return Employee.objects.none()
        return employees_below(employee=self.own).filter(is_active=True)

    def units(self) -> QuerySet[OrgUnit]:
        if self.org_wide:
            return OrgUnit.objects.filter(is_active=True)
        if self.own is None:
            return OrgUnit.objects.none()
        paths = OrgUnit.objects.filter(head=self.own).values_list("path", flat=True)
        headed = Q(pk__in=[])
        for path in paths:
            headed |= Q(path__startswith=path)
        return OrgUnit.objects.filter(is_active=True).filter(headed)

    def roles(self) -> QuerySet[RoleProfile]:
        return (
            RoleProfile.objects.all() if self.org_wide else RoleProfile.objects.none()
        )

    def targets(self) -> list[tuple[str, str]]:
        if self.org_wide:
            return list(Target.choices)
        return [
            (Target.TEAM, _("Everyone below me")),
            (Target.ORG_UNIT, _("An org unit I head, or one below it")),
            (Target.EMPLOYEE, _("One person")),
        ]


def person_label(employee: Employee) -> str:
    """What the person box holds once someone is chosen: name and employee number."""
    return f"{employee.display_name} ({employee.employee_number})"


def person_option(employee: Employee) -> dict:
    """One search result: enough to tell two people of the same name apart."""
    return {
        "id": employee.pk,
        "name": employee.display_name,
        "employee_number": employee.employee_number,
        "unit": employee.org_unit.name,
        "label": person_label(employee),
    }


def people_search(*, scope: AssignerScope, query: str) -> tuple[list[Employee], bool]:
    """Up to PEOPLE_SEARCH_LIMIT people in scope matching `query`, and whether more do."""
    query = query.strip()[:100]
    if len(query) < PEOPLE_SEARCH_MIN_LENGTH:
        return [], False
    found = employees_matching(
        employees=scope.employees(), query=query, limit=PEOPLE_SEARCH_LIMIT + 1
    )
    return found[:PEOPLE_SEARCH_LIMIT], len(found) > PEOPLE_SEARCH_LIMIT
