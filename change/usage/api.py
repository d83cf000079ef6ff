"""POST /api/change/<slug>/usage/: another system posts an initiative's usage.

Authorization is a bearer token of that initiative (made in the admin). The
body is JSON, `{"usage": [{"employee_number": "…", "date": "YYYY-MM-DD",
"count": 3}, …]}` (or `"active": true` instead of a count), checked by the
same rules as the CSV import: one bad item and nothing is written. Posting the
same items again changes nothing. docs/change.md, "Adoption data".
"""

import json

from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from lib.request_limits import accepts_uploads_of

from ..models import Initiative
from .apply import usage_post
from .tokens import usage_token_check

MAX_ITEMS = 10_000
# 10,000 items of about 70 bytes, and room for spacing.
MAX_BODY_BYTES = 2 * 1024 * 1024


def _error(status: int, message: str, **headers) -> JsonResponse:
    return JsonResponse({"error": message}, status=status, headers=headers)


def _unauthorized(message: str, *, given: bool) -> JsonResponse:
    challenge = 'Bearer realm="usage"'
    if given:
        challenge += ', error="invalid_token"'
    return _error(401, message, **{"WWW-Authenticate": challenge})


@csrf_exempt  # no cookies: the bearer token is the credential
@accepts_uploads_of(MAX_BODY_BYTES)
def usage_api(request: HttpRequest, slug: str) -> JsonResponse:
    """Check the token, then the items, then upsert them all or nothing."""
    if request.method != "POST":
        return _error(405, _("Use POST."), Allow="POST")
    scheme, _space, raw = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not raw.strip():
        return _unauthorized(
            _("Send a usage token: Authorization: Bearer <token>."), given=False
        )
    token = usage_token_check(raw=raw.strip())
    if token is None:
        return _unauthorized(_("That token is not valid, or was revoked."), given=True)
    if token.initiative.slug != slug:
        if not Initiative.objects.filter(slug=slug).exists():
            return _error(404, _("No initiative has that address."))
        return _error(403, _("That token is for another initiative."))
    items = _items(request)
    if isinstance(items, JsonResponse):
        return items
    result = usage_post(initiative=token.initiative, items=items)
    if result.error_count:
        return JsonResponse(
            {
                "errors": [
                    {"index": e.position, "field": e.field, "message": e.message}
                    for e in result.errors
                ],
                "error_count": result.error_count,
            },
            status=400,
        )
    return JsonResponse(result.as_summary())


def _items(request: HttpRequest) -> list | JsonResponse:
    """The posted list of items, or the response saying what is wrong with the body."""
    # The middleware refuses a declared length above the limit unread; this
    # also holds for a body sent without one.
    body = request.read(MAX_BODY_BYTES + 1)
    if len(body) > MAX_BODY_BYTES:
        return _error(
            413,
            _("The body is larger than 2 MB: send at most %(items)s items.")
            % {"items": f"{MAX_ITEMS:,}"},
        )
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return _error(400, _("The body is not JSON."))
    if not isinstance(data, dict) or not isinstance(data.get("usage"), list):
        return _error(400, _('The body must be an object with a list "usage".'))
    items = data["usage"]
    if len(items) > MAX_ITEMS:
        return _error(
            413,
            _("%(count)s items: send at most %(max)s per request.")
            % {"count": f"{len(items):,}", "max": f"{MAX_ITEMS:,}"},
        )
    return items
