"""Learners with assigned and half-done courses, for the home page's tests."""

from datetime import timedelta

from django.utils import timezone

from assignments.models import Assignment
from assignments.services import assignment_create
from courses.models import Enrolment, ModuleCompletion
from courses.services import enrolment_create, enrolment_visit, module_complete
from tests.courses.factories import modules_of


def assign(course, person, *, days: int):
    return assignment_create(
        actor=None,
        course=course,
        target=Assignment.Target.EMPLOYEE,
        target_employee=person.employee,
        due_date=timezone.localdate() + timedelta(days=days),
    ).assignment


def in_progress(person, course, *, done: int, at=None):
    """`person` has finished the first `done` modules of `course` and opened the next."""
    modules = modules_of(course)
    for module in modules[:done]:
        module_complete(user=person, module=module)
    enrolment = enrolment_create(user=person, course=course)
    enrolment_visit(enrolment=enrolment, module=modules[done])
    if at is not None:
        ModuleCompletion.objects.filter(enrolment=enrolment).update(completed_at=at)
        Enrolment.objects.filter(pk=enrolment.pk).update(started_at=at)
    return modules[done]
