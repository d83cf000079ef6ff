"""SAML 2.0 sign-in: djangosaml2 checks the IdP's answer, people.identity says whose account.

djangosaml2 (over pysaml2 and xmlsec1) builds the AuthnRequest, checks the
Response (signature, audience, lifetime, InResponseTo) and calls the backend;
we subclass its views so that every failure shows our "We could not sign you in"
page with a code, and its backend so that the roster decides who signs in:
nobody is ever created here. The configuration is built at each request from
the SAML_* settings (training_site/settings/sso.py), so it follows them.
"""

import logging
import shutil
import time
from functools import lru_cache

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.decorators import decorator_from_middleware, method_decorator
from django.utils.module_loading import import_string
from django.views.decorators.csrf import csrf_exempt

import requests
from djangosaml2 import views as saml_views
from djangosaml2.backends import Saml2Backend
from djangosaml2.cache import IdentityCache, StateCache
from djangosaml2.middleware import SamlSessionMiddleware
from djangosaml2.overrides import Saml2Client
from djangosaml2.utils import get_location
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.attribute_converter import AttributeConverter
from saml2.config import SPConfig
from saml2.response import StatusError, UnsolicitedResponse
from saml2.s_utils import UnsupportedBinding
from saml2.saml import NAMEID_FORMAT_PERSISTENT
from saml2.sigver import SignatureError
from saml2.xmldsig import DIGEST_SHA256, SIG_RSA_SHA256

from people.identity import SignInRefused, sign_in_user

from . import SAML, SESSION_PROVIDER
from .refusals import refused

logger = logging.getLogger(__name__)

METADATA_URL_TIMEOUT = 10  # seconds
METADATA_URL_MAX_AGE = 3600  # seconds an IdP's metadata URL is trusted for


# --- Configuration ------------------------------------------------------------


def sp_config(request: HttpRequest | None = None) -> SPConfig:
    """pysaml2's SP configuration from the settings (djangosaml2's SAML_CONFIG_LOADER)."""
    conf = SPConfig().load(_sp_config_dict())
    # Attributes keep the names the IdP sent, the names the settings use; pysaml2
    # would otherwise rename the ones it knows (Entra ID's e-mail claim and others).
    conf.attribute_converters = [raw_attribute_names()]
    return conf


def raw_attribute_names(name_format: str = "") -> AttributeConverter:
    """An attribute converter that knows no names, so every name stays as sent."""
    converter = AttributeConverter(name_format)
    converter._to, converter._fro = {}, {}
    return converter


def _sp_config_dict() -> dict:
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    sp = {
        "name": settings.WAGTAIL_SITE_NAME,
        "endpoints": {
            "assertion_consumer_service": [
                (base + reverse("sso:saml-acs"), BINDING_HTTP_POST)
            ],
            "single_logout_service": [
                (base + reverse("sso:saml-ls"), BINDING_HTTP_REDIRECT)
            ],
        },
        "want_assertions_signed": True,
        "want_response_signed": False,
        "allow_unsolicited": False,
        # A stable, opaque id per person: what the sign-in is linked by.
        "name_id_format": NAMEID_FORMAT_PERSISTENT,
        "signing_algorithm": SIG_RSA_SHA256,
        "digest_algorithm": DIGEST_SHA256,
        "authn_requests_signed": bool(settings.SAML_SP_KEY_FILE),
        "logout_requests_signed": bool(settings.SAML_SP_KEY_FILE),
    }
    conf = {
        "entityid": sp_entity_id(),
        "xmlsec_binary": shutil.which("xmlsec1"),
        "allow_unknown_attributes": True,
        # Clocks differ a little between the IdP and us.
        "accepted_time_diff": 60,
        "service": {"sp": sp},
        "metadata": _idp_metadata(),
    }
    if settings.SAML_SP_KEY_FILE:
        conf |= {
            "key_file": settings.SAML_SP_KEY_FILE,
            "cert_file": settings.SAML_SP_CERT_FILE,
            "encryption_keypairs": [
                {
                    "key_file": settings.SAML_SP_KEY_FILE,
                    "cert_file": settings.SAML_SP_CERT_FILE,
                }
            ],
        }
    return conf


def sp_entity_id() -> str:
    """Our entity id: SAML_SP_ENTITY_ID, else our metadata URL."""
    return settings.SAML_SP_ENTITY_ID or (
        settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("sso:saml-metadata")
    )


def _idp_metadata() -> dict:
    if settings.SAML_IDP_METADATA_FILE:
        return {"local": [settings.SAML_IDP_METADATA_FILE]}
    # Fetched once an hour, not at every sign-in; a failure is not cached.
    window = int(time.time() // METADATA_URL_MAX_AGE)
    return {"inline": [_fetch_metadata(settings.SAML_IDP_METADATA_URL, window)]}


@lru_cache(maxsize=4)
def _fetch_metadata(url: str, window: int) -> str:
    answer = requests.get(url, timeout=METADATA_URL_TIMEOUT)
    answer.raise_for_status()
    return answer.text


# --- Backend ------------------------------------------------------------------


class EmployeeSaml2Backend(Saml2Backend):
    """Signs in the roster's employee the assertion names; never creates a user.

    Django asks every backend on each authenticate(): without a SAML session_info
    (a password sign-in, the OpenID Connect callback) this one says nothing.
    """

    def authenticate(self, request, session_info=None, **kwargs):
        if not session_info or "ava" not in session_info:
            return None
        attributes = session_info["ava"]
        groups = attributes.get(settings.SAML_GROUPS_ATTRIBUTE)
        user = sign_in_user(
            provider=SAML,
            subject=_subject(session_info.get("issuer"), session_info.get("name_id")),
            employee_number=_first(attributes, settings.SAML_EMPLOYEE_NUMBER_ATTRIBUTE),
            email=_first(attributes, settings.SAML_EMAIL_ATTRIBUTE),
            email_verified=settings.SAML_EMAIL_IS_VERIFIED,
            groups=None if groups is None else list(groups),
        )
        return user if self.user_can_authenticate(user) else None


def _subject(issuer, name_id) -> str:
    """The NameID, qualified by the IdP that issued it (another IdP's may collide)."""
    text = "" if name_id is None else (name_id.text or "").strip()
    return f"{issuer} {text}" if text else ""


def _first(attributes: dict, name: str) -> str:
    values = attributes.get(name) or [""]
    return (values[0] or "").strip()


# --- Views --------------------------------------------------------------------

# The saml_session cookie (the requests awaiting an answer, who signed in) is
# needed by these views only, not by every request the site serves.
saml_session = decorator_from_middleware(SamlSessionMiddleware)


class ConfiguredMixin:
    """404 unless SAML is set up; the refusal page if the IdP's metadata cannot be read.

    The configuration is built once per request, here, so that an unreadable
    metadata file or an IdP whose metadata URL does not answer shows a page
    that says so rather than an error.
    """

    def dispatch(self, request, *args, **kwargs):
        if not settings.SAML_ENABLED:
            raise Http404("SAML sign-in is not set up")
        try:
            self.sp_config = sp_config(request)
        except Exception:
            logger.exception("The SAML IdP's metadata could not be read")
            return refused(request, provider=SAML, code="provider-error", status=503)
        return super().dispatch(request, *args, **kwargs)

    def get_config_loader_path(self, request):
        return lambda request: self.sp_config


class LoginView(ConfiguredMixin, saml_views.LoginView):
    """Public: send the browser to the IdP with a (signed) AuthnRequest."""


class MetadataView(ConfiguredMixin, saml_views.MetadataView):
    """Public: our SP metadata, for the city's IdP administrator to import."""


# Posted from the IdP's page: no CSRF token, the signed answer is the proof. (Our
# dispatch hides djangosaml2's csrf_exempt from as_view, so it is said again.)
@method_decorator(csrf_exempt, name="dispatch")
class AssertionConsumerServiceView(
    ConfiguredMixin, saml_views.AssertionConsumerServiceView
):
    """Public (the IdP's answer is the credential): sign in, or say clearly why not."""

    def get(self, request, *args, **kwargs):
        # A bookmarked or reloaded ACS address carries no answer to check.
        return refused(request, provider=SAML, code="bad-response", status=400)

    def post(self, request, *args, **kwargs):
        if "SAMLResponse" not in request.POST:
            return refused(request, provider=SAML, code="bad-response", status=400)
        try:
            return super().post(request, *args, **kwargs)
        except SignInRefused as error:
            return refused(
                request, provider=SAML, code=error.code, message=error.message
            )

    def custom_validation(self, response):
        # The NameID becomes the person's link (people/identity.py): only a
        # persistent one is never given to somebody else. A transient one is new
        # at every sign-in; an e-mail or UPN one passes to whoever gets that
        # address next (a rename, a new hire).
        name_id = response.name_id
        if name_id is None or name_id.format != NAMEID_FORMAT_PERSISTENT:
            raise ValueError(
                "The IdP sent a NameID that is not persistent "
                f"({getattr(name_id, 'format', None)}); it must send a persistent one"
            )

    def handle_acs_failure(self, request, exception=None, status=403, **kwargs):
        return refused(request, provider=SAML, code=refusal_code(exception))

    def post_login_hook(self, request, user, session_info):
        request.session[SESSION_PROVIDER] = SAML


def refusal_code(exception: Exception | None) -> str:
    """The refusal code for what pysaml2 (or djangosaml2) found wrong with an answer."""
    if isinstance(exception, SignatureError) and "missing" in str(exception).lower():
        return "unsigned-response"
    if isinstance(exception, UnsolicitedResponse):
        # An InResponseTo we did not send, or already had an answer to.
        return "replayed-state"
    if isinstance(exception, StatusError):
        return "provider-error"
    # Tampered signature, another SP's audience, expired, malformed.
    return "bad-response"


@method_decorator(csrf_exempt, name="dispatch")
class LogoutServiceView(ConfiguredMixin, saml_views.LogoutView):
    """Public: the IdP's answer to our LogoutRequest, or a LogoutRequest of its own.

    The answer to ours is not read: we signed out before sending it, and
    nothing in it can sign anyone in. The IdP's own LogoutRequest ends the
    session only once djangosaml2 has checked it; anything else (a plain link to
    this address, a request that does not check out) signs nobody out, so
    another site cannot sign people out by sending them here.
    """

    def do_logout_service(self, request, data, binding, *args, **kwargs):
        if "SAMLResponse" in data:
            return HttpResponseRedirect(resolve_url(settings.LOGOUT_REDIRECT_URL))
        if "SAMLRequest" not in data:
            return refused(request, provider=SAML, code="bad-response", status=400)
        if not saml_views._get_subject_id(request.saml_session):
            # No SAML session in this browser: nothing of the IdP's to end here.
            return HttpResponseRedirect(resolve_url(settings.LOGOUT_REDIRECT_URL))
        try:
            return super().do_logout_service(request, data, binding, *args, **kwargs)
        except Exception:
            logger.warning("SAML logout request not understood", exc_info=True)
            return refused(request, provider=SAML, code="bad-response", status=400)


def logout_url(request: HttpRequest) -> str | None:
    """The IdP's single logout URL with our LogoutRequest, or None (local sign-out only).

    Called by the sign-out view before it ends the session here; None when SAML
    is off, the IdP has no SingleLogoutService, or this browser's SAML session
    is gone.
    """
    if not settings.SAML_ENABLED:
        return None
    session = _saml_session(request)
    subject_id = saml_views._get_subject_id(session)
    if subject_id is None:
        return None
    try:
        conf = sp_config(request)
        if not _idp_offers_single_logout(conf):
            return None
        state = StateCache(session)
        client = Saml2Client(
            conf, state_cache=state, identity_cache=IdentityCache(session)
        )
        result = client.global_logout(subject_id)
    except Exception:
        # Signing out here must work even when the IdP's metadata cannot be read.
        logger.warning("SAML single logout could not start", exc_info=True)
        return None
    state.sync()
    session.save()
    for info in result.values():
        if isinstance(info, tuple) and info[0] == BINDING_HTTP_REDIRECT:
            return get_location(info[1])
    return None


def _idp_offers_single_logout(conf: SPConfig) -> bool:
    for idp in conf.metadata.identity_providers():
        try:
            if conf.metadata.single_logout_service(
                idp, BINDING_HTTP_REDIRECT, "idpsso"
            ):
                return True
        except UnsupportedBinding:
            continue
    return False


def _saml_session(request: HttpRequest) -> SessionBase:
    if not hasattr(request, "saml_session"):
        store = import_string(settings.SESSION_ENGINE).SessionStore
        request.saml_session = store(
            request.COOKIES.get(SamlSessionMiddleware.cookie_name)
        )
    return request.saml_session
