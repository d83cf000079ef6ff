"""Skills fixtures: the wiring the lead adds later (the framework and its staff,
which browser tests share, are in tests/conftest.py).

Until training_site mounts skills' URLs and grants L&D admins the framework
permissions, these fixtures do it for the tests; once wired, they do nothing.
"""

from django.contrib.auth.models import Group, Permission
from django.urls import NoReverseMatch, reverse

import pytest

from people.roles import LD_ADMINS
from skills.permissions import FRAMEWORK_PERMISSIONS
from training_site.group_permissions import LD_ADMIN_PERMISSIONS


@pytest.fixture(autouse=True)
def skills_urls(settings):
    try:
        reverse("skills:my-skills")
    except NoReverseMatch:
        settings.ROOT_URLCONF = "tests.skills.urls"


@pytest.fixture
def ld_admin(ld_admin):
    """The L&D admin persona, holding the framework permissions (if not yet wired)."""
    if not set(FRAMEWORK_PERMISSIONS) <= set(LD_ADMIN_PERMISSIONS):
        codenames = [p.split(".")[1] for p in FRAMEWORK_PERMISSIONS]
        Group.objects.get(name=LD_ADMINS).permissions.add(
            *Permission.objects.filter(
                content_type__app_label="skills", codename__in=codenames
            )
        )
    return ld_admin
