"""Sign-in through the city's identity provider: the environment, read once (docs/sso.md).

`sso_settings` holds what both protocols share; `oidc_settings` and `saml_settings`
turn their own variables into Django settings. A missing or malformed value stops
the command at start with one line naming the variable; secrets are never repeated.
"""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured

LOCAL_SIGN_IN_CHOICES = ("everyone", "break-glass")


def sso_settings(env_str: Callable[..., str], env_list: Callable[..., list]) -> dict:
    """The label on the sign-in button, who may use a password, the role mapping."""
    local = env_str("LOCAL_SIGN_IN", "everyone").strip().lower() or "everyone"
    if local not in LOCAL_SIGN_IN_CHOICES:
        raise ImproperlyConfigured(
            f"LOCAL_SIGN_IN must be everyone or break-glass, not {local!r}"
        )
    return {
        # "Sign in with <SSO_LABEL>": the name staff know their account by.
        "SSO_LABEL": env_str("SSO_LABEL", "your city account").strip(),
        # everyone: passwords work for every account (the demo, no provider);
        # break-glass: only accounts with no staff record (administrators kept
        # for when the provider is down) may use one; staff must use SSO.
        "LOCAL_SIGN_IN": local,
        # Provider group ids whose members are Trainers / L&D admins here. Empty:
        # a group claim never changes anyone's roles (people/identity.py).
        "SSO_ROLE_GROUPS": {
            "Trainers": env_list("SSO_TRAINERS_GROUPS"),
            "L&D admins": env_list("SSO_LD_ADMINS_GROUPS"),
        },
    }


# --- OpenID Connect -------------------------------------------------------------
# (stub until the OpenID Connect part lands: it must set OIDC_ENABLED)


def oidc_settings(env_str, env_bool, env_list) -> dict:
    return {"OIDC_ENABLED": False}


# --- SAML 2.0 ---------------------------------------------------------------------
# (stub until the SAML part lands: it must set SAML_ENABLED)


def saml_settings(env_str, env_bool, env_list) -> dict:
    return {"SAML_ENABLED": False}
