"""Who holds which role: the group names and `user_is_…` in people/roles.py."""

from django.contrib.auth.models import AnonymousUser, Group

import pytest

from people import roles
from people.roles import user_is_ld_admin, user_is_manager, user_is_trainer
from tests.people.factories import UserFactory

EXPECTED = {
    # persona: (trainer, L&D admin, manager)
    "employee": (False, False, False),
    "peer": (False, False, False),
    "manager": (False, False, True),
    "other_manager": (False, False, True),
    "trainer": (True, False, False),
    "ld_admin": (False, True, False),
}


@pytest.mark.django_db
def test_each_persona_holds_exactly_its_roles(personas):
    for name, expected in EXPECTED.items():
        user = personas[name]
        found = (user_is_trainer(user), user_is_ld_admin(user), user_is_manager(user))
        assert found == expected, name


@pytest.mark.django_db
def test_anonymous_visitors_hold_no_role():
    anonymous = AnonymousUser()
    assert not user_is_trainer(anonymous)
    assert not user_is_ld_admin(anonymous)
    assert not user_is_manager(anonymous)


@pytest.mark.django_db
def test_a_superuser_holds_the_org_wide_view_without_the_group():
    assert user_is_ld_admin(UserFactory(is_superuser=True))


@pytest.mark.django_db
def test_the_groups_site_set_up_creates_carry_these_names():
    assert set(Group.objects.values_list("name", flat=True)) >= {
        roles.TRAINERS,
        roles.LD_ADMINS,
    }
