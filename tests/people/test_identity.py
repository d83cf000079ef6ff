"""Whose account a single sign-on opens: people/identity.py, for both protocols."""

import logging

from django.contrib.auth.models import Group
from django.db import connection

import pytest

from people.identity import SignInRefused, sign_in_user
from people.models import ExternalIdentity
from people.roles import LD_ADMINS, TRAINERS
from tests.concurrency import all_at_once

pytestmark = pytest.mark.django_db


def _refused(**claims) -> str:
    with pytest.raises(SignInRefused) as refusal:
        sign_in_user(provider="oidc", **claims)
    return refusal.value.code


def test_the_employee_number_claim_finds_the_roster_account(employee):
    number = employee.employee.employee_number
    user = sign_in_user(provider="oidc", subject="sub-1", employee_number=number)
    assert user == employee
    assert ExternalIdentity.objects.get(provider="oidc", subject="sub-1").user == user


def test_a_verified_email_finds_the_account_when_no_number_is_sent(employee):
    employee.employee.email = "Alice.Arsenault@city.example"
    employee.employee.save()
    user = sign_in_user(
        provider="saml",
        subject="alice@idp",
        email="alice.arsenault@CITY.example",
        email_verified=True,
    )
    assert user == employee


def test_an_unverified_email_finds_nobody(employee):
    employee.employee.email = "alice@city.example"
    employee.employee.save()
    code = _refused(subject="s", email="alice@city.example", email_verified=False)
    assert code == "unverified-email"
    assert not ExternalIdentity.objects.exists()


def test_a_number_that_matches_nobody_is_not_tried_again_by_email(employee):
    employee.employee.email = "alice@city.example"
    employee.employee.save()
    code = _refused(
        subject="s",
        employee_number="NOBODY-1",
        email="alice@city.example",
        email_verified=True,
    )
    assert code == "unknown-employee"


def test_unknown_people_and_empty_claims_are_refused(employee):
    assert _refused(subject="s", employee_number="E-404") == "unknown-employee"
    assert (
        _refused(subject="s", email="who@city.example", email_verified=True)
        == "unknown-employee"
    )
    assert _refused(subject="s") == "no-identifier"
    assert _refused(subject="", employee_number="x") == "no-identifier"


def test_an_email_two_people_share_is_refused(employee, peer):
    for user in (employee, peer):
        user.employee.email = "team@city.example"
        user.employee.save()
    code = _refused(subject="s", email="team@city.example", email_verified=True)
    assert code == "ambiguous-email"


def test_a_leavers_old_record_does_not_block_the_new_hire_with_the_address(
    employee, peer
):
    employee.employee.email = peer.employee.email = "a.smith@city.example"
    employee.employee.is_active = False
    employee.employee.save()
    peer.employee.save()
    user = sign_in_user(
        provider="oidc", subject="s", email="a.smith@city.example", email_verified=True
    )
    assert user == peer


def test_deactivated_employees_are_refused_and_logged(employee, caplog):
    employee.employee.is_active = False
    employee.employee.save()
    number = employee.employee.employee_number
    with caplog.at_level(logging.WARNING, logger="people.identity"):
        assert _refused(subject="s", employee_number=number) == "inactive-employee"
    assert "inactive-employee" in caplog.text


def test_a_linked_subject_is_refused_once_the_employee_leaves(employee):
    number = employee.employee.employee_number
    sign_in_user(provider="oidc", subject="s", employee_number=number)
    employee.is_active = False
    employee.save()
    assert _refused(subject="s", employee_number=number) == "inactive-employee"


def test_the_stored_link_wins_over_a_changed_claim(employee, peer):
    number = employee.employee.employee_number
    sign_in_user(provider="oidc", subject="s", employee_number=number)
    # The provider later sends someone else's number for the same subject.
    user = sign_in_user(
        provider="oidc", subject="s", employee_number=peer.employee.employee_number
    )
    assert user == employee


def test_a_second_subject_for_the_same_employee_is_refused(employee):
    number = employee.employee.employee_number
    sign_in_user(provider="oidc", subject="first", employee_number=number)
    assert _refused(subject="second", employee_number=number) == "linked-elsewhere"
    assert ExternalIdentity.objects.filter(user=employee).count() == 1


def test_each_protocol_links_on_its_own(employee):
    number = employee.employee.employee_number
    sign_in_user(provider="oidc", subject="oid-sub", employee_number=number)
    assert (
        sign_in_user(provider="saml", subject="saml-id", employee_number=number)
        == employee
    )


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite serialises")
@pytest.mark.django_db(transaction=True)
def test_simultaneous_first_sign_ins_link_once(employee):
    number = employee.employee.employee_number
    users = all_at_once(
        [
            lambda: sign_in_user(provider="oidc", subject="s", employee_number=number)
            for _ in range(4)
        ]
    )
    assert {user.pk for user in users} == {employee.pk}
    assert ExternalIdentity.objects.count() == 1


def test_sign_in_never_creates_an_account(employee, django_user_model):
    before = django_user_model.objects.count()
    _refused(subject="new", employee_number="E-NEW")
    sign_in_user(
        provider="oidc", subject="s", employee_number=employee.employee.employee_number
    )
    assert django_user_model.objects.count() == before


def _names(user) -> set[str]:
    return set(user.groups.values_list("name", flat=True))


def test_without_a_mapping_a_group_claim_changes_no_roles(trainer, settings):
    settings.SSO_ROLE_GROUPS = {"Trainers": [], "L&D admins": []}
    user = sign_in_user(
        provider="oidc",
        subject="s",
        employee_number=trainer.employee.employee_number,
        groups=["city-ld-admins"],
    )
    assert _names(user) == {TRAINERS}
    assert not user.is_superuser


def test_a_mapped_group_claim_sets_trainers_and_ld_admins_both_ways(trainer, settings):
    settings.SSO_ROLE_GROUPS = {"Trainers": ["g-train"], "L&D admins": ["g-ld"]}
    number = trainer.employee.employee_number
    user = sign_in_user(provider="oidc", subject="s", employee_number=number, groups=[])
    assert _names(user) == set()
    user = sign_in_user(
        provider="oidc",
        subject="s",
        employee_number=number,
        groups=["g-ld", "g-other"],
    )
    assert _names(user) == {LD_ADMINS}
    assert not user.is_superuser and not user.is_staff


def test_a_mapping_never_touches_groups_it_does_not_name(employee, settings):
    Group.objects.get_or_create(name="Change leads")
    employee.groups.add(Group.objects.get(name="Change leads"))
    settings.SSO_ROLE_GROUPS = {"Trainers": ["g-train"], "L&D admins": []}
    user = sign_in_user(
        provider="oidc",
        subject="s",
        employee_number=employee.employee.employee_number,
        groups=["g-train"],
    )
    assert _names(user) == {"Change leads", TRAINERS}


def test_no_group_claim_leaves_roles_alone_even_with_a_mapping(trainer, settings):
    settings.SSO_ROLE_GROUPS = {"Trainers": ["g-train"], "L&D admins": []}
    user = sign_in_user(
        provider="oidc",
        subject="s",
        employee_number=trainer.employee.employee_number,
        groups=None,
    )
    assert _names(user) == {TRAINERS}


def test_a_mapping_may_name_only_trainers_and_ld_admins(employee, settings):
    settings.SSO_ROLE_GROUPS = {"Change leads": ["g"]}
    with pytest.raises(ValueError, match="Change leads"):
        sign_in_user(
            provider="oidc",
            subject="s",
            employee_number=employee.employee.employee_number,
            groups=["g"],
        )
