"""Shared fixtures: the organisation the personas live in, and the personas.

    Division
    └── Section
        ├── Team A  (head: manager Bob)   Alice (employee), reports to Bob
        └── Team B  (head: Dana)          Charlie (peer), reports to Dana

Every permission test runs its check for each persona: anonymous, employee,
peer, manager, other_manager, trainer, ld_admin (tests/personas.py), through the
`persona_matrix` fixture.
"""

import os
from contextlib import ExitStack

from django.conf import settings
from django.core.files.storage import default_storage
from django.test import Client

import pytest

from lib.storage import storage_prepare
from people import roles
from tests.people.factories import EmployeeFactory, OrgUnitFactory, UserFactory
from tests.personas import PersonaMatrix
from tests.skills.factories import make_category, make_role, make_skill, set_target
from tests.storage_emulators import (
    KINDS,
    Emulator,
    ObjectStorage,
    emulator,
    unique_name,
)
from tests.template_db import use_templates
from training_site.settings.media import media_storage

# Playwright's sync API runs an event loop in this thread; Django refuses DB
# access from "async" contexts unless told it is safe (it is: one thread).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    django_db_modify_db_settings_parallel_suffix,
    django_db_blocker,
    django_db_keepdb,
    django_db_createdb,
    django_db_use_migrations,
):
    """Every test database starts as a copy of one migrated template (template_db)."""
    if django_db_use_migrations and not (django_db_keepdb and not django_db_createdb):
        with django_db_blocker.unblock():
            use_templates(settings.DATABASES)


@pytest.fixture
def org(db):
    division = OrgUnitFactory(code="DIV", name="Public Works")
    section = OrgUnitFactory(code="SEC", name="Roads", parent=division)
    team_a = OrgUnitFactory(code="TEAM-A", name="Road Crew A", parent=section)
    team_b = OrgUnitFactory(code="TEAM-B", name="Road Crew B", parent=section)
    return {
        "division": division,
        "section": section,
        "team_a": team_a,
        "team_b": team_b,
    }


def _employee(username, unit, *, first, last, manager=None, groups=(), **extra):
    user = UserFactory(
        username=username, first_name=first, last_name=last, groups=groups
    )
    return EmployeeFactory(
        user=user,
        org_unit=unit,
        manager=manager,
        first_name=first,
        last_name=last,
        **extra,
    )


@pytest.fixture
def manager(org):
    bob = _employee(
        "bob", org["team_a"], first="Bob", last="Bouchard", job_title="Team Lead"
    )
    org["team_a"].head = bob
    org["team_a"].save(update_fields=["head"])
    return bob.user


@pytest.fixture
def employee(org, manager):
    return _employee(
        "alice",
        org["team_a"],
        first="Alice",
        last="Arsenault",
        manager=manager.employee,
    ).user


@pytest.fixture
def other_manager(org):
    dana = _employee(
        "dana", org["team_b"], first="Dana", last="Dubois", job_title="Team Lead"
    )
    org["team_b"].head = dana
    org["team_b"].save(update_fields=["head"])
    return dana.user


@pytest.fixture
def peer(org, other_manager):
    return _employee(
        "charlie",
        org["team_b"],
        first="Charlie",
        last="Chen",
        manager=other_manager.employee,
    ).user


@pytest.fixture
def trainer(org):
    return _employee(
        "tess", org["division"], first="Tess", last="Trainer", groups=[roles.TRAINERS]
    ).user


@pytest.fixture
def ld_admin(org):
    return _employee(
        "lee", org["division"], first="Lee", last="Learning", groups=[roles.LD_ADMINS]
    ).user


@pytest.fixture
def anonymous(db):
    return None


@pytest.fixture
def personas(anonymous, employee, peer, manager, other_manager, trainer, ld_admin):
    return {
        "anonymous": anonymous,
        "employee": employee,
        "peer": peer,
        "manager": manager,
        "other_manager": other_manager,
        "trainer": trainer,
        "ld_admin": ld_admin,
    }


@pytest.fixture
def client_for():
    """A test client signed in as the given user (or anonymous for None)."""

    def make(user):
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.fixture
def persona_matrix(personas, client_for):
    """Ask every persona named for a URL; fail listing each whose answer differs."""
    return PersonaMatrix(personas, client_for)


# --- A skills framework (tests/skills and tests/browser share it) ---------------


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


@pytest.fixture(scope="session")
def storage_emulators(tmp_path_factory):
    """Azurite and moto, started once per test process when a test asks for them."""
    with ExitStack() as stack:
        started: dict[str, Emulator] = {}

        def get(kind: str) -> Emulator:
            if kind not in started:
                scratch = tmp_path_factory.mktemp(f"{kind}-emulator")
                started[kind] = stack.enter_context(emulator(kind, scratch))
            return started[kind]

        yield get


@pytest.fixture(params=KINDS)
def object_storage(request, storage_emulators, settings) -> ObjectStorage:
    """Media on a fresh Azure container, then on a fresh S3 bucket (one run each)."""
    server = storage_emulators(request.param)
    name = unique_name()
    env = server.media_env(name)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": media_storage(lambda key, default="": env.get(key, default)),
    }
    storage_prepare(default_storage)
    return ObjectStorage(
        kind=request.param, name=name, storage=default_storage._wrapped
    )
