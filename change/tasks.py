"""Background work for change initiatives (django-tasks): e-mails, stored results.

Arguments are ids and ISO dates, never objects (the database backend stores JSON).
"""

from collections import defaultdict
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone

from django_tasks import task

from people.models import OrgUnit

from .adoption_results import adoption_key, adoption_results_refresh
from .emails import checkin_email_deliver
from .models import (
    AdoptionSnapshot,
    CheckInRound,
    Initiative,
    ReadinessSnapshot,
    UsageDay,
)
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
    seconds = readiness_results_refresh(initiative=initiative, today=day).seconds
    # The same background run: adoption cells are decided beside these results.
    if UsageDay.objects.filter(initiative=initiative).exists():
        adoption_results_refresh(initiative=initiative, today=day)
    return seconds


@task()
def refresh_adoption_results(
    initiative_id: int, today: str | None = None
) -> float | None:
    """Compute and store one initiative's adoption figures; the seconds it took."""
    initiative = Initiative.objects.filter(pk=initiative_id).first()
    if initiative is None:
        return None  # deleted since it was queued
    day = date.fromisoformat(today) if today else None
    return adoption_results_refresh(initiative=initiative, today=day).seconds


def adoption_results_request(
    *, initiative: Initiative, today: date | None = None
) -> bool:
    """Queue an adoption refresh unless one is queued and not started; True if queued.

    The debounce: while a queued refresh has not started, more usage posted
    or imported queues nothing (that refresh will read it). A refresh clears
    the claim when it starts, so what arrives during it queues one more. A
    claim older than REQUEST_EXPIRES is taken as lost.
    """
    snapshot, _created = AdoptionSnapshot.objects.get_or_create(initiative=initiative)
    now = timezone.now()
    claimed = (
        AdoptionSnapshot.objects.filter(pk=snapshot.pk)
        .filter(
            Q(requested_at__isnull=True) | Q(requested_at__lt=now - REQUEST_EXPIRES)
        )
        .update(requested_at=now)
    )
    if claimed:
        day = (today or timezone.localdate()).isoformat()
        refresh_adoption_results.enqueue(initiative_id=initiative.pk, today=day)
    return bool(claimed)


def adoption_inputs_changed(*, initiative: Initiative | None = None) -> None:
    """Usage was written (or, with no initiative, the roster changed): figures are stale.

    After commit, bumps the inputs counter that is part of the figures' key
    and asks for a refresh (debounced: adoption_results_request). After, so
    that a refresh that read the data before it was committed stores a key
    that is already stale; and a rolled-back write changes nothing.
    """
    transaction.on_commit(lambda: _inputs_bump(initiative=initiative))


def _inputs_bump(*, initiative: Initiative | None) -> None:
    if initiative is None:
        AdoptionSnapshot.objects.update(inputs=F("inputs") + 1)
        adoption_results_refresh_stale()
        return
    AdoptionSnapshot.objects.get_or_create(initiative=initiative)
    AdoptionSnapshot.objects.filter(initiative=initiative).update(
        inputs=F("inputs") + 1
    )
    adoption_results_request(initiative=initiative)


def adoption_results_refresh_stale(*, today: date | None = None) -> int:
    """Queue an adoption refresh for every initiative with usage whose figures are stale.

    Run daily by send_change_checkins (the window moved), after a roster
    import and after usage is written. The count queued.
    """
    today = today or timezone.localdate()
    readiness_keys = dict(ReadinessSnapshot.objects.values_list("initiative_id", "key"))
    stored = {
        initiative_id: (key, inputs)
        for initiative_id, key, inputs in AdoptionSnapshot.objects.values_list(
            "initiative_id", "key", "inputs"
        )
    }
    with_usage = Initiative.objects.filter(
        Exists(UsageDay.objects.filter(initiative=OuterRef("pk")))
    )
    queued = 0
    for initiative in with_usage:
        old_key, inputs = stored.get(initiative.pk, ("", 0))
        key = adoption_key(
            readiness_key=readiness_keys.get(initiative.pk, ""),
            inputs=inputs,
            today=today,
        )
        if old_key != key:
            queued += adoption_results_request(initiative=initiative, today=today)
    return queued


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
