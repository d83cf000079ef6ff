"""seed_demo: the demo logins work, and running it twice changes nothing."""

from collections import Counter
from unittest import mock

from django.apps import apps
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command

import pytest

from assignments.models import AssignedLearner, Assignment
from assignments.selectors import learner_rows


def _row_counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label
        in {
            "people",
            "courses",
            "skills",
            "certificates",
            "training_site",
            "auth",
            "wagtailcore",
        }
    }


@pytest.mark.django_db
def test_seed_demo_builds_the_demo_city_and_a_second_run_changes_nothing(capsys, rf):
    # One full seed for every check (each run takes ~30 s), then the re-run.
    call_command("seed_demo", password="a demo password here")
    first = _row_counts()
    assert first["people.Employee"] >= 10

    # The logins are printed and work.
    out = capsys.readouterr().out
    for username in ["employee", "manager", "trainer", "admin"]:
        assert username in out
        assert authenticate(
            rf.get("/"), username=username, password="a demo password here"
        )
    assert "a demo password here" in out

    # The personas have their places in the org.
    users = {u.username: u for u in get_user_model().objects.select_related("employee")}
    assert users["employee"].employee.manager == users["manager"].employee
    assert users["trainer"].groups.filter(name="Trainers").exists()
    assert users["admin"].groups.filter(name="L&D admins").exists()
    assert users["admin"].is_superuser

    # Mandatory training: a realistic mix of done, due soon and overdue.
    targets = {
        (a.course.slug, a.target): a
        for a in Assignment.objects.select_related("course")
    }
    everyone = targets[("accessible-customer-service", "everyone")]
    caseconnect = targets[("new-case-management-system", "org_unit")]
    assert everyone.learners.count() > 200
    assert caseconnect.target_unit.code == "DIV-311"
    statuses = Counter(
        AssignedLearner.objects.with_status().values_list("status", flat=True)
    )
    assert statuses["completed"] > 10
    assert statuses["due_soon"] > 100
    assert statuses["overdue"] > 10
    assert [
        (row.assignment.course.slug, row.status)
        for row in learner_rows(user=users["employee"])
    ] == [
        ("new-case-management-system", "overdue"),
        ("accessible-customer-service", "due_soon"),
    ]

    call_command("seed_demo", password="a demo password here")
    assert _row_counts() == first


@pytest.mark.django_db
def test_seed_demo_refuses_production_without_force(settings):
    settings.ENVIRONMENT = "production"
    with pytest.raises(CommandError, match="production"):
        call_command("seed_demo")
    assert not get_user_model().objects.filter(username="employee").exists()
    # With --force it goes ahead (the org is enough to show that; the other
    # seeders are exercised by the test above).
    command = "demo.management.commands.seed_demo"
    with (
        mock.patch(f"{command}.courses_demo_seed"),
        mock.patch(f"{command}.assignments_demo_seed", return_value=0),
        mock.patch(f"{command}.certificates_demo_seed", return_value=0),
        mock.patch(f"{command}.skills_demo_seed", return_value={"people_rated": 0}),
    ):
        call_command("seed_demo", force=True)
    assert get_user_model().objects.filter(username="employee").exists()
