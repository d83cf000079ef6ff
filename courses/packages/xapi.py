"""xAPI statements: kept for every package attempt, exported, forwarded to an LRS.

A cmi5 package sends its own statements (courses/packages/cmi5.py); for a SCORM
package we make the statements its status changes mean (completed, passed,
failed), so every package's record reads the same. Statements are kept as sent,
with `stored` and `authority` added, once each (a statement id sent again is the
same statement). With XAPI_FORWARD_URL set, each is also sent to the city's LRS
in a background task; one that could not be sent is tried again by
`manage.py forward_xapi_statements`.
"""

import logging
import uuid
from datetime import UTC

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

import requests
from django_tasks import task

from ..models import PackageAttempt, XapiStatement

logger = logging.getLogger(__name__)

VERBS = {
    "initialized": "http://adlnet.gov/expapi/verbs/initialized",
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "passed": "http://adlnet.gov/expapi/verbs/passed",
    "failed": "http://adlnet.gov/expapi/verbs/failed",
    "terminated": "http://adlnet.gov/expapi/verbs/terminated",
}
XAPI_VERSION = "1.0.3"


class StatementRejected(Exception):
    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


def actor(attempt: PackageAttempt) -> dict:
    """The learner as an xAPI agent: an account on this site, named by employee number."""
    user = attempt.user
    employee = getattr(user, "employee", None)
    return {
        "objectType": "Agent",
        "name": employee.display_name if employee else user.get_username(),
        "account": {
            "homePage": settings.WAGTAILADMIN_BASE_URL,
            "name": employee.employee_number if employee else user.get_username(),
        },
    }


def activity_id(attempt: PackageAttempt) -> str:
    package = attempt.package
    return (
        package.identifier
        if "://" in package.identifier
        else (f"{settings.WAGTAILADMIN_BASE_URL}/xapi/packages/{package.key}")
    )


def statement_record(*, attempt: PackageAttempt, statement: dict) -> XapiStatement:
    """Keep `statement` for `attempt`; StatementRejected if it is not about its learner."""
    if not isinstance(statement, dict) or not isinstance(statement.get("verb"), dict):
        raise StatementRejected("A statement needs an actor, a verb and an object.")
    if "object" not in statement or "actor" not in statement:
        raise StatementRejected("A statement needs an actor, a verb and an object.")
    sent_actor = statement.get("actor")
    sent_by = sent_actor.get("account") if isinstance(sent_actor, dict) else None
    if not isinstance(sent_by, dict) or (
        sent_by.get("name") != actor(attempt)["account"]["name"]
    ):
        raise StatementRejected("The statement's actor is not this attempt's learner.")
    try:
        statement_id = uuid.UUID(str(statement.get("id") or uuid.uuid4()))
    except ValueError:
        raise StatementRejected("The statement id is not a UUID.") from None
    now = timezone.now().astimezone(UTC).isoformat().replace("+00:00", "Z")
    kept = {
        **statement,
        "id": str(statement_id),
        "stored": now,
        "timestamp": statement.get("timestamp") or now,
        "authority": {
            "objectType": "Agent",
            "name": "City Learning Hub",
            "account": {"homePage": settings.WAGTAILADMIN_BASE_URL, "name": "lms"},
        },
        "version": XAPI_VERSION,
    }
    try:
        with transaction.atomic():
            record = XapiStatement.objects.create(
                statement_id=statement_id,
                attempt=attempt,
                verb=str(statement["verb"].get("id", ""))[:255],
                statement=kept,
            )
    except IntegrityError:
        # The same statement again (a retry): kept once.
        return XapiStatement.objects.get(statement_id=statement_id)
    if settings.XAPI_FORWARD_URL:
        transaction.on_commit(lambda: statement_forward.enqueue(record.pk))
    return record


def scorm_statement(attempt: PackageAttempt, verb: str, *, score: float | None) -> dict:
    """The xAPI statement a SCORM status change means."""
    statement = {
        "actor": actor(attempt),
        "verb": {"id": VERBS[verb], "display": {"en-CA": verb}},
        "object": {
            "objectType": "Activity",
            "id": activity_id(attempt),
            "definition": {"name": {"en-CA": attempt.package.title}},
        },
        "context": {"registration": str(attempt.registration)},
    }
    if score is not None and verb in ("passed", "failed", "completed"):
        statement["result"] = {"score": {"scaled": round(score, 4)}}
    return statement


def statements_export(package) -> list[dict]:
    """Every statement kept for `package`'s attempts, oldest first."""
    return list(
        XapiStatement.objects.filter(attempt__package=package).values_list(
            "statement", flat=True
        )
    )


@task()
def statement_forward(statement_pk: int) -> None:
    """Send one statement to XAPI_FORWARD_URL (the LRS's statements resource)."""
    record = XapiStatement.objects.filter(pk=statement_pk, forwarded_at=None).first()
    if record is None or not settings.XAPI_FORWARD_URL:
        return
    try:
        response = requests.put(
            settings.XAPI_FORWARD_URL.rstrip("/") + "/statements",
            params={"statementId": str(record.statement_id)},
            json=record.statement,
            auth=(settings.XAPI_FORWARD_USERNAME, settings.XAPI_FORWARD_PASSWORD),
            headers={"X-Experience-API-Version": XAPI_VERSION},
            timeout=10,
        )
    except requests.RequestException as error:
        logger.warning(
            "xAPI statement %s not forwarded: %s", record.statement_id, error
        )
        return
    # 204: stored; 409: the LRS has it already (an earlier try got through).
    if response.status_code in (200, 204, 409):
        XapiStatement.objects.filter(pk=record.pk).update(forwarded_at=timezone.now())
    else:
        logger.warning(
            "xAPI statement %s not forwarded: the LRS answered %s",
            record.statement_id,
            response.status_code,
        )
