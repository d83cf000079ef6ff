"""Sign-in through the city's identity provider: OpenID Connect and SAML 2.0.

`oidc` and `saml` check what the provider says; `people.identity` decides whose
account it opens; `refusals` explains, on one page, why it did not. docs/sso.md
has every setting.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

OIDC = "oidc"
SAML = "saml"
# The session remembers how someone signed in, so that signing out also ends
# the session at that provider.
SESSION_PROVIDER = "sso_provider"


@dataclass(frozen=True)
class Provider:
    key: str
    label: str
    login_url: str


def enabled_providers() -> list[Provider]:
    """The providers configured here, in the order the sign-in page offers them."""
    providers = []
    if settings.OIDC_ENABLED:
        providers.append(
            Provider(OIDC, sign_in_label(), reverse("sso:oidc-login")),
        )
    if settings.SAML_ENABLED:
        label = sign_in_label()
        if providers:
            label = _("%(label)s (SAML)") % {"label": label}
        providers.append(Provider(SAML, label, reverse("sso:saml-login")))
    return providers


def sign_in_label() -> str:
    return _("Sign in with %(name)s") % {"name": settings.SSO_LABEL}


def password_allowed(user) -> bool:
    """May this account sign in with a password? (LOCAL_SIGN_IN, docs/sso.md)"""
    if settings.LOCAL_SIGN_IN == "everyone":
        return True
    # break-glass: accounts with no staff record only, so that staff get the
    # provider's MFA and leavers lose access when the directory disables them.
    return getattr(user, "employee", None) is None
