"""Liveness and readiness for load balancers and orchestrators (docs/deployment.md).

`/health/live/` answers without touching anything: the process serves requests.
`/health/ready/` checks what a page needs: the database, the cache, the media
storage and that the task queue is being worked. Both answer 200 or 503 with a
small JSON body naming each check, never the error itself (the URLs are public).
"""

import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connections
from django.db.models import Case, F, When
from django.db.models.functions import Greatest
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from django_tasks_db.models import DBTaskResult, get_date_max

from .permissions import user_can_probe_health

logger = logging.getLogger(__name__)


def _database() -> None:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")


def _cache() -> None:
    key, value = f"health:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, 30)
    if cache.get(key) != value:
        raise RuntimeError("the cache did not return what was stored")
    cache.delete(key)


def _storage() -> None:
    name = default_storage.save(f"health/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    try:
        with default_storage.open(name) as stored:
            if stored.read() != b"ok":
                raise RuntimeError("the storage did not return what was stored")
    finally:
        default_storage.delete(name)


def oldest_waiting_task_seconds() -> float:
    """How long the longest-waiting runnable task has waited (0 with none waiting)."""
    # A task scheduled for later starts waiting at its run_after, not when queued.
    waiting_since = (
        DBTaskResult.objects.ready()
        .annotate(
            since=Case(
                When(run_after=get_date_max(), then=F("enqueued_at")),
                default=Greatest("enqueued_at", "run_after"),
            )
        )
        .order_by("since")
        .values_list("since", flat=True)
        .first()
    )
    if waiting_since is None:
        return 0.0
    return max((timezone.now() - waiting_since).total_seconds(), 0.0)


def _tasks() -> None:
    limit = settings.HEALTH_TASK_QUEUE_MAX_AGE_SECONDS
    if oldest_waiting_task_seconds() > limit:
        raise RuntimeError(f"a task has waited more than {limit} s for a worker")


READINESS_CHECKS = {
    "database": _database,
    "cache": _cache,
    "storage": _storage,
    "tasks": _tasks,
}


def _answer(request, checks: dict[str, str]) -> JsonResponse:
    if not user_can_probe_health(request.user):
        raise PermissionDenied
    ok = all(result == "ok" for result in checks.values())
    response = JsonResponse(
        {"status": "ok" if ok else "unavailable", "checks": checks},
        status=200 if ok else 503,
    )
    # A probe every few seconds must not fill the error log: Django logs every
    # 5xx response as an error unless it has been logged already.
    response._has_been_logged = True
    return response


@never_cache
@require_GET
def live(request):
    return _answer(request, {})


@never_cache
@require_GET
def ready(request):
    checks = {}
    for name, check in READINESS_CHECKS.items():
        try:
            check()
        except Exception:  # any failure means "not ready", whatever raised it
            logger.info("Readiness check %s failed", name, exc_info=True)
            checks[name] = "failing"
        else:
            checks[name] = "ok"
    return _answer(request, checks)
