"""Organisation-wide reports in the admin: L&D admins only, in the menu, flat query counts."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from assignments.models import AssignedLearner
from assignments.tallies import tallies_rebuild
from tests.people.factories import EmployeeFactory, UserFactory
from tests.personas import LOGIN, NO_ADMIN, OK, REFUSED, every_persona

ADMIN_ONLY = every_persona(NO_ADMIN, anonymous=LOGIN, trainer=REFUSED, ld_admin=OK)
REPORTS = ["org_training_by_division", "org_assigned_people", "org_skills_by_unit"]
MENU_LABELS = ["Training by division", "Assigned people", "Skills by unit"]


# --- permissions -------------------------------------------------------------------


@pytest.mark.parametrize("name", REPORTS)
def test_every_report_and_export_is_for_ld_admins_only(persona_matrix, data, name):
    urls = [
        reverse(name),
        reverse(f"{name}_results"),
        reverse(name) + "?export=csv",
        reverse(name) + "?export=xlsx",
    ]

    def every_url(client, _persona):
        return {url: client.get(url) for url in urls}

    answers_by_persona = persona_matrix(None, ADMIN_ONLY, request=every_url, label=name)
    for persona, answers in answers_by_persona.items():
        for response in answers.values():
            if ADMIN_ONLY[persona] != OK and not response.streaming:
                assert "Gardener" not in response.content.decode()


def test_a_superuser_sees_the_reports(client_for, data):
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    assert client_for(admin).get(reverse("org_training_by_division")).status_code == 200


def test_the_menu_items_show_for_ld_admins_only(personas, client_for):
    for persona in ("trainer", "ld_admin"):
        menu = client_for(personas[persona]).get("/admin/").text
        for name, label in zip(REPORTS, MENU_LABELS, strict=True):
            shown = persona == "ld_admin"
            assert (reverse(name) in menu) is shown, (persona, name)
            assert (label in menu) is shown, (persona, label)


# --- skills by unit -----------------------------------------------------------------


def test_skills_by_unit_renders_for_an_ld_admin(personas, client_for, data):
    response = client_for(personas["ld_admin"]).get(reverse("org_skills_by_unit"))
    assert response.status_code == 200
    assert "Skills by unit" in response.text


# --- query counts ------------------------------------------------------------------


def _grow(data, n):
    """`n` more people in Gardens, each on both courses."""
    today = timezone.localdate()
    for i in range(n):
        person = EmployeeFactory(
            user=UserFactory(username=f"extra-{len(data['extra'])}-{i}"),
            org_unit=data["gardens"],
            role_profile=data["analyst"],
        )
        AssignedLearner.objects.bulk_create(
            AssignedLearner(
                assignment=assignment,
                user=person.user,
                assigned_on=today,
                due_on=today + timedelta(days=i % 3 - 1),
                original_due_on=today,
            )
            for assignment in (data["a"], data["b"])
        )
    tallies_rebuild()
    data["extra"].append(n)


@pytest.mark.parametrize("name", REPORTS)
@pytest.mark.parametrize(
    "params", [{}, {"status": "overdue"}, {"export": "csv"}, {"export": "xlsx"}]
)
def test_report_queries_do_not_grow_with_the_data(
    personas, client_for, data, name, params
):
    data["extra"] = []
    client = client_for(personas["ld_admin"])

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse(name), params)
            assert response.status_code == 200
            if response.streaming:
                b"".join(response.streaming_content)
        return len(queries)

    count()  # warm the per-process caches (site, content types)
    _grow(data, 3)
    small = count()
    _grow(data, 27)
    assert count() == small
