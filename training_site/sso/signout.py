"""Signing out of a single sign-on session also signs out at the provider."""

from django.http import HttpRequest

from . import OIDC, SAML, SESSION_PROVIDER, oidc, saml


def provider_logout_url(request: HttpRequest) -> str | None:
    """Where to send the browser next, read before the session is flushed, or None."""
    provider = request.session.get(SESSION_PROVIDER)
    if provider == OIDC:
        return oidc.logout_url(request)
    if provider == SAML:
        return saml.logout_url(request)
    return None
