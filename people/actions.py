"""Wagtail admin actions on employees that announce the change (`employee_changed`).

Registered for `Employee` (create, edit, delete) and for the user model
(delete, which deletes the user's employee record) in `wagtail_hooks.py`, so
every admin path that saves or deletes one employee goes through them.
"""

from django.db import transaction

from wagtail.actions import CreateAction, DeleteAction, EditAction

from .models import Employee
from .signals import employee_changed


def _unit_in_database(pk: int | None) -> int | None:
    if pk is None:
        return None
    return Employee.objects.filter(pk=pk).values_list("org_unit_id", flat=True).first()


def _announce(employee: Employee, *, old_unit_id: int | None, new_unit_id: int | None):
    employee_changed.send(
        sender=Employee,
        employee=employee,
        old_unit_id=old_unit_id,
        new_unit_id=new_unit_id,
    )


class EmployeeCreateAction(CreateAction):
    @transaction.atomic
    def _create(self, skip_permission_checks=False):
        employee = super()._create(skip_permission_checks=skip_permission_checks)
        _announce(employee, old_unit_id=None, new_unit_id=employee.org_unit_id)
        return employee


class EmployeeEditAction(EditAction):
    @transaction.atomic
    def _edit(self, skip_permission_checks=False):
        # The form has already set the new unit on the instance: ask the table.
        before = _unit_in_database(self.instance.pk)
        employee = super()._edit(skip_permission_checks=skip_permission_checks)
        _announce(employee, old_unit_id=before, new_unit_id=employee.org_unit_id)
        return employee


class EmployeeDeleteAction(DeleteAction):
    @transaction.atomic
    def _delete(self):
        before = _unit_in_database(self.instance.pk)
        result = super()._delete()
        _announce(self.instance, old_unit_id=before, new_unit_id=None)
        return result


class UserDeleteAction(DeleteAction):
    """Deleting a user deletes their employee record (CASCADE): announce it."""

    @transaction.atomic
    def _delete(self):
        employee = Employee.objects.filter(user_id=self.instance.pk).first()
        result = super()._delete()
        if employee is not None:
            _announce(employee, old_unit_id=employee.org_unit_id, new_unit_id=None)
        return result
