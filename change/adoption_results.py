"""Adoption figures, computed in the background and stored beside readiness results.

Working them out takes the gatekeeper's whole decision over the readiness
groups again (the "not ready and not using" cells are decided beside them):
tens of seconds at 40,000 people, too long for a request. So they are
computed when their inputs change and stored as one `AdoptionResult` per
unit (or everyone) × all roles or one role, under a key (adoption_key) made
of the stored readiness results' key, a counter bumped whenever usage is
written or the roster imported (`AdoptionSnapshot.inputs`), the day (the
window moves daily, and training completed since is counted), and the rules'
settings. The dashboard (change.adoption) reads the rows whose key is current.
"""

import dataclasses
import hashlib
import json
import time
from collections import defaultdict
from collections.abc import Hashable
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assignments.selectors import users_who_completed
from people.models import OrgUnit

from . import privacy
from .models import (
    AdoptionResult,
    AdoptionSnapshot,
    CheckInResponse,
    CheckInRound,
    Initiative,
    ReadinessSnapshot,
    UsageDay,
)
from .respondents import respondent_key
from .results import ALL, published_groups, unit_tree
from .selectors import affected_employees
from .summaries import HIDDEN_TEXT

# Bumped whenever what is computed changes: stored figures of an older rule are stale.
RULES = "1"
# Ours go before the dashboard's own when something must (privacy.Group.rank).
RANK_ALL_ROLES, RANK_ONE_ROLE = -1, -2
BATCH_SIZE = 1000

FEWER = "fewer"  # a count under CHANGE_MIN_GROUP
NO_ROUND = "no_round"  # no check-in round has closed: readiness is unknown
CELL_TEXT = {**HIDDEN_TEXT, NO_ROUND: _("no closed check-in yet")}


@dataclasses.dataclass(frozen=True)
class Cell:
    """One quadrant cell: how many people, or why the number is not shown."""

    count: int | None = None
    hidden: str = ""
    # For a cell counted among check-in respondents: how many (rounded to 5),
    # and which answer most of them share when one dominates ("most people").
    among: int | None = None
    most: str = ""

    @property
    def text(self) -> str:
        if self.hidden == FEWER:
            return _("fewer than %(n)s") % {"n": settings.CHANGE_MIN_GROUP}
        if self.hidden:
            return str(CELL_TEXT.get(self.hidden, ""))
        if self.most == "not_ready":
            return str(
                _("80%% or more of about %(n)s who answered") % {"n": self.among}
            )
        if self.most == "ready":
            return str(
                _("20%% or less of about %(n)s who answered") % {"n": self.among}
            )
        if self.among is not None:
            return str(
                _("%(count)s of about %(n)s who answered")
                % {"count": self.count, "n": self.among}
            )
        return str(self.count)


def adoption_key(*, readiness_key: str, inputs: int, today: date) -> str:
    """What stored adoption figures must have been computed from to be current."""
    rules = [
        RULES,
        settings.CHANGE_MIN_GROUP,
        settings.CHANGE_ADOPTION_WINDOW_DAYS,
    ]
    made_of = json.dumps([readiness_key, inputs, today.isoformat(), rules])
    return hashlib.sha256(made_of.encode()).hexdigest()


def adoption_snapshot_for(initiative: Initiative) -> AdoptionSnapshot:
    """The initiative's adoption snapshot row, created empty if there is none."""
    snapshot, _created = AdoptionSnapshot.objects.get_or_create(initiative=initiative)
    return snapshot


def adoption_results_refresh(
    *, initiative: Initiative, today: date | None = None
) -> AdoptionSnapshot:
    """Compute and store the initiative's adoption figures unless they are current.

    Computed outside any lock (a usage import that bumps the inputs meanwhile
    never waits for it, and makes what this stores stale at once); written
    under the snapshot's row lock, all rows replaced together.
    """
    today = today or timezone.localdate()
    snapshot = adoption_snapshot_for(initiative)
    # From here on, everything written so far is taken in: a later change
    # queues another refresh.
    AdoptionSnapshot.objects.filter(pk=snapshot.pk, requested_at__isnull=False).update(
        requested_at=None
    )
    readiness = ReadinessSnapshot.objects.filter(initiative=initiative).first()
    inputs = AdoptionSnapshot.objects.values_list("inputs", flat=True).get(
        pk=snapshot.pk
    )
    key = adoption_key(
        readiness_key=readiness.key if readiness else "", inputs=inputs, today=today
    )
    if snapshot.key == key:
        return snapshot
    started = time.perf_counter()
    closed = readiness.closed_rounds if readiness and readiness.key else []
    rows, latest = _computed(initiative, today=today, closed_pks=closed)
    window = settings.CHANGE_ADOPTION_WINDOW_DAYS
    with transaction.atomic():
        snapshot = AdoptionSnapshot.objects.select_for_update().get(pk=snapshot.pk)
        if snapshot.key != key:
            AdoptionResult.objects.filter(initiative=initiative).delete()
            AdoptionResult.objects.bulk_create(rows, batch_size=BATCH_SIZE)
            snapshot.key = key
            snapshot.since = today - timedelta(days=window - 1)
            snapshot.until = today
            snapshot.readiness_round = latest
            snapshot.computed_at = timezone.now()
            snapshot.seconds = round(time.perf_counter() - started, 3)
            # Never `inputs` or `requested_at`: they may have moved meanwhile.
            snapshot.save(
                update_fields=[
                    "key",
                    "since",
                    "until",
                    "readiness_round",
                    "computed_at",
                    "seconds",
                ]
            )
    return snapshot


class _Tally:
    """Counts for one unit (or unit × role), filled while the roster is read once."""

    __slots__ = ("affected", "trained", "trained_using", "using", "using_untrained")

    def __init__(self):
        self.affected = self.trained = self.using = 0
        self.trained_using = self.using_untrained = 0


def _computed(
    initiative: Initiative, *, today: date, closed_pks: list[int]
) -> tuple[list[AdoptionResult], CheckInRound | None]:
    """Every unit × role's figures, and the round "not ready" was read from."""
    since = today - timedelta(days=settings.CHANGE_ADOPTION_WINDOW_DAYS - 1)
    rounds = list(initiative.rounds.all())
    latest = next((r for r in rounds if closed_pks and r.pk == closed_pks[-1]), None)
    active = set(
        UsageDay.objects.filter(
            initiative=initiative, day__gte=since, day__lte=today, count__gt=0
        )
        .values_list("employee_id", flat=True)
        .distinct()
        .order_by()
    )
    people = affected_employees(initiative=initiative)
    trained_users = users_who_completed(
        users=people.values("user_id"),
        assignment_ids=list(initiative.assignments.values_list("pk", flat=True)),
    )
    not_ready = _answers(latest)
    tree = unit_tree(OrgUnit.objects.values_list("pk", "path"))
    tallies: dict[tuple, _Tally] = defaultdict(_Tally)
    # (unit, role): the keys of not-using respondents, and which are not ready.
    respondents: dict[tuple, set[str]] = defaultdict(set)
    blocked: dict[tuple, int] = defaultdict(int)
    for pk, user_id, unit_id, role_id in people.values_list(
        "pk", "user_id", "org_unit_id", "role_profile_id"
    ):
        trained, using = user_id in trained_users, pk in active
        key = None
        if not using and not_ready is not None:
            key = respondent_key(initiative_id=initiative.pk, employee_id=pk)
        for unit in (ALL, *tree.get(unit_id, [])):
            for group_role in (None, role_id) if role_id else (None,):
                tally = tallies[(unit, group_role)]
                tally.affected += 1
                tally.trained += trained
                tally.using += using
                tally.trained_using += trained and using
                tally.using_untrained += using and not trained
                if key is not None and key in not_ready:
                    respondents[(unit, group_role)].add(key)
                    blocked[(unit, group_role)] += not_ready[key]
    decisions = {}
    if latest is not None:
        published = published_groups(
            initiative=initiative,
            rounds=rounds,
            today=today,
            tree=tree,
            closed_pks=closed_pks,
        )
        order = next(i for i, r in enumerate(rounds) if r.pk == latest.pk)
        decisions = _decide(published, respondents, round_order=order)
    rows = []
    for (unit, role), tally in tallies.items():
        cell = answer_cell(
            decisions.get(("adoption", unit, role)),
            not_using=tally.affected - tally.using,
            among=len(respondents.get((unit, role), ())),
            blocked=blocked.get((unit, role), 0),
            round_=latest,
        )
        rows.append(
            AdoptionResult(
                initiative=initiative,
                unit_id=None if unit == ALL else unit,
                role_profile_id=role,
                affected=tally.affected,
                trained=tally.trained,
                using=tally.using,
                trained_using=tally.trained_using,
                using_untrained=tally.using_untrained,
                not_ready=dataclasses.asdict(cell),
            )
        )
    return rows, latest


def _answers(latest: CheckInRound | None) -> dict[str, bool] | None:
    """{respondent key: not ready} in the latest closed round: one query."""
    if latest is None:
        return None
    answers = CheckInResponse.objects.filter(round=latest).values_list(
        "respondent_key", "barrier_stage"
    )
    return {key: barrier is not None for key, barrier in answers.iterator()}


def _decide(
    published: list[privacy.Group],
    respondents: dict[tuple, set[str]],
    *,
    round_order: int,
) -> dict[Hashable, privacy.Decision]:
    """The gatekeeper's decision on our groups, beside the dashboard's own.

    Filed in the round the answers come from, so that within it every sum and
    difference with the dashboard's groups is weighed, and across rounds too.
    """
    ours = [
        privacy.Group(
            key=("adoption", unit, role),
            members=frozenset(members),
            round_order=round_order,
            rank=RANK_ALL_ROLES if role is None else RANK_ONE_ROLE,
        )
        for (unit, role), members in sorted(respondents.items(), key=_sort_key)
    ]
    return privacy.publishable_beside(published, ours)


def _sort_key(item: tuple) -> tuple:
    (unit, role), _members = item
    return (unit != ALL, unit if unit != ALL else 0, role or 0)


def answer_cell(
    decision: privacy.Decision | None,
    *,
    not_using: int,
    among: int,
    blocked: int,
    round_: CheckInRound | None,
) -> Cell:
    """Not ready and not using: a sum of answers, so only what the gatekeeper allows."""
    if round_ is None:
        return Cell(hidden=NO_ROUND)
    if not_using < settings.CHANGE_MIN_GROUP:
        return Cell(hidden=FEWER)  # so is any part of them: nothing to decide
    if decision is None:
        return Cell(hidden=privacy.TOO_FEW)  # none of them answered
    if not decision.published:
        return Cell(hidden=decision.reason)
    if blocked < settings.CHANGE_MIN_GROUP:
        return Cell(hidden=FEWER)
    shares = privacy.distribution({"not_ready": blocked, "ready": among - blocked})
    return Cell(
        count=None if shares.concentrated else blocked,
        among=privacy.rounded_count(among),
        most=shares.most if shares.concentrated else "",
    )
