"""What the person-search tests share: the scopes, and how to search and assign."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from assignments.models import AssignedLearner, Assignment
from people.models import Employee
from tests.people.factories import EmployeeFactory, UserFactory
from tests.personas import LOGIN, every_persona

SEARCH = "assignments:people-search"
Target = Assignment.Target
ASSIGNERS_ONLY = every_persona(
    403, anonymous=LOGIN, manager=200, other_manager=200, ld_admin=200
)
EVERYONE = [
    "Alice Arsenault",
    "Bob Bouchard",
    "Charlie Chen",
    "Dana Dubois",
    "Tess Trainer",
    "Lee Learning",
]
# Whom each assigner may find: their own people, never themselves.
FINDS = {
    "manager": {"Alice Arsenault"},
    "other_manager": {"Charlie Chen"},
    "ld_admin": set(EVERYONE) - {"Lee Learning"},
}


def search(client, query: str):
    return client.get(reverse(SEARCH), {"q": query})


def names(response) -> set[str]:
    return {person["name"] for person in response.json()["results"]}


def crew(org, manager, n: int, *, unit=None, first="Crew", last=None) -> Employee:
    user = UserFactory(username=f"crew{n}", first_name=first, last_name=last or "M")
    return EmployeeFactory(
        user=user,
        org_unit=unit or org["team_a"],
        manager=manager.employee,
        first_name=first,
        last_name=last or f"M{n:03d}",
        employee_number=f"77{n:04d}",
    )


def form_data(course, **overrides) -> dict:
    data = {
        "item": f"course:{course.pk}",
        "target": Target.EMPLOYEE,
        "due_rule": Assignment.DueRule.FIXED,
        "due_date": (timezone.localdate() + timedelta(days=30)).isoformat(),
        "person": "",
        "target_employee": "",
        "target_unit": "",
        "reason": "",
    }
    return {**data, **overrides}


def assigned_usernames() -> set[str]:
    return set(AssignedLearner.objects.values_list("user__username", flat=True))
