"""What the organisation holds before an import, read in a handful of queries."""

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model

from people.models import Employee, OrgUnit, RoleProfile


@dataclass
class OrgSnapshot:
    """Role profiles, units, employees and accounts as plain values, by key."""

    role_pks: dict[str, int]  # role profile code -> pk
    units: dict[str, tuple[int, str, str]]  # unit code -> (pk, path, name)
    unit_code_by_path: dict[str, str]
    unit_code_by_pk: dict[int, str]
    employees: dict[str, Any]  # employee number -> named row of Employee values
    number_by_pk: dict[int, str]
    users: dict[int, Any]  # user pk -> named row of account values
    usernames: set[str]

    @property
    def taken_usernames(self) -> set[str]:
        """Usernames a new employee cannot take: accounts no employee number names."""
        return self.usernames.difference(self.employees)

    def parent_code(self, code: str) -> str:
        """The code of the unit's parent today ('' for a division)."""
        path = self.units[code][1]
        return self.unit_code_by_path.get(path[: -OrgUnit.steplen], "")


def org_snapshot() -> OrgSnapshot:
    """Read everything an import compares against, whatever the size of the org."""
    role_pks = dict(RoleProfile.objects.values_list("code", "pk"))
    units = {
        code: (pk, path, name)
        for pk, code, path, name in OrgUnit.objects.values_list(
            "pk", "code", "path", "name"
        )
    }
    employees = {
        e.employee_number: e
        for e in Employee.objects.values_list(
            "pk",
            "employee_number",
            "user_id",
            "first_name",
            "last_name",
            "preferred_name",
            "email",
            "job_title",
            "org_unit_id",
            "role_profile_id",
            "manager_id",
            "hire_date",
            "is_active",
            named=True,
        )
    }
    users = {
        u.pk: u
        for u in get_user_model().objects.values_list(
            "pk",
            "username",
            "first_name",
            "last_name",
            "email",
            "is_active",
            named=True,
        )
    }
    return OrgSnapshot(
        role_pks=role_pks,
        units=units,
        unit_code_by_path={path: code for code, (_, path, _) in units.items()},
        unit_code_by_pk={pk: code for code, (pk, _, _) in units.items()},
        employees=employees,
        number_by_pk={e.pk: number for number, e in employees.items()},
        users=users,
        usernames={u.username for u in users.values()},
    )
