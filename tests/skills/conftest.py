"""Skills fixtures: a small framework, and the wiring the lead adds later.

Until training_site mounts skills' URLs and grants L&D admins the framework
permissions, these fixtures do it for the tests; once wired, they do nothing.
"""

from django.contrib.auth.models import Group, Permission
from django.urls import NoReverseMatch, reverse

import pytest

from people.roles import LD_ADMINS
from skills.permissions import FRAMEWORK_PERMISSIONS
from tests.skills.factories import make_category, make_role, make_skill, set_target
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


@pytest.fixture
def framework(db):
    """Two categories, four skills; the CSR role targets three of them.

    Data literacy 3, Cybersecurity 2, Plain language 2; Drone piloting has no target.
    """
    data = make_category("Data", sort_order=1)
    digital = make_category("Digital", sort_order=2)
    skills = {
        "data": make_skill("Data literacy", code="data-literacy", category=data),
        "cyber": make_skill("Cybersecurity", code="cyber", category=digital),
        "plain": make_skill("Plain language", code="plain-language", category=digital),
        "drones": make_skill("Drone piloting", code="drones", category=digital),
    }
    csr = make_role("CSR", "Customer service representative")
    set_target(csr, skills["data"], 3)
    set_target(csr, skills["cyber"], 2)
    set_target(csr, skills["plain"], 2)
    return {"role": csr, "skills": skills}


@pytest.fixture
def staffed(framework, employee, peer, manager):
    """Alice and Charlie hold the CSR role profile."""
    for user in (employee, peer):
        user.employee.role_profile = framework["role"]
        user.employee.save(update_fields=["role_profile"])
    return framework
