"""Whose roster account a sign-in through the city's identity provider opens.

The protocols (OpenID Connect, SAML: training_site/sso/) check that the provider
really said something; this module decides what it means here, once for both:

1. A subject seen before signs in as the account it was linked to.
2. Otherwise the employee is found by the employee-number claim. When the provider
   sends no number, by e-mail, and only by an e-mail the provider says it verified
   that belongs to exactly one person in the roster. A number that matches nobody
   is refused rather than tried again by e-mail: the claim names someone who is not
   in the roster, and an e-mail match could be somebody else.
3. Only active employees with an active account sign in. Nobody is ever created:
   accounts come from the HR roster import, so the same employee never gets two.
4. Roles stay what the roster and the groups here say. Only when SSO_ROLE_GROUPS
   maps provider groups to *Trainers* or *L&D admins* does the group claim set those
   two memberships, at every sign-in, in both directions; nothing else (superuser,
   change leads, manager scope) ever follows a claim.
"""

import logging
from collections.abc import Collection
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, Group
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Employee, ExternalIdentity
from .roles import LD_ADMINS, TRAINERS

logger = logging.getLogger(__name__)

# The groups a provider's group claim may set (SSO_ROLE_GROUPS's keys).
MAPPABLE_GROUPS = (TRAINERS, LD_ADMINS)

_MESSAGES = {
    "no-identifier": _(
        "Your city account did not send an employee number or an e-mail address, "
        "so we cannot tell which employee you are."
    ),
    "unknown-employee": _(
        "Your city account does not match anyone in the staff roster here. "
        "If you joined recently, the roster may not have been imported yet."
    ),
    "unverified-email": _(
        "Your city account's e-mail address is not verified, so it cannot be used "
        "to find your staff record."
    ),
    "ambiguous-email": _(
        "Your e-mail address belongs to more than one person in the staff roster, "
        "so we cannot tell which one you are."
    ),
    "inactive-employee": _(
        "Your staff record is not active, so you cannot sign in. If you think this "
        "is wrong, ask HR to check the roster."
    ),
    "linked-elsewhere": _(
        "Your staff record is already linked to a different city account."
    ),
}


class SignInRefused(Exception):
    """The provider vouched for someone who may not sign in here; `message` says why."""

    def __init__(self, code: str):
        self.code = code
        self.message = _MESSAGES[code]
        super().__init__(code)


@dataclass(frozen=True)
class RoleChange:
    added: tuple[str, ...]
    removed: tuple[str, ...]


def sign_in_user(
    *,
    provider: str,
    subject: str,
    employee_number: str = "",
    email: str = "",
    email_verified: bool = False,
    groups: Collection[str] | None = None,
) -> AbstractBaseUser:
    """The account `subject` at `provider` signs in as; raises SignInRefused.

    `groups` is None when the provider sent no group claim: roles are then left
    alone even when a mapping is configured.
    """
    if not subject:
        raise SignInRefused("no-identifier")
    identity = (
        ExternalIdentity.objects.select_related("user__employee")
        .filter(provider=provider, subject=subject)
        .first()
    )
    if identity is not None:
        user = identity.user
        employee = getattr(user, "employee", None)
    else:
        employee = _match(
            employee_number=employee_number.strip(),
            email=email.strip(),
            email_verified=email_verified,
        )
        user = employee.user
    if employee is None or not employee.is_active or not user.is_active:
        _log_refusal(provider, "inactive-employee", user=user)
        raise SignInRefused("inactive-employee")
    if identity is None:
        _link(provider=provider, subject=subject, user=user)
    else:
        ExternalIdentity.objects.filter(pk=identity.pk).update(
            last_sign_in=timezone.now()
        )
    if groups is not None:
        change = _apply_role_groups(user, groups)
        if change.added or change.removed:
            logger.info(
                "Roles from the %s group claim for user %s: added %s, removed %s",
                provider,
                user.pk,
                list(change.added),
                list(change.removed),
            )
    logger.info("Single sign-on through %s as user %s", provider, user.pk)
    return user


def _match(*, employee_number: str, email: str, email_verified: bool) -> Employee:
    employees = Employee.objects.select_related("user")
    if employee_number:
        employee = employees.filter(employee_number=employee_number).first()
        if employee is None:
            raise SignInRefused("unknown-employee")
        return employee
    if not email:
        raise SignInRefused("no-identifier")
    if not email_verified:
        raise SignInRefused("unverified-email")
    # A leaver keeps their roster record, and a new hire may get the address:
    # active records decide, and an inactive one only says "not active".
    same_email = employees.filter(email__iexact=email)
    matches = list(same_email.filter(is_active=True)[:2]) or list(same_email[:2])
    if not matches:
        raise SignInRefused("unknown-employee")
    if len(matches) > 1:
        raise SignInRefused("ambiguous-email")
    return matches[0]


def _link(*, provider: str, subject: str, user: AbstractBaseUser) -> None:
    now = timezone.now()
    try:
        with transaction.atomic():
            ExternalIdentity.objects.create(
                provider=provider, subject=subject, user=user, last_sign_in=now
            )
    except IntegrityError:
        # Either the same first sign-in in two tabs at once (the other one won:
        # fine), or this account is already linked to another subject (refused).
        linked = ExternalIdentity.objects.filter(
            provider=provider, subject=subject
        ).first()
        if linked is None or linked.user_id != user.pk:
            _log_refusal(provider, "linked-elsewhere", user=user)
            raise SignInRefused("linked-elsewhere") from None


def _log_refusal(provider: str, code: str, *, user: AbstractBaseUser) -> None:
    logger.warning(
        "Single sign-on through %s refused (%s) for user %s", provider, code, user.pk
    )


def role_group_mapping() -> dict[str, set[str]]:
    """SSO_ROLE_GROUPS: {our group name: the provider's group ids}, empty ones left out."""
    mapping = getattr(settings, "SSO_ROLE_GROUPS", {}) or {}
    unknown = set(mapping) - set(MAPPABLE_GROUPS)
    if unknown:
        raise ValueError(
            f"SSO_ROLE_GROUPS may map only {', '.join(MAPPABLE_GROUPS)}, "
            f"not {', '.join(sorted(unknown))}"
        )
    return {name: set(ids) for name, ids in mapping.items() if ids}


def _apply_role_groups(user: AbstractBaseUser, groups: Collection[str]) -> RoleChange:
    mapping = role_group_mapping()
    if not mapping:
        return RoleChange(added=(), removed=())
    claimed = set(groups)
    held = set(user.groups.filter(name__in=mapping).values_list("name", flat=True))
    wanted = {name for name, ids in mapping.items() if ids & claimed}
    added, removed = sorted(wanted - held), sorted(held - wanted)
    if added:
        user.groups.add(*Group.objects.filter(name__in=added))
    if removed:
        user.groups.remove(*Group.objects.filter(name__in=removed))
    if added or removed:
        user.__dict__.pop("_group_names_cache", None)
    return RoleChange(added=tuple(added), removed=tuple(removed))
