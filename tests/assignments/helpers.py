"""Shared helpers for the assignments tests: dates, assigning, completing, forms, e-mails."""

from datetime import date, timedelta

from django.contrib.messages import get_messages
from django.core import mail
from django.utils import timezone

from assignments.models import AssignedLearner, Assignment
from assignments.services import assignment_create
from courses.services import module_complete
from people.models import Employee
from tests.courses.factories import modules_of
from tests.people.factories import EmployeeFactory, UserFactory

TODAY = date(2026, 11, 26)  # a Thursday, ISO week 2026-W48
Target = Assignment.Target
DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def assign_unit(unit, course, *, today=TODAY, **due):
    due = due or {"due_date": TODAY + timedelta(days=30)}
    rule = Assignment.DueRule.FIXED if "due_date" in due else due.pop("rule")
    return assignment_create(
        actor=None,
        course=course,
        target=Assignment.Target.ORG_UNIT,
        target_unit=unit,
        due_rule=rule,
        today=today,
        **due,
    )


def learner(user, assignment) -> AssignedLearner:
    return AssignedLearner.objects.get(user=user, assignment=assignment)


def complete(user, course):
    for module in modules_of(course):
        module_complete(user=user, module=module)


def assign(person, course, *, due_on, assigned_on=None, reason=""):
    """Assign the course to one person (a user), due on a fixed date."""
    return assignment_create(
        actor=None,
        course=course,
        target=Assignment.Target.EMPLOYEE,
        target_employee=person.employee,
        due_date=due_on,
        reason=reason,
        today=assigned_on or due_on - timedelta(days=60),
    ).assignment


def to(user) -> list:
    """The e-mails sent to this person so far."""
    return [m for m in mail.outbox if m.to == [user.employee.email]]


def sent_kinds(counts) -> dict:
    return {k: counts[k] for k in ("due_14", "due_3", "overdue") if counts[k]}


# --- the assigning pages ---


def today():
    return timezone.localdate()


def team_member(org, manager, n: int) -> Employee:
    user = UserFactory(username=f"crew{n}", first_name="Crew", last_name=f"M{n:03d}")
    return EmployeeFactory(user=user, org_unit=org["team_a"], manager=manager.employee)


def form_data(course, **overrides) -> dict:
    data = {
        "item": f"course:{course.pk}",
        "target": Target.TEAM,
        "due_rule": Assignment.DueRule.FIXED,
        "due_date": (today() + timedelta(days=30)).isoformat(),
        "due_days": "",
        "target_employee": "",
        "target_unit": "",
        "reason": "",
    }
    return {**data, **overrides}


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]
