"""Selectors of the readiness dashboard: every number in it, through the gatekeeper.

Reads an initiative's check-in answers in a constant number of queries, builds
every group a reader could be shown (each unit with its sub-units, the whole
initiative, each × role profile, each round), asks change.privacy which may be
published, and only then computes means, shares and distributions for those.
The decision is made over every group of the initiative, whoever asks, so two
readers comparing their screens learn nothing that one screen does not show.
"""

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assignments.selectors import users_who_completed
from people.models import OrgUnit, RoleProfile

from . import privacy
from .models import CheckInInvitation, CheckInResponse, CheckInRound, Initiative
from .selectors import affected_employees
from .stages import DEFAULT_ACTIONS, STAGE_FIELDS, STAGES

ALL = "all"  # the unit key of the row for everyone the initiative affects
# The barrier categories in display order; None is "ready" (no barrier).
CATEGORIES = (*(stage.number for stage in STAGES), None)
# Stages people may mark "not applicable yet": their numbers cover fewer people.
OPTIONAL = {i for i, stage in enumerate(STAGES) if stage.may_be_not_applicable}
# Which groups the gatekeeper hides first when it must (privacy.Group.rank).
RANK_ALL_ROLES, RANK_ONE_ROLE = 3, 1
NOT_YET = "not_yet"  # nobody could answer this stage yet (before go-live)
# Why a number is missing, as the dashboard and its CSV say it.
HIDDEN_TEXT = {
    privacy.TOO_FEW: _("too few answers"),
    privacy.PROTECTS_ANOTHER: _("hidden to protect a smaller group"),
    privacy.ROUND_OPEN: _("round still open"),
    NOT_YET: _("not applicable yet"),
}


@dataclass
class StageCell:
    """One heatmap cell: a stage's mean and share at 4–5, or why it is hidden."""

    mean: float | None = None
    high_percent: int | None = None
    hidden: str = ""

    @property
    def hidden_text(self) -> str:
        return str(HIDDEN_TEXT.get(self.hidden, ""))

    @property
    def band(self) -> int:
        """0–4 by the share at 4–5, for the heatmap colour (the number is shown too)."""
        return min((self.high_percent or 0) // 20, 4)


@dataclass
class Summary:
    """What one group's answers may show, or the reason they are hidden."""

    hidden: str = privacy.TOO_FEW
    responses: int | None = None  # rounded to 5
    stages: list[StageCell] = field(default_factory=list)
    barriers: privacy.Distribution | None = None
    top_barrier: int | None = None

    @property
    def hidden_text(self) -> str:
        return str(HIDDEN_TEXT.get(self.hidden, ""))

    @property
    def ready(self) -> int | None:
        """The whole-number share with no barrier (None if hidden or concentrated)."""
        if self.barriers is None or self.barriers.concentrated:
            return None
        return self.barriers.percents.get(None, 0)

    @property
    def ready_bound(self) -> int | None:
        """The share ready, or the line it is beyond when most share one answer."""
        if self.barriers is None:
            return None
        if not self.barriers.concentrated:
            return self.ready
        line = privacy.CONCENTRATED_PERCENT
        return line if self.barriers.most is None else 100 - line

    @property
    def ready_text(self) -> str:
        """The share ready in words: "45%", "80% or more", or why it is hidden."""
        if self.barriers is None:
            return self.hidden_text
        if not self.barriers.concentrated:
            return f"{self.ready}%"
        if self.barriers.most is None:
            return _("%(p)s%% or more") % {"p": self.ready_bound}
        return _("%(p)s%% or less") % {"p": self.ready_bound}

    @property
    def shares(self) -> list[int]:
        """The barrier shares in CATEGORIES order (when not concentrated)."""
        if self.barriers is None or self.barriers.concentrated:
            return []
        return [self.barriers.percents[category] for category in CATEGORIES]


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
    # Every group of the initiative whose numbers may be shown, whoever reads:
    # anything else built from the answers is decided beside these.
    published: list[privacy.Group] = field(default_factory=list)


class _Tally:
    """Sums over one group's answers, filled while the answers are read once."""

    __slots__ = ("answered", "barriers", "high", "members", "sums")

    def __init__(self):
        self.members: set[str] = set()
        self.answered: list[set[str]] = [set() for _ in STAGE_FIELDS]
        self.sums = [0] * len(STAGE_FIELDS)
        self.high = [0] * len(STAGE_FIELDS)
        self.barriers: Counter = Counter()

    def add(self, key: str, scores: Iterable[int | None], barrier: int | None):
        self.members.add(key)
        self.barriers[barrier] += 1
        for i, score in enumerate(scores):
            if score is not None:
                self.answered[i].add(key)
                self.sums[i] += score
                self.high[i] += score >= 4


def readiness(
    *,
    initiative: Initiative,
    unit_paths: list[str] | None,
    round_id: int | None = None,
    role_profile_id: int | None = None,
    today: date | None = None,
) -> Readiness:
    """The dashboard for the units under `unit_paths` (None: everyone affected).

    Ten queries, whatever the number of people, units, roles or rounds.
    """
    today = today or timezone.localdate()
    rounds = list(initiative.rounds.all())
    closed = [r for r in rounds if r.state_on(today) == CheckInRound.State.CLOSED]
    chosen = next((r for r in closed if r.pk == round_id), None) or (
        closed[-1] if closed else None
    )
    units = list(OrgUnit.objects.values_list("pk", "path", "name", "depth"))
    by_path = {path: pk for pk, path, _name, _depth in units}
    step = OrgUnit.steplen
    above = {
        pk: [by_path[path[:end]] for end in range(step, len(path) + 1, step)]
        for pk, path, _name, _depth in units
    }

    tallies: dict[tuple, _Tally] = defaultdict(_Tally)
    answers = CheckInResponse.objects.filter(round__initiative=initiative).values_list(
        "round_id",
        "respondent_key",
        "unit_id",
        "role_profile_id",
        "barrier_stage",
        *STAGE_FIELDS,
    )
    for round_pk, key, unit_id, role_id, barrier, *scores in answers.iterator():
        for unit in (ALL, *above[unit_id]):
            for role in (None, role_id) if role_id else (None,):
                tallies[(round_pk, unit, role)].add(key, scores, barrier)
    groups = _groups(tallies, rounds=rounds, today=today)
    decisions = privacy.publishable(groups)

    roles = list(
        RoleProfile.objects.filter(
            pk__in={role for (_r, _u, role) in tallies if role is not None}
        ).order_by("name")
    )
    role = role_profile_id if any(r.pk == role_profile_id for r in roles) else None
    people = _people(initiative, above=above, role=role)
    invited = _invited(chosen, above=above, role=role)
    actions = dict(initiative.barrier_actions.values_list("stage", "text"))

    seen = {unit for (_r, unit, _role) in tallies} | set(people)
    rows = []
    if unit_paths is None:
        rows.append(Row(key=ALL, name=str(_("Everyone affected")), depth=0))
    for pk, path, name, depth in units:
        inside = unit_paths is None or any(path.startswith(p) for p in unit_paths)
        if pk in seen and inside:
            rows.append(Row(key=pk, name=name, depth=depth))
    for row in rows:
        row.affected, row.trained = people.get(row.key, (0, 0))
        row.invited = invited.get(row.key, 0)
        if chosen is not None:
            group = (chosen.pk, row.key, role)
            tally = tallies.get(group)
            row.summary = _summary(tally, decisions, group=group)
            if tally is not None and not row.summary.hidden:
                _add_rate_and_action(row, responded=len(tally.members), actions=actions)
    top = rows[0].key if rows else ALL
    trend = [
        (
            r,
            _summary(
                tallies.get((r.pk, top, role)), decisions, group=(r.pk, top, role)
            ),
        )
        for r in closed
    ]
    return Readiness(
        initiative=initiative,
        rounds=rounds,
        closed=closed,
        chosen=chosen,
        role_profiles=roles,
        role_profile_id=role,
        rows=rows,
        trend=trend,
        published=[group for group in groups if decisions[group.key].published],
    )


def _groups(
    tallies: dict[tuple, _Tally], *, rounds: list[CheckInRound], today: date
) -> list[privacy.Group]:
    """Every group of every round, and the smaller set behind a "not yet" stage."""
    order = {r.pk: i for i, r in enumerate(rounds)}
    released = {r.pk: r.state_on(today) == CheckInRound.State.CLOSED for r in rounds}
    groups = []
    for (round_pk, unit, role), tally in sorted(tallies.items(), key=_sort_key):
        common = {"round_order": order[round_pk], "released": released[round_pk]}
        members = frozenset(tally.members)
        # The all-roles rows the dashboard opens on are kept before a role's.
        rank = RANK_ALL_ROLES if role is None else RANK_ONE_ROLE
        groups.append(
            privacy.Group(
                key=(round_pk, unit, role), members=members, rank=rank, **common
            )
        )
        for i in sorted(OPTIONAL):
            if tally.answered[i] != tally.members:
                groups.append(
                    privacy.Group(
                        key=(round_pk, unit, role, i),
                        members=frozenset(tally.answered[i]),
                        rank=rank - 1,  # one cell of that row
                        **common,
                    )
                )
    return groups


def _sort_key(item: tuple) -> tuple:
    (round_pk, unit, role), _tally = item
    return (round_pk, unit != ALL, unit if unit != ALL else 0, role or 0)


def _summary(tally: _Tally | None, decisions: dict, *, group: tuple) -> Summary:
    """A group's numbers if the gatekeeper publishes it, else the reason it is hidden."""
    decision = decisions.get(group)
    if tally is None or decision is None:
        return Summary()
    if not decision.published:
        return Summary(hidden=decision.reason)
    stages = []
    for i in range(len(STAGE_FIELDS)):
        part = decisions.get((*group, i))
        answered = len(tally.answered[i])
        if part is not None and not part.published:
            stages.append(StageCell(hidden=part.reason if answered else NOT_YET))
        elif not answered:
            stages.append(StageCell(hidden=NOT_YET))
        else:
            stages.append(
                StageCell(
                    mean=round(tally.sums[i] / answered, 1),
                    high_percent=privacy.whole_percent(tally.high[i], answered),
                )
            )
    counts = {category: tally.barriers.get(category, 0) for category in CATEGORIES}
    blocked = {stage: n for stage, n in counts.items() if stage is not None and n}
    return Summary(
        hidden="",
        responses=privacy.rounded_count(len(tally.members)),
        stages=stages,
        barriers=privacy.distribution(counts),
        # Ties go to the earlier stage: barriers are moved in order.
        top_barrier=min(blocked, key=lambda s: (-blocked[s], s)) if blocked else None,
    )


def _add_rate_and_action(row: Row, *, responded: int, actions: dict[int, str]) -> None:
    # Capped: people who moved unit since they were invited are counted where
    # they answered.
    rate = privacy.response_rate(
        responded=responded, invited=row.invited, released=True
    )
    row.response_rate = min(rate, 100) if rate is not None else None
    if row.summary.top_barrier is not None:
        stage = row.summary.top_barrier
        row.action = actions.get(stage) or str(DEFAULT_ACTIONS[stage])


def _people(
    initiative: Initiative, *, above: dict[int, list[int]], role: int | None
) -> dict[Hashable, tuple[int, int]]:
    """{unit: (affected, trained)} from today's roster: four queries.

    Trained: completed every linked-training assignment they hold.
    """
    affected = affected_employees(initiative=initiative)
    if role is not None:
        affected = affected.filter(role_profile_id=role)
    trained_users = users_who_completed(
        users=affected.values("user_id"),
        assignment_ids=list(initiative.assignments.values_list("pk", flat=True)),
    )
    counts: dict[Hashable, list[int]] = defaultdict(lambda: [0, 0])
    for user_id, unit_id in affected.values_list("user_id", "org_unit_id"):
        for unit in (ALL, *above.get(unit_id, [])):
            counts[unit][0] += 1
            counts[unit][1] += user_id in trained_users
    return {unit: (a, t) for unit, (a, t) in counts.items()}


def _invited(
    chosen: CheckInRound | None, *, above: dict[int, list[int]], role: int | None
) -> dict[Hashable, int]:
    """{unit: people invited to the chosen round}, by their unit today: one query."""
    if chosen is None:
        return {}
    invitations = CheckInInvitation.objects.filter(round=chosen)
    if role is not None:
        invitations = invitations.filter(employee__role_profile_id=role)
    counts: Counter = Counter()
    for unit_id in invitations.values_list("employee__org_unit_id", flat=True):
        for unit in (ALL, *above.get(unit_id, [])):
            counts[unit] += 1
    return counts
