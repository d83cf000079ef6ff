"""The one page that says why a sign-in through the identity provider was refused.

Every refusal, whatever the protocol, is logged with its code and the request id
that the page shows, so the service desk can find the line the person quotes.
Nothing from the provider (tokens, assertions, claims) is written to the log.
"""

import logging

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from training_site.observability import current_request_id

logger = logging.getLogger("training_site.sso")

MESSAGES = {
    "bad-token": _(
        "The answer from your city account could not be trusted (it was not meant "
        "for this site, had expired, or was not signed by the provider)."
    ),
    "replayed-state": _(
        "This sign-in link was already used or did not start here. Sign-in links "
        "work once: start again from the sign-in page."
    ),
    "provider-error": _(
        "Your city account's sign-in service did not let you in, or did not answer. "
        "Try again in a few minutes."
    ),
    "unsigned-response": _(
        "The answer from your city account was not signed, so it could not be trusted."
    ),
    "bad-response": _(
        "The answer from your city account could not be read or was not valid for "
        "this site."
    ),
    "not-configured": _("Sign-in with a city account is not set up here."),
}


def refused(
    request: HttpRequest,
    *,
    provider: str,
    code: str,
    message: str | None = None,
    status: int = 403,
) -> HttpResponse:
    """Render "We could not sign you in" with `message` (or the code's), and log it."""
    logger.warning("Single sign-on through %s refused: %s", provider, code)
    return TemplateResponse(
        request,
        "training_site/sso_refused.html",
        {
            "message": message or MESSAGES[code],
            "code": code,
            "request_id": current_request_id(),
        },
        status=status,
    )
