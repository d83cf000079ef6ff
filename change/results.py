"""Readiness results, decided once per change of closed rounds and stored.

Every group a reader could be shown (each unit with its sub-units, everyone
affected, each × role profile, each closed round, and for Apply and Sustain
the smaller set who could answer them) goes to the gatekeeper
(change.privacy) together, whoever will ask; only the published groups get
means, shares and distributions. The decision is the same one the dashboard
used to take on every request: open rounds never take part in it (their groups
are never released) and a closed round's answers do not change, so it depends
only on the closed rounds' answers and the org-unit tree above them. Those,
and the rules' settings, make the snapshot's key (results_key): a dashboard
that computes a different key knows its stored results are stale.
"""

import hashlib
import json
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from people.models import OrgUnit

from . import privacy
from .models import (
    CheckInResponse,
    CheckInRound,
    Initiative,
    ReadinessResult,
    ReadinessSnapshot,
)
from .stages import STAGE_FIELDS, STAGES
from .summaries import CATEGORIES, NOT_YET, StageCell, Summary, stage_cell

# Bumped whenever what is computed from the answers changes: stored results
# of an older rule are stale.
RULES = "2"
ALL = "all"  # the unit key of the group of everyone the initiative affects
# Stages people may mark "not applicable yet": their numbers cover fewer people.
OPTIONAL = {i for i, stage in enumerate(STAGES) if stage.may_be_not_applicable}
# Which groups the gatekeeper hides first when it must (privacy.Group.rank).
RANK_ALL_ROLES, RANK_ONE_ROLE = 3, 1
BATCH_SIZE = 1000


def unit_tree(units: Iterable[Sequence]) -> dict[int, list[int]]:
    """{unit: its chain of units from the top down to itself}, of rows (pk, path, …)."""
    units = list(units)
    by_path = {row[1]: row[0] for row in units}
    step = OrgUnit.steplen
    return {
        pk: [by_path[path[:end]] for end in range(step, len(path) + 1, step)]
        for pk, path, *_rest in units
    }


def results_key(
    *,
    closed: Sequence[CheckInRound],
    tree: dict[int, list[int]],
    answered_in: Iterable[int],
) -> str:
    """What stored results must have been computed from to be current.

    The closed rounds, the rules' settings, and the chain above each unit
    answers were given in (`answered_in`, stored with the results): so a unit
    moved above those answers makes them stale, while a unit added, renamed
    or renumbered elsewhere (treebeard renumbers siblings' paths on an
    insert) does not. A closed round's answers stay where they were given.
    """
    rules = [RULES, settings.CHANGE_MIN_GROUP, settings.CHANGE_MIN_COMMENTS]
    chains = [(unit, tree.get(unit)) for unit in sorted(answered_in)]
    made_of = json.dumps([[r.pk for r in closed], chains, rules])
    return hashlib.sha256(made_of.encode()).hexdigest()


def closed_rounds(*, initiative: Initiative, today: date) -> list[CheckInRound]:
    """The rounds whose results may be shown today, oldest first: one query."""
    return list(initiative.rounds.closed_on(today))


def snapshot_for(initiative: Initiative) -> ReadinessSnapshot:
    """The initiative's snapshot row, created empty if there is none: one or two queries."""
    # get_or_create retries the read when a simultaneous create wins the race.
    snapshot, _created = ReadinessSnapshot.objects.get_or_create(initiative=initiative)
    return snapshot


def readiness_results_refresh(
    *, initiative: Initiative, today: date | None = None
) -> ReadinessSnapshot:
    """Compute and store the initiative's results unless they are current.

    Simultaneous calls compute once: the snapshot row is locked for the
    computation, and whoever gets it next finds the key current and stops.
    """
    today = today or timezone.localdate()
    snapshot_for(initiative)
    with transaction.atomic():
        snapshot = ReadinessSnapshot.objects.select_for_update().get(
            initiative=initiative
        )
        closed = closed_rounds(initiative=initiative, today=today)
        tree = unit_tree(OrgUnit.objects.values_list("pk", "path"))
        current = results_key(
            closed=closed, tree=tree, answered_in=snapshot.answer_units
        )
        if snapshot.key == current:
            return snapshot
        started = time.perf_counter()
        results, answered_in, roles = _computed(initiative, closed=closed, tree=tree)
        ReadinessResult.objects.filter(initiative=initiative).delete()
        ReadinessResult.objects.bulk_create(results, batch_size=BATCH_SIZE)
        snapshot.key = results_key(closed=closed, tree=tree, answered_in=answered_in)
        snapshot.closed_rounds = [r.pk for r in closed]
        snapshot.answer_units = sorted(answered_in)
        snapshot.units = sorted({unit for u in answered_in for unit in tree[u]})
        snapshot.role_profiles = sorted(roles)
        snapshot.computed_at = timezone.now()
        snapshot.seconds = round(time.perf_counter() - started, 3)
        snapshot.save()
    return snapshot


class _Tally:
    """Sums over one group's answers, filled while the answers are read once."""

    __slots__ = ("answered", "barriers", "high", "members", "scores")

    def __init__(self):
        self.members: set[str] = set()
        self.answered: list[set[str]] = [set() for _ in STAGE_FIELDS]
        self.scores = [Counter() for _ in STAGE_FIELDS]
        self.high = [0] * len(STAGE_FIELDS)
        self.barriers: Counter = Counter()

    def add(self, key: str, scores: Iterable[int | None], barrier: int | None):
        self.members.add(key)
        self.barriers[barrier] += 1
        for i, score in enumerate(scores):
            if score is not None:
                self.answered[i].add(key)
                self.scores[i][score] += 1
                self.high[i] += score >= 4


def published_groups(
    *,
    initiative: Initiative,
    rounds: list[CheckInRound],
    today: date,
    tree: dict[int, list[int]] | None = None,
    closed_pks: Iterable[int] | None = None,
) -> list[privacy.Group]:
    """Every group the stored results publish, with its members: one or two queries.

    Worked out again from the answers (the whole decision: seconds at 40,000
    people), for numbers that must be decided beside the published ones
    (change.adoption_results). Round orders are positions in `rounds`, as
    there. `closed_pks`: the rounds the stored results cover (default: those
    closed today).
    """
    if closed_pks is None:
        closed = [r for r in rounds if r.state_on(today) == CheckInRound.State.CLOSED]
    else:
        closed = [r for r in rounds if r.pk in set(closed_pks)]
    if tree is None:
        tree = unit_tree(OrgUnit.objects.values_list("pk", "path"))
    order = {r.pk: i for i, r in enumerate(rounds)}
    tallies, _comments, _answered_in, _roles = _tallies(closed=closed, tree=tree)
    groups = _groups(tallies, order=order)
    decisions = privacy.publishable(groups)
    return [group for group in groups if decisions[group.key].published]


def _tallies(*, closed: list[CheckInRound], tree: dict[int, list[int]]) -> tuple:
    """The closed rounds' answers read once: (tallies, comments, units, roles)."""
    tallies: dict[tuple, _Tally] = defaultdict(_Tally)
    # {(round, unit): [(respondent key, comment)]}: all roles together.
    comments: dict[tuple, list[tuple[str, str]]] = defaultdict(list)
    answers = CheckInResponse.objects.filter(
        round__in=[r.pk for r in closed]
    ).values_list(
        "round_id",
        "respondent_key",
        "unit_id",
        "role_profile_id",
        "barrier_stage",
        "comment",
        *STAGE_FIELDS,
    )
    answered_in, roles = set(), set()
    for round_pk, key, unit_id, role_id, barrier, comment, *scores in answers.iterator(
        chunk_size=5000
    ):
        chain = tree[unit_id]
        answered_in.add(unit_id)
        if role_id:
            roles.add(role_id)
        for unit in (ALL, *chain):
            for role in (None, role_id) if role_id else (None,):
                tallies[(round_pk, unit, role)].add(key, scores, barrier)
            if comment.strip():
                comments[(round_pk, unit)].append((key, comment.strip()))
    return tallies, comments, answered_in, roles


def _computed(
    initiative: Initiative, *, closed: list[CheckInRound], tree: dict[int, list[int]]
) -> tuple[list[ReadinessResult], set[int], set[int]]:
    """Every group's stored result, and the units and roles answers were given in."""
    order = {r.pk: i for i, r in enumerate(closed)}
    tallies, comments, answered_in, roles = _tallies(closed=closed, tree=tree)
    decisions = privacy.publishable(_groups(tallies, order=order))
    spoken = privacy.publishable(
        (
            privacy.Group(
                key=group,
                members=frozenset(key for key, _text in said),
                round_order=order[group[0]],
            )
            for group, said in sorted(comments.items(), key=_comment_sort_key)
        ),
        min_size=settings.CHANGE_MIN_COMMENTS,
    )
    results = []
    for group, tally in tallies.items():
        round_pk, unit, role = group
        summary = _summary(tally, decisions, group=group)
        said = comments.get((round_pk, unit), []) if role is None else []
        shown = []
        if said and spoken[(round_pk, unit)].published:
            shown = privacy.shown_comments(
                [text for _key, text in said], respondents=len(said)
            )
        results.append(
            ReadinessResult(
                initiative=initiative,
                round_id=round_pk,
                unit_id=None if unit == ALL else unit,
                role_profile_id=role,
                summary=summary.to_json(),
                respondents=0 if summary.hidden else len(tally.members),
                comments=shown,
            )
        )
    return results, answered_in, roles


def _groups(
    tallies: dict[tuple, _Tally], *, order: dict[int, int]
) -> list[privacy.Group]:
    """Every group of every closed round, and the smaller set behind a "not yet" stage."""
    groups = []
    for (round_pk, unit, role), tally in sorted(tallies.items(), key=_sort_key):
        members = frozenset(tally.members)
        # The all-roles rows the dashboard opens on are kept before a role's.
        rank = RANK_ALL_ROLES if role is None else RANK_ONE_ROLE
        common = {"round_order": order[round_pk]}
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


def _comment_sort_key(item: tuple) -> tuple:
    (round_pk, unit), _said = item
    return (round_pk, unit != ALL, unit if unit != ALL else 0)


def _summary(tally: _Tally, decisions: dict, *, group: tuple) -> Summary:
    """A group's numbers if the gatekeeper publishes it, else the reason it is hidden."""
    decision = decisions[group]
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
                stage_cell(
                    scores=tally.scores[i], answered=answered, high=tally.high[i]
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
