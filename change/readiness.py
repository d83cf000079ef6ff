"""Selectors of the readiness dashboard: stored results, and today's roster counts.

Every number from the answers was decided by the gatekeeper over all of an
initiative's groups when its rounds closed (change.results), and is read
here as stored: whoever asks, two readers comparing their screens learn
nothing that one screen does not show. Affected, trained and invited are
counted from today's roster in the database. Constant queries whatever the
number of people, units, roles or rounds.
"""

from collections import Counter
from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assignments.selectors import users_who_completed_query
from people.models import Employee, OrgUnit, RoleProfile

from . import privacy
from .models import (
    CheckInInvitation,
    CheckInResponse,
    CheckInRound,
    Initiative,
    ReadinessResult,
    ReadinessSnapshot,
)
from .results import (
    ALL,
    published_groups,
    readiness_results_refresh,
    results_key,
    snapshot_for,
    unit_tree,
)
from .selectors import Audience
from .stages import DEFAULT_ACTIONS, STAGES
from .summaries import CATEGORIES, HIDDEN_TEXT, NOT_YET, StageCell, Summary
from .tasks import readiness_results_request

__all__ = [
    "ALL",
    "CATEGORIES",
    "HIDDEN_TEXT",
    "NOT_YET",
    "Readiness",
    "Row",
    "StageCell",
    "Summary",
    "readiness",
]

# Stale results of an initiative with up to this many answers in its closed
# rounds are computed during the request (well under a second); larger ones
# are queued, and the page says they are being prepared.
INLINE_ANSWERS = 2000


@dataclass
class Row:
    """One unit (or everyone affected) on the dashboard, in the chosen round."""

    key: Hashable
    name: str
    depth: int
    affected: int = 0
    trained: int = 0
    invited: int = 0
    summary: Summary = field(default_factory=Summary)
    response_rate: int | None = None
    action: str = ""  # the suggested action for the most common barrier
    # While a round is open: the share who answered so far, to the nearest
    # 10%, for units of 10 or more invited (privacy.response_rate).
    open_rate: int | None = None
    # The group's comments when at least CHANGE_MIN_COMMENTS people commented
    # and the gatekeeper publishes them: text only, shuffled (all roles only).
    comments: list[str] = field(default_factory=list)


@dataclass
class Readiness:
    """The dashboard of one initiative for one reader."""

    initiative: Initiative
    rounds: list[CheckInRound]
    closed: list[CheckInRound]
    chosen: CheckInRound | None
    role_profiles: list[RoleProfile]
    role_profile_id: int | None
    rows: list[Row]
    # The top row's summary in every closed round, oldest first.
    trend: list[tuple[CheckInRound, Summary]]
    # True while newer results are being computed: what is shown is the last
    # stored snapshot (closed lists only the rounds it covers).
    # The round taking answers today, if any: its response rates only.
    open_round: CheckInRound | None = None
    preparing: bool = False
    computed_at: datetime | None = None
    # The stored results' key (change.results.results_key): what figures
    # decided beside them were decided beside.
    results_key: str = ""
    today: date | None = None
    # {unit: its chain from the top}, as read for this dashboard.
    tree: dict[int, list[int]] = field(default_factory=dict, repr=False)

    @cached_property
    def published(self) -> list[privacy.Group]:
        """Every group of the initiative whose numbers may be shown, whoever reads.

        With their members: anything else built from the answers is decided
        beside these (change.adoption_results). Worked out again from the answers when
        asked for, as the stored rows hold no members.
        """
        return published_groups(
            initiative=self.initiative,
            rounds=self.rounds,
            today=self.today,
            tree=self.tree,
            closed_pks=[r.pk for r in self.closed],
        )


def readiness(
    *,
    initiative: Initiative,
    unit_paths: list[str] | None,
    round_id: int | None = None,
    role_profile_id: int | None = None,
    today: date | None = None,
) -> Readiness:
    """The dashboard for the units under `unit_paths` (None: everyone affected).

    Ten queries whatever the size, when the stored results are current.
    """
    today = today or timezone.localdate()
    rounds = list(initiative.rounds.all())
    closed = [r for r in rounds if r.state_on(today) == CheckInRound.State.CLOSED]
    units = list(OrgUnit.objects.values_list("pk", "path", "name", "depth"))
    tree = unit_tree(units)
    snapshot, preparing = _current_snapshot(
        initiative, closed=closed, tree=tree, today=today
    )
    if preparing:
        closed = [r for r in closed if r.pk in snapshot.closed_rounds]
    chosen = next((r for r in closed if r.pk == round_id), None) or (
        closed[-1] if closed else None
    )
    roles = list(RoleProfile.objects.filter(pk__in=snapshot.role_profiles))
    role = role_profile_id if any(r.pk == role_profile_id for r in roles) else None
    people = _people(initiative, above=tree, role=role)
    invited = _invited(chosen, above=tree, role=role)
    open_round = next(
        (r for r in rounds if r.state_on(today) == CheckInRound.State.OPEN), None
    )
    so_far = _answered_so_far(open_round, above=tree, role=role)
    # The initiative's own text, else the default: translated once, not per row.
    actions = {stage.number: str(DEFAULT_ACTIONS[stage.number]) for stage in STAGES}
    actions.update(
        (stage, text)
        for stage, text in initiative.barrier_actions.values_list("stage", "text")
        if text
    )

    seen = set(snapshot.units) | set(people)
    rows = []
    if unit_paths is None:
        rows.append(Row(key=ALL, name=str(_("Everyone affected")), depth=0))
    for pk, path, name, depth in units:
        inside = unit_paths is None or any(path.startswith(p) for p in unit_paths)
        if pk in seen and inside:
            rows.append(Row(key=pk, name=name, depth=depth))
    top = rows[0].key if rows else ALL
    stored = _stored(
        initiative, chosen=chosen, closed=closed, role=role, rows=rows, top=top
    )
    for row in rows:
        row.affected, row.trained = people.get(row.key, (0, 0))
        row.invited = invited.get(row.key, 0)
        if row.key in so_far:
            asked, answered = so_far[row.key]
            row.open_rate = privacy.response_rate(
                responded=answered, invited=asked, released=False
            )
        if chosen is not None and (chosen.pk, row.key) in stored:
            row.summary, respondents, row.comments = stored[(chosen.pk, row.key)]
            if not row.summary.hidden:
                _add_rate_and_action(row, responded=respondents, actions=actions)
    trend = [(r, stored.get((r.pk, top), (Summary(), 0, []))[0]) for r in closed]
    return Readiness(
        initiative=initiative,
        rounds=rounds,
        closed=closed,
        chosen=chosen,
        role_profiles=roles,
        role_profile_id=role,
        rows=rows,
        trend=trend,
        open_round=open_round,
        preparing=preparing,
        computed_at=snapshot.computed_at,
        results_key=snapshot.key,
        today=today,
        tree=tree,
    )


def _current_snapshot(
    initiative: Initiative,
    *,
    closed: list[CheckInRound],
    tree: dict[int, list[int]],
    today: date,
) -> tuple[ReadinessSnapshot, bool]:
    """The stored snapshot, refreshed first if stale: (snapshot, still preparing).

    One query when current. When stale, a small initiative is computed now;
    a large one is queued and its last snapshot shown meanwhile.
    """

    def key(snapshot: ReadinessSnapshot | None) -> str:
        answered_in = snapshot.answer_units if snapshot else []
        return results_key(closed=closed, tree=tree, answered_in=answered_in)

    snapshot = ReadinessSnapshot.objects.filter(initiative=initiative).first()
    if snapshot is not None and snapshot.key == key(snapshot):
        return snapshot, False
    answers = CheckInResponse.objects.filter(
        round__initiative=initiative, round__closes_on__lt=today
    ).count()
    if answers <= INLINE_ANSWERS:
        snapshot = readiness_results_refresh(initiative=initiative, today=today)
    else:
        readiness_results_request(initiative=initiative, key=key(snapshot), today=today)
        # The immediate backend (development) has computed it already.
        snapshot = snapshot_for(initiative)
    return snapshot, snapshot.key != key(snapshot)


def _stored(
    initiative: Initiative,
    *,
    chosen: CheckInRound | None,
    closed: list[CheckInRound],
    role: int | None,
    rows: list[Row],
    top: Hashable,
) -> dict[tuple, tuple[Summary, int, list[str]]]:
    """{(round, unit key): (summary, respondents, comments)}: the shown rows', one query.

    The chosen round's rows, and the top row in every closed round (the trend).
    """
    if not closed:
        return {}
    wanted = Q(round_id__in=[r.pk for r in closed]) & (
        Q(unit__isnull=True) if top == ALL else Q(unit_id=top)
    )
    if chosen is not None:
        here = Q(round_id=chosen.pk)
        if any(row.key == ALL for row in rows):
            pass  # everyone's view: every unit of the round
        else:
            here &= Q(unit_id__in=[row.key for row in rows])
        wanted |= here
    results = ReadinessResult.objects.filter(
        wanted,
        Q(role_profile__isnull=True) if role is None else Q(role_profile_id=role),
        initiative=initiative,
    ).values_list("round_id", "unit_id", "summary", "respondents", "comments")
    return {
        (round_pk, unit or ALL): (Summary.from_json(summary), respondents, comments)
        for round_pk, unit, summary, respondents, comments in results
    }


def _add_rate_and_action(row: Row, *, responded: int, actions: dict[int, str]) -> None:
    # Capped: people who moved unit since they were invited are counted where
    # they answered.
    rate = privacy.response_rate(
        responded=responded, invited=row.invited, released=True
    )
    row.response_rate = min(rate, 100) if rate is not None else None
    if row.summary.top_barrier is not None:
        row.action = actions[row.summary.top_barrier]


def _rolled_up(
    counts: list[tuple[int, ...]], *, above: dict[int, list[int]]
) -> dict[Hashable, list[int]]:
    """{unit or ALL: column totals} from rows of (unit id, *counts), summed up the tree."""
    by_unit: dict[int, list[int]] = {}
    for unit_id, *values in counts:
        total = by_unit.setdefault(unit_id, [0] * len(values))
        for i, value in enumerate(values):
            total[i] += value
    totals: dict[Hashable, list[int]] = {}
    for unit_id, values in by_unit.items():
        for unit in (ALL, *above.get(unit_id, [])):
            total = totals.setdefault(unit, [0] * len(values))
            for i, value in enumerate(values):
                total[i] += value
    return totals


def _people(
    initiative: Initiative, *, above: dict[int, list[int]], role: int | None
) -> dict[Hashable, tuple[int, int]]:
    """{unit: (affected, trained)} from today's roster: three queries.

    Active people counted by (unit, role profile) in the database (the first
    count from an index alone); the audience rule is then asked of each such pair here and
    the counts summed up the tree. Trained: completed every linked-training
    assignment they hold.
    """
    rule = Audience.of(initiative)
    active = Employee.objects.active()
    if role is not None:
        active = active.filter(role_profile_id=role)
    trained = users_who_completed_query(
        users=None, assignments=initiative.assignments.values("pk")
    )
    counts: dict[tuple[int, int | None], list[int]] = {}
    # Two counts rather than one with a filter: the first reads an index alone.
    for column, people in enumerate((active, active.filter(user_id__in=trained))):
        grouped = (
            people.order_by()
            .values("org_unit_id", "role_profile_id")
            .annotate(n=Count("*"))
            .values_list("org_unit_id", "role_profile_id", "n")
        )
        for unit_id, role_id, n in grouped:
            if rule.includes(chain=above.get(unit_id, []), role_id=role_id):
                counts.setdefault((unit_id, role_id), [0, 0])[column] = n
    rows = [(unit_id, a, t) for (unit_id, _role), (a, t) in counts.items()]
    return {unit: (a, t) for unit, (a, t) in _rolled_up(rows, above=above).items()}


def _invited(
    chosen: CheckInRound | None, *, above: dict[int, list[int]], role: int | None
) -> dict[Hashable, int]:
    """{unit: people invited to the chosen round}, by their unit today: one query."""
    if chosen is None:
        return {}
    invitations = CheckInInvitation.objects.filter(round=chosen)
    if role is not None:
        invitations = invitations.filter(employee__role_profile_id=role)
    counts = (
        invitations.order_by()
        .values("employee__org_unit_id")
        .annotate(n=Count("pk"))
        .values_list("employee__org_unit_id", "n")
    )
    return Counter(
        {unit: n for unit, (n,) in _rolled_up(list(counts), above=above).items()}
    )


def _answered_so_far(
    open_round: CheckInRound | None,
    *,
    above: dict[int, list[int]],
    role: int | None,
) -> dict[Hashable, tuple[int, int]]:
    """{unit: (invited, answered)} in the open round, by unit today: one query.

    "Answered" is the flag the daily run sets (change.reminders), so the
    rate moves once a day, not as each person answers.
    """
    if open_round is None:
        return {}
    invitations = CheckInInvitation.objects.filter(round=open_round)
    if role is not None:
        invitations = invitations.filter(employee__role_profile_id=role)
    counts = (
        invitations.order_by()
        .values("employee__org_unit_id")
        .annotate(n=Count("pk"), answered=Count("pk", filter=Q(responded=True)))
        .values_list("employee__org_unit_id", "n", "answered")
    )
    return {
        unit: (n, answered)
        for unit, (n, answered) in _rolled_up(list(counts), above=above).items()
    }
