"""seed_demo the command: it refuses production settings unless forced."""

from unittest import mock

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

import pytest


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
