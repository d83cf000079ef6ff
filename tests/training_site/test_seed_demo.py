"""seed_demo: the demo logins work, and running it twice changes nothing."""

from django.apps import apps
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command

import pytest


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
    from django.contrib.auth import get_user_model

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
