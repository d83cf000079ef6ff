"""API tokens for posting usage: made and revoked in the admin, checked per request.

A token is 32 random bytes, shown once when it is made; only its SHA-256 is
kept, so the table cannot give a working token away. Checking looks the hash
up and compares it in constant time.
"""

import hashlib
import hmac
import secrets

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lib.errors import DomainError

from ..models import Initiative, UsageToken

PREFIX = "usage_"  # makes a leaked token recognisable to secret scanners


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class TokenNameTakenError(DomainError):
    """A live token of the initiative already has that name (a double submit, often)."""


def usage_token_create(
    *, initiative: Initiative, name: str, actor: AbstractBaseUser | None
) -> tuple[UsageToken, str]:
    """A new token for `initiative`, and the raw token to show once.

    Live tokens of one initiative have distinct names, checked under the
    initiative's row lock: a double or simultaneous submit makes one token and
    is told so, rather than making two.
    """
    raw = PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        list(
            Initiative.objects.select_for_update(no_key=True)
            .filter(pk=initiative.pk)
            .values_list("pk", flat=True)
        )
        taken = UsageToken.objects.filter(
            initiative=initiative, name=name, revoked_at__isnull=True
        ).first()
        if taken is not None:
            raise TokenNameTakenError(
                _(
                    "A token named “%(name)s” already works for this initiative "
                    "(made %(when)s). If you did not copy it, revoke it and make "
                    "another; or choose another name."
                )
                % {
                    "name": name,
                    "when": timezone.localtime(taken.created_at).strftime(
                        "%Y-%m-%d %H:%M"
                    ),
                },
                code="name_taken",
            )
        token = UsageToken.objects.create(
            initiative=initiative,
            name=name,
            token_hash=_hash(raw),
            created_by=actor if actor is not None and actor.is_authenticated else None,
        )
    return token, raw


def usage_token_revoke(*, token: UsageToken) -> bool:
    """Stop `token` working from now on; False if it was revoked already."""
    revoked = UsageToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    token.refresh_from_db(fields=["revoked_at"])
    return bool(revoked)


def usage_token_check(*, raw: str) -> UsageToken | None:
    """The live token `raw` is, stamped as used now; None if unknown or revoked."""
    if not raw.startswith(PREFIX) or len(raw) > 200:
        return None
    digest = _hash(raw)
    token = (
        UsageToken.objects.select_related("initiative")
        .filter(token_hash=digest, revoked_at__isnull=True)
        .first()
    )
    if token is None or not hmac.compare_digest(token.token_hash, digest):
        return None
    token.last_used_at = timezone.now()
    UsageToken.objects.filter(pk=token.pk).update(last_used_at=token.last_used_at)
    return token
