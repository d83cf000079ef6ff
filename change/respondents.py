"""The pseudonymous key a check-in answer is filed under, instead of the person."""

from django.conf import settings
from django.utils.crypto import salted_hmac

_SALT = "change.respondent_key"


def respondent_key(*, initiative_id: int, employee_id: int) -> str:
    """HMAC-SHA256 of "<initiative id>:<employee id>": one key per person per initiative.

    The same across an initiative's rounds (so its rounds can be compared
    without names) and different between initiatives (so they cannot be joined).
    """
    secret = settings.CHANGE_RESPONDENT_KEY_SECRET or None  # None: SECRET_KEY
    return salted_hmac(
        _SALT, f"{initiative_id}:{employee_id}", secret=secret, algorithm="sha256"
    ).hexdigest()
