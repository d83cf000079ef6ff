"""Background work for change initiatives (django-tasks): check-in e-mails, results.

Arguments are ids and ISO dates, never objects (the database backend stores JSON).
"""

from collections import defaultdict
from datetime import date, timedelta

from django.db.models import Q
from django.utils import timezone

from django_tasks import task

from people.models import OrgUnit

from .emails import checkin_email_deliver
from .models import CheckInRound, Initiative, ReadinessSnapshot
from .results import (
    readiness_results_refresh,
    results_key,
    snapshot_for,
    unit_tree,
)

# A refresh queued this long ago and still not done is taken as lost.
REQUEST_EXPIRES = timedelta(minutes=15)


@task()
def send_checkin_email(invitation_id: int, kind: str, today: str | None = None) -> bool:
    """E-mail one person their claimed check-in invitation or reminder."""
    day = date.fromisoformat(today) if today else timezone.localdate()
    return checkin_email_deliver(invitation_id=invitation_id, kind=kind, today=day)


@task()
def refresh_readiness_results(
    initiative_id: int, today: str | None = None
) -> float | None:
    """Compute and store one initiative's readiness results; the seconds it took."""
    initiative = Initiative.objects.filter(pk=initiative_id).first()
    if initiative is None:
        return None  # deleted since it was queued
    day = date.fromisoformat(today) if today else None
    return readiness_results_refresh(initiative=initiative, today=day).seconds


def readiness_results_request(
    *, initiative: Initiative, key: str, today: date | None = None
) -> bool:
    """Queue a refresh towards `key` unless one is queued already; True if queued now.

    The conditional UPDATE is the claim: of simultaneous requests for the same
    key one updates the row and queues, the others find it done. A request
    that has waited REQUEST_EXPIRES is taken as lost and queued again.
    """
    snapshot = snapshot_for(initiative)
    now = timezone.now()
    claimed = (
        ReadinessSnapshot.objects.filter(pk=snapshot.pk)
        .filter(
            ~Q(requested_key=key)
            | Q(requested_at__isnull=True)
            | Q(requested_at__lt=now - REQUEST_EXPIRES)
        )
        .update(requested_key=key, requested_at=now)
    )
    if claimed:
        day = (today or timezone.localdate()).isoformat()
        refresh_readiness_results.enqueue(initiative_id=initiative.pk, today=day)
    return bool(claimed)


def readiness_results_refresh_stale(*, today: date | None = None) -> int:
    """Queue a refresh for every initiative whose stored results are stale: the count.

    Run daily by send_change_checkins (a round that closed yesterday) and
    after a roster import (a changed tree). Three queries, then one claim for
    each stale initiative.
    """
    today = today or timezone.localdate()
    tree = unit_tree(OrgUnit.objects.values_list("pk", "path"))
    closed: dict[int, list[CheckInRound]] = defaultdict(list)
    for checkin_round in CheckInRound.objects.closed_on(today):
        closed[checkin_round.initiative_id].append(checkin_round)
    stored = {
        initiative_id: (key, answered_in)
        for initiative_id, key, answered_in in ReadinessSnapshot.objects.values_list(
            "initiative_id", "key", "answer_units"
        )
    }
    queued = 0
    # An initiative whose rounds all reopened (dates edited) is stale too.
    for initiative in Initiative.objects.filter(pk__in={*closed, *stored}):
        old_key, answered_in = stored.get(initiative.pk, ("", []))
        key = results_key(
            closed=closed[initiative.pk], tree=tree, answered_in=answered_in
        )
        if old_key != key:
            queued += readiness_results_request(
                initiative=initiative, key=key, today=today
            )
    return queued
