"""Sign-in through the city's OpenID provider (Entra ID, Okta, Keycloak…).

mozilla-django-oidc runs the authorization-code flow: PKCE (S256), state and
nonce in the session, the token request, userinfo. What it leaves out is added
here: it wants each endpoint in a setting, so they come from the provider's
discovery document instead (cached); it decodes the id_token without checking
`aud` or `iss` and lets an expired one raise through to a 500, so every claim
OIDC Core 3.1.3.7 names is checked and every failure becomes the refusal page;
and it would create users, so `people.identity` decides whose roster account
opens. Settings are read per request (training_site/settings/sso.py, docs/sso.md).
"""

import hashlib
import logging
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib import auth
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.views import View

import jwt
import requests
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from people.identity import SignInRefused, sign_in_user

from . import OIDC, SESSION_PROVIDER
from .refusals import refused

logger = logging.getLogger("training_site.sso")

METADATA_CACHE_SECONDS = 60 * 60
LEEWAY_SECONDS = 60
# Asymmetric only: an HS256 token would be "signed" with our own client secret.
SIGNING_ALGORITHMS = (
    *("RS256", "RS384", "RS512", "PS256", "PS384", "PS512"),
    *("ES256", "ES384", "ES512"),
)
REQUIRED_METADATA = ("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri")
# mozilla-django-oidc's session key; logout_url sends it back as id_token_hint.
ID_TOKEN_KEY = "oidc_id_token"  # noqa: S105 (a session key, not a secret)


class BadToken(Exception):
    """The provider's id_token or claims fail a check (refused as bad-token)."""


class ProviderError(Exception):
    """The provider's documents are not what OpenID Connect says (provider-error)."""


PROVIDER_FAILURES = (requests.RequestException, ProviderError)


def cache_key(kind: str, url: str) -> str:
    return f"sso:oidc:{kind}:{hashlib.sha256(url.encode()).hexdigest()}"


def _cached_json(kind: str, url: str, *, refresh: bool = False) -> dict:
    key = cache_key(kind, url)
    document = None if refresh else cache.get(key)
    if document is None:
        answer = requests.get(url, timeout=settings.OIDC_TIMEOUT)
        answer.raise_for_status()
        document = answer.json()
        if not isinstance(document, dict):
            raise ProviderError(f"the {kind} document is not a JSON object")
        cache.set(key, document, METADATA_CACHE_SECONDS)
    return document


def provider_metadata() -> dict:
    """The provider's discovery document (fetched at most once an hour)."""
    metadata = _cached_json("discovery", settings.OIDC_DISCOVERY_URL)
    missing = [name for name in REQUIRED_METADATA if not metadata.get(name)]
    if missing:
        raise ProviderError(f"the discovery document has no {', '.join(missing)}")
    return metadata


def _signing_key(metadata: dict, header: dict) -> jwt.PyJWK:
    """The provider's key for this header; the key set is fetched again, once, when
    the key id is new to us (the provider has rotated its keys)."""
    for refresh in (False, True):
        keys = _cached_json("jwks", metadata["jwks_uri"], refresh=refresh)
        for jwk in keys.get("keys") or []:
            if not isinstance(jwk, dict):
                continue
            if (
                jwk.get("kid") == header.get("kid")
                and jwk.get("alg", header["alg"]) == header["alg"]
                and jwk.get("use", "sig") == "sig"
            ):
                return jwt.PyJWK(jwk, algorithm=header["alg"])
    raise BadToken(f"no signing key {header.get('kid')!r} in the provider's key set")


def _allowed_algorithms(metadata: dict) -> list[str]:
    offered = metadata.get("id_token_signing_alg_values_supported") or ["RS256"]
    return [alg for alg in offered if alg in SIGNING_ALGORITHMS]


def _library_setting(name: str, *default):
    """mozilla-django-oidc's settings, made from ours when it asks (tests change them)."""
    ours = {
        "OIDC_RP_CLIENT_ID": settings.OIDC_CLIENT_ID,
        "OIDC_RP_CLIENT_SECRET": settings.OIDC_CLIENT_SECRET,
        "OIDC_RP_SCOPES": settings.OIDC_SCOPES,
        "OIDC_USE_NONCE": True,
        "OIDC_USE_PKCE": True,
        "OIDC_PKCE_CODE_CHALLENGE_METHOD": "S256",
        "OIDC_TIMEOUT": settings.OIDC_TIMEOUT,
        "OIDC_STORE_ID_TOKEN": True,
        "OIDC_STORE_ACCESS_TOKEN": False,
        "OIDC_CREATE_USER": False,
        "OIDC_AUTHENTICATION_CALLBACK_URL": "sso:oidc-callback",
    }
    if name in ours:
        return ours[name]
    return import_from_settings(name, *default)


def _text(value) -> str:
    return str(value).strip() if isinstance(value, str | int) else ""


def _groups(value) -> list[str] | None:
    # Absent (or Entra's "too many groups" overage, which leaves it out): None,
    # so people.identity leaves roles alone.
    if value is None:
        return None
    values = value if isinstance(value, list) else [value]
    return [str(group) for group in values if isinstance(group, str | int)]


class EmployeeOIDCBackend(OIDCAuthenticationBackend):
    """Opens the roster account the provider vouches for; never creates one.

    Django asks every backend on each authenticate(), passwords included: this one
    answers only the OIDC callback's call (with its code_verifier) and raises on
    every failure, so the callback can say which one it was.
    """

    def __init__(self, *args, **kwargs):
        # mozilla-django-oidc reads (and insists on) its endpoint settings here.
        self.UserModel = get_user_model()

    get_settings = staticmethod(_library_setting)

    def authenticate(self, request, **kwargs):
        if (
            request is None
            or "code_verifier" not in kwargs
            or not settings.OIDC_ENABLED
        ):
            return None
        self.metadata = provider_metadata()
        self.OIDC_RP_CLIENT_ID = settings.OIDC_CLIENT_ID
        self.OIDC_RP_CLIENT_SECRET = settings.OIDC_CLIENT_SECRET
        self.OIDC_OP_TOKEN_ENDPOINT = self.metadata["token_endpoint"]
        return super().authenticate(request, **kwargs)

    def get_token(self, payload):
        methods = self.metadata.get("token_endpoint_auth_methods_supported")
        # client_secret_basic is the default when the provider lists none.
        basic = not methods or "client_secret_basic" in methods
        payload = dict(payload)
        auth_ = None
        if basic:
            auth_ = (payload["client_id"], payload.pop("client_secret"))
        answer = requests.post(
            self.OIDC_OP_TOKEN_ENDPOINT,
            data=payload,
            auth=auth_,
            timeout=settings.OIDC_TIMEOUT,
        )
        self.raise_token_response_error(answer)
        return answer.json()

    def verify_token(self, token, **kwargs):
        """The id_token's claims, once its signature and every claim check out."""
        if not isinstance(token, str):
            raise BadToken("the token response has no id_token")
        client_id = settings.OIDC_CLIENT_ID
        try:
            header = jwt.get_unverified_header(token)
            if header.get("alg") not in _allowed_algorithms(self.metadata):
                raise BadToken(f"an id_token signed with {header.get('alg')!r}")
            claims = jwt.decode(
                token,
                _signing_key(self.metadata, header),
                algorithms=[header["alg"]],
                audience=client_id,
                issuer=self.metadata["issuer"],
                leeway=LEEWAY_SECONDS,
                options={"require": ["iss", "sub", "aud", "exp", "iat"]},
            )
        except (jwt.PyJWTError, KeyError, TypeError, AttributeError) as error:
            # A malformed token or key set (PyJWK's key errors are PyJWTErrors
            # too, not InvalidTokenErrors): refused, never a server error.
            raise BadToken(f"id_token: {error!r}") from None
        audiences = (
            claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
        )
        if len(audiences) > 1 and claims.get("azp") != client_id:
            raise BadToken("id_token for several audiences, authorized for another")
        if claims.get("nonce") != kwargs.get("nonce"):
            raise BadToken("id_token nonce differs from this sign-in's")
        if not _text(claims["sub"]):
            raise BadToken("id_token without a subject")
        return claims

    def get_userinfo(self, access_token, id_token, payload):
        endpoint = self.metadata.get("userinfo_endpoint")
        if not endpoint:
            return {}
        answer = requests.get(
            endpoint,
            headers={"Authorization": f"Bearer {access_token}"},
            timeout=settings.OIDC_TIMEOUT,
        )
        answer.raise_for_status()
        if not answer.headers.get("content-type", "").startswith("application/json"):
            raise BadToken("userinfo is not JSON (signed userinfo is not supported)")
        userinfo = answer.json()
        # OIDC Core 5.3.2: another subject's claims must not be used.
        if not isinstance(userinfo, dict) or userinfo.get("sub") != payload["sub"]:
            raise BadToken("userinfo is about another subject than the id_token")
        return userinfo

    def get_or_create_user(self, access_token, id_token, payload):
        # The id_token wins: it is signed, and Entra sends optional claims only there.
        claims = {**self.get_userinfo(access_token, id_token, payload), **payload}
        verified = claims.get(settings.OIDC_EMAIL_VERIFIED_CLAIM)
        return sign_in_user(
            provider=OIDC,
            # Qualified by the issuer: another tenant's subjects may collide.
            subject=f"{payload['iss']} {_text(payload['sub'])}",
            employee_number=_text(claims.get(settings.OIDC_EMPLOYEE_NUMBER_CLAIM)),
            email=_text(claims.get(settings.OIDC_EMAIL_CLAIM)),
            email_verified=verified is True or str(verified).lower() == "true",
            groups=_groups(claims.get(settings.OIDC_GROUPS_CLAIM)),
        )

    def get_user(self, user_id):
        # ModelBackend's: a deactivated account's session ends on its next request.
        return ModelBackend.get_user(self, user_id)


def _refuse(request, code: str, *, status: int = 403) -> HttpResponse:
    return refused(request, provider=OIDC, code=code, status=status)


class OIDCLoginView(OIDCAuthenticationRequestView):
    """Sends the browser to the provider, with PKCE, state and nonce. Anyone may start."""

    get_settings = staticmethod(_library_setting)

    def __init__(self, **kwargs):
        # mozilla-django-oidc reads the authorization endpoint setting here.
        View.__init__(self, **kwargs)

    def get(self, request: HttpRequest) -> HttpResponse:
        if not settings.OIDC_ENABLED:
            raise Http404
        try:
            self.OIDC_OP_AUTH_ENDPOINT = provider_metadata()["authorization_endpoint"]
        except PROVIDER_FAILURES as error:
            logger.warning("OpenID provider's discovery document: %s", error)
            return _refuse(request, "provider-error")
        self.OIDC_RP_CLIENT_ID = settings.OIDC_CLIENT_ID
        return super().get(request)


class OIDCCallbackView(OIDCAuthenticationCallbackView):
    """Where the provider sends the browser back. Only a state this session was
    given, used once, goes on to the token request; every failure is explained."""

    get_settings = staticmethod(_library_setting)

    def get(self, request: HttpRequest) -> HttpResponse:
        if not settings.OIDC_ENABLED:
            raise Http404
        states = request.session.get("oidc_states") or {}
        state = request.GET.get("state", "")
        if state not in states:
            return _refuse(request, "replayed-state", status=400)
        if request.GET.get("error") or not request.GET.get("code"):
            del states[state]
            request.session.modified = True
            logger.warning(
                "OpenID provider answered %r", request.GET.get("error", "")[:100]
            )
            return _refuse(request, "provider-error")
        try:
            return super().get(request)
        except SignInRefused as refusal:
            return refused(
                request, provider=OIDC, code=refusal.code, message=refusal.message
            )
        except BadToken as error:
            logger.warning("OpenID Connect answer refused: %s", error)
            return _refuse(request, "bad-token")
        except PROVIDER_FAILURES as error:
            # The error's class only: its text may hold the provider's answer.
            logger.warning("OpenID provider failed: %s", type(error).__name__)
            return _refuse(request, "provider-error")
        except (AttributeError, TypeError, ValueError):
            # A token response of the wrong shape, deep in the library.
            logger.warning("OpenID provider's answer not understood", exc_info=True)
            return _refuse(request, "bad-response")

    def login_failure(self):
        # Only when the backend returned no user without saying why.
        return _refuse(self.request, "bad-response")

    def login_success(self):
        session = self.request.session
        id_token, next_url = session.get(ID_TOKEN_KEY), session.get("oidc_login_next")
        auth.login(self.request, self.user)  # a new session: keep what logout needs
        self.request.session[SESSION_PROVIDER] = OIDC
        self.request.session[ID_TOKEN_KEY] = id_token
        # The login view kept `next` only if it stays on this site (get_next_url).
        return HttpResponseRedirect(next_url or reverse("training_site:my-learning"))


def logout_url(request: HttpRequest) -> str | None:
    """The provider's end-session URL for this session (RP-initiated logout), or None.

    Read before the session is flushed: it sends the id_token back as the hint.
    """
    if not (settings.OIDC_ENABLED and settings.OIDC_PROVIDER_LOGOUT):
        return None
    try:
        endpoint = provider_metadata().get("end_session_endpoint")
    except PROVIDER_FAILURES as error:
        logger.warning("OpenID provider's logout endpoint unknown: %s", error)
        return None
    if not endpoint:
        return None
    if _origin(endpoint) != _origin(settings.OIDC_DISCOVERY_URL):
        # The id_token goes along as the hint: only to the provider's own host.
        logger.warning("OpenID provider's logout endpoint is on another host")
        return None
    params = {
        "client_id": settings.OIDC_CLIENT_ID,
        "post_logout_redirect_uri": request.build_absolute_uri("/"),
    }
    if request.session.get(ID_TOKEN_KEY):
        params["id_token_hint"] = request.session[ID_TOKEN_KEY]
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{urlencode(params)}"


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()
