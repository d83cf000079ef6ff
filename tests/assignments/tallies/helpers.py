"""How the tally tests change things and compare the tallies with a live count."""

from django.urls import reverse

from assignments.models import (
    AssignedLearner,
)
from assignments.selectors import TRAINING_FIGURES
from assignments.tallies import (
    tallies_are_current,
)
from courses.models import Enrolment
from courses.services import enrolment_visit, module_complete
from people.models import Employee
from reports.admin.selectors import training_by_division, training_by_division_live
from tests.assignments.counts import live, tallied
from tests.courses.factories import modules_of


def division_figures(rows) -> dict:
    return {
        (row.label, row.assignment.pk): tuple(
            getattr(row, figure) for figure in TRAINING_FIGURES
        )
        for row in rows
    }


def admin_move(client, employee: Employee, unit) -> None:
    """Move one person to `unit` through the people admin's edit form."""
    response = client.post(
        reverse("people_employee:edit", args=[employee.pk]),
        {
            "job_title": employee.job_title,
            "org_unit": unit.pk,
            "manager": employee.manager_id or "",
            "role_profile": employee.role_profile_id or "",
            "is_active": "on" if employee.is_active else "",
        },
    )
    assert response.status_code == 302, response.status_code


def admin_delete_user(client, user) -> None:
    """Delete a user (and so their employee record) through Wagtail's user admin."""
    response = client.post(reverse("wagtailusers_users:delete", args=[user.pk]))
    assert response.status_code == 302, response.status_code


def assert_tallies_match(step: str) -> None:
    assert tallies_are_current(), step
    assert tallied() == live(), step
    everyone = AssignedLearner.objects.all()
    assert division_figures(training_by_division()) == division_figures(
        training_by_division_live(learners=everyone)
    ), step


def complete(user, course) -> None:
    for module in modules_of(course):
        module_complete(user=user, module=module)


def start(user, course) -> None:
    enrolment = Enrolment.objects.get(user=user, course=course)
    enrolment_visit(enrolment=enrolment, module=modules_of(course)[0])
