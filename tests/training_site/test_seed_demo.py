"""seed_demo: the demo logins work, and running it twice changes nothing."""

from collections import Counter

from django.apps import apps
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command

import pytest

from courses.assignment_selectors import learner_rows
from courses.models import AssignedLearner, Assignment


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
def test_seed_demo_is_idempotent(capsys):
    call_command("seed_demo")
    first = _row_counts()
    call_command("seed_demo")
    assert _row_counts() == first
    assert first["people.Employee"] >= 10


@pytest.mark.django_db
def test_seed_demo_prints_the_logins_and_they_work(capsys, rf):
    call_command("seed_demo", password="a demo password here")
    out = capsys.readouterr().out
    for username in ["employee", "manager", "trainer", "admin"]:
        assert username in out
        assert authenticate(
            rf.get("/"), username=username, password="a demo password here"
        )
    assert "a demo password here" in out


@pytest.mark.django_db
def test_seed_demo_places_the_personas_in_the_org():
    call_command("seed_demo")
    users = {u.username: u for u in get_user_model().objects.select_related("employee")}
    assert users["employee"].employee.manager == users["manager"].employee
    assert users["trainer"].groups.filter(name="Trainers").exists()
    assert users["admin"].groups.filter(name="L&D admins").exists()
    assert users["admin"].is_superuser


@pytest.mark.django_db
def test_seed_demo_refuses_production_without_force(settings):
    settings.ENVIRONMENT = "production"
    with pytest.raises(CommandError, match="production"):
        call_command("seed_demo")
    call_command("seed_demo", force=True)


@pytest.mark.django_db
def test_seed_demo_assigns_mandatory_training_with_a_realistic_mix():
    call_command("seed_demo")
    targets = {
        (a.course.slug, a.target): a
        for a in Assignment.objects.select_related("course")
    }
    everyone = targets[("accessible-customer-service", "everyone")]
    caseconnect = targets[("new-case-management-system", "org_unit")]
    assert (
        everyone.learners.count()
        == AssignedLearner.objects.filter(assignment=everyone).count()
        > 200
    )
    assert caseconnect.target_unit.code == "DIV-311"
    statuses = Counter(
        AssignedLearner.objects.with_status().values_list("status", flat=True)
    )
    assert statuses["completed"] > 10
    assert statuses["due_soon"] > 100
    assert statuses["overdue"] > 10
    employee = get_user_model().objects.get(username="employee")
    assert [
        (row.assignment.course.slug, row.status) for row in learner_rows(user=employee)
    ] == [
        ("new-case-management-system", "overdue"),
        ("accessible-customer-service", "due_soon"),
    ]
