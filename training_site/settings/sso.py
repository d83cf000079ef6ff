"""Sign-in through the city's identity provider: the environment, read once (docs/sso.md).

`sso_settings` holds what both protocols share; `oidc_settings` and `saml_settings`
turn their own variables into Django settings. A missing or malformed value stops
the command at start with one line naming the variable; secrets are never repeated.
"""

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

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

DISCOVERY_PATH = "/.well-known/openid-configuration"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


def oidc_settings(
    env_str: Callable[..., str], env_bool: Callable[..., bool], env_list: Callable
) -> dict:
    """OIDC_* (training_site/sso/oidc.py); on once the discovery URL and client id are set."""
    discovery_url = env_str("OIDC_DISCOVERY_URL").strip()
    client_id = env_str("OIDC_CLIENT_ID").strip()
    client_secret = env_str("OIDC_CLIENT_SECRET").strip()
    if bool(discovery_url) != bool(client_id):
        missing, given = (
            ("OIDC_CLIENT_ID", "OIDC_DISCOVERY_URL")
            if discovery_url
            else ("OIDC_DISCOVERY_URL", "OIDC_CLIENT_ID")
        )
        raise ImproperlyConfigured(f"{missing} must be set when {given} is")
    if discovery_url:
        discovery_url = _discovery_url(discovery_url)
        if not client_secret:
            raise ImproperlyConfigured(
                "OIDC_CLIENT_SECRET (or OIDC_CLIENT_SECRET_FILE) must be set when "
                "OIDC_DISCOVERY_URL is"
            )
    scopes = env_str("OIDC_SCOPES", "openid email profile").split()
    if "openid" not in scopes:
        raise ImproperlyConfigured(
            f"OIDC_SCOPES must include openid, not {' '.join(scopes)!r}"
        )
    return {
        "OIDC_ENABLED": bool(discovery_url),
        "OIDC_DISCOVERY_URL": discovery_url,
        "OIDC_CLIENT_ID": client_id,
        "OIDC_CLIENT_SECRET": client_secret,
        "OIDC_SCOPES": " ".join(scopes),
        # Which claims name the employee (people/identity.py matches on them).
        "OIDC_EMPLOYEE_NUMBER_CLAIM": _claim(
            env_str, "EMPLOYEE_NUMBER", "employee_number"
        ),
        "OIDC_EMAIL_CLAIM": _claim(env_str, "EMAIL", "email"),
        # Entra ID sends no email_verified; it sends xms_edov when asked to.
        "OIDC_EMAIL_VERIFIED_CLAIM": _claim(
            env_str, "EMAIL_VERIFIED", "email_verified"
        ),
        "OIDC_GROUPS_CLAIM": _claim(env_str, "GROUPS", "groups"),
        # Signing out here also ends the session at the provider, when it offers that.
        "OIDC_PROVIDER_LOGOUT": env_bool("OIDC_PROVIDER_LOGOUT", default=True),
        "OIDC_TIMEOUT": _seconds(env_str, "OIDC_TIMEOUT", "10"),
    }


def _discovery_url(url: str) -> str:
    """The discovery document's URL; an issuer URL gets the well-known path added."""
    parts = urlsplit(url)
    loopback = parts.scheme == "http" and parts.hostname in LOOPBACK_HOSTS
    if not (parts.scheme == "https" or loopback) or not parts.hostname:
        raise ImproperlyConfigured(
            "OIDC_DISCOVERY_URL must be an https:// URL (http:// only on this "
            f"machine), not {url!r}"
        )
    url = url.rstrip("/")
    return url if url.endswith(DISCOVERY_PATH) else url + DISCOVERY_PATH


def _claim(env_str: Callable[..., str], name: str, default: str) -> str:
    return env_str(f"OIDC_{name}_CLAIM", default).strip()


def _seconds(env_str: Callable[..., str], name: str, default: str) -> float:
    value = env_str(name, default).strip()
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0
    if not 1 <= seconds <= 300:
        raise ImproperlyConfigured(
            f"{name} must be a number of seconds from 1 to 300, not {value!r}"
        )
    return seconds


# --- SAML 2.0 ---------------------------------------------------------------------

# The attribute names read by default are Entra ID's claim URIs (ADFS sends the
# same e-mail and groups URIs). No IdP sends an employee number by default: add
# the claim (Entra ID: name "employeeid", namespace
# http://schemas.microsoft.com/identity/claims, source attribute user.employeeid;
# ADFS: a claim rule with that claim type).
SAML_EMPLOYEE_NUMBER_DEFAULT = "http://schemas.microsoft.com/identity/claims/employeeid"
SAML_EMAIL_DEFAULT = (
    "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"
)
# Entra ID sends group object ids under this name when a group claim is added.
SAML_GROUPS_DEFAULT = "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups"


def saml_settings(
    env_str: Callable[..., str],
    env_bool: Callable[..., bool],
    env_list: Callable[..., list],
) -> dict:
    """SAML 2.0 sign-in (djangosaml2), on when the IdP's metadata is configured.

    - SAML_IDP_METADATA_FILE (a path) or SAML_IDP_METADATA_URL (https://…, e.g.
      Entra ID's "App Federation Metadata Url", read again every hour): the IdP's
      entity id, endpoints and signing certificate. Without either, SAML is off
      and its URLs answer 404.
    - SAML_SP_ENTITY_ID: our entity id ("Identifier" in Entra ID); by default our
      metadata URL, WAGTAILADMIN_BASE_URL + /accounts/sso/saml/metadata/.
    - SAML_SP_KEY_FILE and SAML_SP_CERT_FILE (PEM paths, both or neither): sign
      our AuthnRequests and decrypt assertions when the IdP encrypts them.
    - SAML_EMPLOYEE_NUMBER_ATTRIBUTE, SAML_EMAIL_ATTRIBUTE, SAML_GROUPS_ATTRIBUTE:
      the attribute names exactly as the IdP sends them (defaults above). With no
      groups attribute in an assertion, nobody's roles change.
    - SAML_EMAIL_IS_VERIFIED (default true): a signed assertion from the city's
      own directory vouches for the e-mail address; set false for an IdP where
      people can type their own.

    The IdP must sign its assertions (SHA-256); unsolicited (IdP-initiated)
    responses are refused. training_site/sso/saml.py builds pysaml2's
    configuration from these settings at each request.
    """
    metadata_file = _saml_file(env_str, "SAML_IDP_METADATA_FILE")
    metadata_url = env_str("SAML_IDP_METADATA_URL").strip()
    if metadata_file and metadata_url:
        raise ImproperlyConfigured(
            "Set SAML_IDP_METADATA_FILE or SAML_IDP_METADATA_URL, not both"
        )
    # The metadata holds the certificate assertions are checked with: never over
    # plain HTTP, except from this machine (the tests' IdP).
    if metadata_url and not metadata_url.startswith(
        ("https://", "http://127.0.0.1:", "http://localhost:")
    ):
        raise ImproperlyConfigured(
            f"SAML_IDP_METADATA_URL must start with https://, not {metadata_url!r}"
        )
    key_file = _saml_file(env_str, "SAML_SP_KEY_FILE")
    cert_file = _saml_file(env_str, "SAML_SP_CERT_FILE")
    if bool(key_file) != bool(cert_file):
        missing = "SAML_SP_CERT_FILE" if key_file else "SAML_SP_KEY_FILE"
        raise ImproperlyConfigured(
            f"{missing} must be set with the other of SAML_SP_KEY_FILE/SAML_SP_CERT_FILE"
        )
    return {
        "SAML_ENABLED": bool(metadata_file or metadata_url),
        "SAML_IDP_METADATA_FILE": metadata_file,
        "SAML_IDP_METADATA_URL": metadata_url,
        "SAML_SP_ENTITY_ID": env_str("SAML_SP_ENTITY_ID").strip(),
        "SAML_SP_KEY_FILE": key_file,
        "SAML_SP_CERT_FILE": cert_file,
        "SAML_EMPLOYEE_NUMBER_ATTRIBUTE": (
            env_str("SAML_EMPLOYEE_NUMBER_ATTRIBUTE").strip()
            or SAML_EMPLOYEE_NUMBER_DEFAULT
        ),
        "SAML_EMAIL_ATTRIBUTE": (
            env_str("SAML_EMAIL_ATTRIBUTE").strip() or SAML_EMAIL_DEFAULT
        ),
        "SAML_GROUPS_ATTRIBUTE": (
            env_str("SAML_GROUPS_ATTRIBUTE").strip() or SAML_GROUPS_DEFAULT
        ),
        "SAML_EMAIL_IS_VERIFIED": env_bool("SAML_EMAIL_IS_VERIFIED", default=True),
        # djangosaml2's own settings.
        "SAML_CONFIG_LOADER": "training_site.sso.saml.sp_config",
        "SAML_DEFAULT_BINDING": "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect",
        "ACS_DEFAULT_REDIRECT_URL": "training_site:my-learning",
        # Our Content-Security-Policy middleware covers these views already.
        "SAML_CSP_HANDLER": "",
        # The IdP's answer is a cross-site POST: the cookie holding the request it
        # answers must travel with it, so SameSite=None, which browsers keep only
        # when Secure (SESSION_COOKIE_SECURE, on in production.py).
        "SAML_SESSION_COOKIE_SAMESITE": "None",
    }


def _saml_file(env_str: Callable[..., str], name: str) -> str:
    path = env_str(name).strip()
    if path and not Path(path).is_file():
        raise ImproperlyConfigured(f"{name} names no readable file: {path!r}")
    return path
