"""cmi5: the launch parameters, the fetch URL and the few xAPI resources an AU uses.

A cmi5 assignable unit (AU) is launched with `endpoint`, `fetch`, `actor`,
`registration` and `activityId` in its URL. It POSTs to `fetch` once for an
auth token, reads the `LMS.LaunchData` state document, and sends statements
(initialized, completed, passed or failed, terminated) with that token as Basic
credentials. Its pages have an opaque origin (courses/packages/views.py), so
every answer here allows any origin (CORS) and no cookie is involved: the
launch's token, rotated at every launch, is the key, and a statement about
anyone but the attempt's learner is refused.
"""

import hashlib
import hmac
import json
import secrets
import uuid
from urllib.parse import urlencode

from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt

from ..models import PackageAttempt
from .archive import CMI5
from .tracking import progress_apply
from .xapi import VERBS, XAPI_VERSION, StatementRejected, actor, statement_record

LAUNCH_DATA = "LMS.LaunchData"
SESSION_EXTENSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
_CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Headers": (
        "Authorization, Content-Type, X-Experience-API-Version"
    ),
    "Access-Control-Allow-Methods": "GET, PUT, POST, DELETE, OPTIONS",
    "X-Experience-API-Version": XAPI_VERSION,
}
_VERB_STATUS = {
    VERBS["completed"]: ("completed", ""),
    VERBS["passed"]: ("", "passed"),
    VERBS["failed"]: ("", "failed"),
}


def launch_query(request: HttpRequest, attempt: PackageAttempt) -> str:
    """The query string an AU is launched with (cmi5 section 8.1)."""
    # The xAPI endpoint, with its trailing slash: the AU appends "statements".
    endpoint = reverse("courses:package-xapi", args=[attempt.token, "about"])
    endpoint = endpoint.removesuffix("about")
    return urlencode(
        {
            "endpoint": request.build_absolute_uri(endpoint),
            "fetch": request.build_absolute_uri(
                reverse("courses:package-cmi5-fetch", args=[attempt.token])
            ),
            "actor": json.dumps(actor(attempt)),
            "registration": str(attempt.registration),
            "activityId": attempt.package.identifier,
        }
    )


def _answer(response: HttpResponse) -> HttpResponse:
    for header, value in _CORS.items():
        response[header] = value
    return response


def _attempt(token: str) -> PackageAttempt | None:
    return (
        PackageAttempt.objects.select_related("package", "module", "user__employee")
        .filter(token=token)
        .first()
    )


@csrf_exempt  # no cookie reaches here: the launch's token is the key
def fetch(request, token: str):
    """The auth token, once per launch (a second request is told it was used)."""
    if request.method == "OPTIONS":
        return _answer(HttpResponse(status=204))
    if request.method != "POST":
        return _answer(HttpResponse(status=405))
    with transaction.atomic():
        attempt = PackageAttempt.objects.select_for_update().filter(token=token).first()
        if attempt is None:
            return _answer(JsonResponse({"error-code": "3", "error-text": "unknown"}))
        if attempt.auth_token_sha256:
            return _answer(
                JsonResponse({"error-code": "1", "error-text": "already in use"})
            )
        # Its own secret, not the launch token (which is in every file's URL,
        # and so in access logs): only the unit that fetched it holds it.
        auth_token = secrets.token_urlsafe(32)
        attempt.auth_token_sha256 = _sha256(auth_token)
        attempt.save(update_fields=["auth_token_sha256"])
    return _answer(JsonResponse({"auth-token": auth_token}))


def _sha256(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


@csrf_exempt
def resource(request, token: str, name: str):
    """statements, activities/state, agents/profile and about, for this launch only."""
    if request.method == "OPTIONS":
        return _answer(HttpResponse(status=204))
    if name == "about":
        return _answer(JsonResponse({"version": [XAPI_VERSION]}))
    attempt = _attempt(token)
    sent = request.headers.get("Authorization", "").removeprefix("Basic ")
    if (
        attempt is None
        or attempt.package.standard != CMI5  # a SCORM attempt reports by commits
        or not attempt.auth_token_sha256
        or not hmac.compare_digest(_sha256(sent), attempt.auth_token_sha256)
    ):
        return _answer(HttpResponse(status=401))
    if name == "statements":
        return _answer(_statements(request, attempt))
    if name == "activities/state":
        return _answer(_state(request, attempt))
    if name == "agents/profile":
        return _answer(HttpResponse(status=404))  # no learner preferences kept
    return _answer(HttpResponse(status=404))


def _statements(request, attempt: PackageAttempt) -> HttpResponse:
    if request.method == "GET":
        kept = list(attempt.statements.values_list("statement", flat=True))
        return JsonResponse({"statements": kept, "more": ""})
    if request.method not in ("PUT", "POST"):
        return HttpResponse(status=405)
    try:
        body = json.loads(request.body or b"null")
    except ValueError:
        return JsonResponse({"error": "not JSON"}, status=400)
    sent = body if isinstance(body, list) else [body]
    if request.method == "PUT":
        if len(sent) != 1 or not isinstance(sent[0], dict):
            return JsonResponse({"error": "one statement"}, status=400)
        sent[0] = {**sent[0], "id": request.GET.get("statementId", sent[0].get("id"))}
    ids = []
    try:
        with transaction.atomic():
            locked = PackageAttempt.objects.select_for_update().get(pk=attempt.pk)
            locked.package, locked.module = attempt.package, attempt.module
            for statement in sent:
                record = statement_record(attempt=locked, statement=statement)
                ids.append(str(record.statement_id))
                _progress(locked, statement)
    except StatementRejected as refusal:
        return JsonResponse({"error": refusal.message}, status=400)
    if request.method == "PUT":
        return HttpResponse(status=204)
    return JsonResponse(ids, safe=False)


def _progress(attempt: PackageAttempt, statement: dict) -> None:
    completion, success = _VERB_STATUS.get(statement["verb"].get("id"), ("", ""))
    if not (completion or success):
        return
    result = statement.get("result")
    score = result.get("score") if isinstance(result, dict) else None
    score = score.get("scaled") if isinstance(score, dict) else None
    try:
        score = float(score) if score is not None else None
    except (TypeError, ValueError):
        score = None
    progress_apply(
        attempt=attempt,
        completion=completion,
        success=success,
        score=score,
        statements=False,
    )


def _state(request, attempt: PackageAttempt) -> HttpResponse:
    state_id = request.GET.get("stateId", "")
    if request.GET.get("registration", str(attempt.registration)) != str(
        attempt.registration
    ):
        return HttpResponse(status=404)
    documents = (attempt.cmi or {}).get("state", {})
    if request.method == "GET":
        if state_id == LAUNCH_DATA:
            return JsonResponse(_launch_data(attempt))
        if state_id in documents:
            return HttpResponse(documents[state_id], content_type="application/json")
        return HttpResponse(status=404)
    if state_id == LAUNCH_DATA:
        return HttpResponse(status=403)  # the LMS's own document
    with transaction.atomic():
        locked = PackageAttempt.objects.select_for_update().get(pk=attempt.pk)
        cmi = locked.cmi if isinstance(locked.cmi, dict) else {}
        documents = dict(cmi.get("state", {}))
        if request.method == "DELETE":
            documents.pop(state_id, None)
        elif request.method in ("PUT", "POST"):
            documents[state_id] = request.body.decode("utf-8", "replace")
        else:
            return HttpResponse(status=405)
        locked.cmi = {**cmi, "state": documents}
        locked.save(update_fields=["cmi"])
    return HttpResponse(status=204)


def _launch_data(attempt: PackageAttempt) -> dict:
    package = attempt.package
    data = {
        "contextTemplate": {
            # Derived from the launch's token, without giving any of it away.
            "extensions": {
                SESSION_EXTENSION: str(uuid.uuid5(uuid.NAMESPACE_URL, attempt.token))
            },
        },
        "launchMode": "Normal",
        "moveOn": {
            "completed_or_passed": "CompletedOrPassed",
            "completed": "Completed",
            "passed": "Passed",
        }[attempt.module.package_rule],
    }
    if package.mastery_score is not None:
        data["masteryScore"] = package.mastery_score
    return data
