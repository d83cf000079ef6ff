"""Adoption of an initiative's tool: who is using it, beside training and readiness.

Read from today's roster of affected people, per unit (with its sub-units) and
for everyone affected: how many are trained (as the readiness funnel counts
it), how many are *using* the tool (active on at least one day of the last
CHANGE_ADOPTION_WINDOW_DAYS, today included), the adoption rate, and the
quadrant that says where to act: trained but not using, using without
training, not ready and not using (and trained and using).

Usage and training are not confidential; readiness is. "Not ready" is the
person's answer in the latest closed round, found by computing their
respondent key, so that cell is a sum of answers over a group of respondent
keys: each unit's (and each unit × role's) not-using respondents. Those groups
are put to the gatekeeper (change.privacy) together with every group the
readiness dashboard already publishes, and one is shown only if nothing the
dashboard shows has to give way for it. Every quadrant cell under
CHANGE_MIN_GROUP people reads "fewer than 5".
"""

from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assignments.selectors import users_who_completed
from people.models import OrgUnit

from . import privacy
from .models import CheckInResponse, CheckInRound, UsageDay
from .readiness import ALL, HIDDEN_TEXT, Readiness, Row
from .respondents import respondent_key
from .selectors import affected_employees

FEWER = "fewer"  # a count under CHANGE_MIN_GROUP
NO_ROUND = "no_round"  # no check-in round has closed: readiness is unknown
# Ours go before the dashboard's own when something must (privacy.Group.rank).
RANK_ALL_ROLES, RANK_ONE_ROLE = -1, -2

CELL_TEXT = {**HIDDEN_TEXT, NO_ROUND: _("no closed check-in yet")}


@dataclass(frozen=True)
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


def _count_cell(count: int) -> Cell:
    return (
        Cell(count=count) if count >= settings.CHANGE_MIN_GROUP else Cell(hidden=FEWER)
    )


@dataclass
class AdoptionRow:
    """One unit's (or everyone's) adoption figures."""

    key: Hashable
    affected: int = 0
    trained: int = 0
    using: int = 0
    trained_using: Cell = field(default_factory=Cell)
    trained_not_using: Cell = field(default_factory=Cell)
    using_untrained: Cell = field(default_factory=Cell)
    not_ready_not_using: Cell = field(default_factory=Cell)

    @property
    def rate(self) -> int | None:
        """Using, as a whole-number percentage of the people affected."""
        return (
            privacy.whole_percent(self.using, self.affected) if self.affected else None
        )

    @property
    def band(self) -> int:
        """0–4 by the adoption rate, for the bar's colour (the number is shown too)."""
        return min((self.rate or 0) // 20, 4)


@dataclass
class Adoption:
    """The adoption figures beside one readiness dashboard, row for row."""

    has_data: bool
    window_days: int
    since: date
    until: date
    # The round "not ready" is read from: the latest closed one.
    readiness_round: CheckInRound | None = None
    # None beside each row while the initiative has no usage imported.
    rows: list[tuple[Row, AdoptionRow | None]] = field(default_factory=list)


class _Tally:
    """Counts for one unit (or unit × role), filled while the roster is read once."""

    __slots__ = ("affected", "trained", "trained_using", "using", "using_untrained")

    def __init__(self):
        self.affected = self.trained = self.using = 0
        self.trained_using = self.using_untrained = 0


def adoption(*, dashboard: Readiness, today: date | None = None) -> Adoption:
    """The adoption figures for the dashboard's rows, in its role filter.

    Nine queries whatever the number of people, units, days or rounds.
    """
    today = today or timezone.localdate()
    window = settings.CHANGE_ADOPTION_WINDOW_DAYS
    since = today - timedelta(days=window - 1)
    initiative = dashboard.initiative
    figures = Adoption(
        has_data=UsageDay.objects.filter(initiative=initiative).exists(),
        window_days=window,
        since=since,
        until=today,
        readiness_round=dashboard.closed[-1] if dashboard.closed else None,
    )
    if not figures.has_data:
        figures.rows = [(row, None) for row in dashboard.rows]
        return figures
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
    not_ready = _answers(figures.readiness_round)
    above = _above()
    role = dashboard.role_profile_id
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
        for unit in (ALL, *above.get(unit_id, [])):
            for group_role in (None, role_id) if role_id else (None,):
                if group_role == role:
                    tally = tallies[(unit, group_role)]
                    tally.affected += 1
                    tally.trained += trained
                    tally.using += using
                    tally.trained_using += trained and using
                    tally.using_untrained += using and not trained
                if key is not None and key in not_ready:
                    respondents[(unit, group_role)].add(key)
                    blocked[(unit, group_role)] += not_ready[key]
    decisions = _decide(dashboard, respondents, round_=figures.readiness_round)
    for row in dashboard.rows:
        tally = tallies.get((row.key, role), _Tally())
        figures.rows.append(
            (
                row,
                AdoptionRow(
                    key=row.key,
                    affected=tally.affected,
                    trained=tally.trained,
                    using=tally.using,
                    trained_using=_count_cell(tally.trained_using),
                    trained_not_using=_count_cell(tally.trained - tally.trained_using),
                    using_untrained=_count_cell(tally.using_untrained),
                    not_ready_not_using=_answer_cell(
                        decisions.get(("adoption", row.key, role)),
                        not_using=tally.affected - tally.using,
                        among=len(respondents.get((row.key, role), ())),
                        blocked=blocked.get((row.key, role), 0),
                        round_=figures.readiness_round,
                    ),
                ),
            )
        )
    return figures


def _answers(latest: CheckInRound | None) -> dict[str, bool] | None:
    """{respondent key: not ready} in the latest closed round: one query."""
    if latest is None:
        return None
    answers = CheckInResponse.objects.filter(round=latest).values_list(
        "respondent_key", "barrier_stage"
    )
    return {key: barrier is not None for key, barrier in answers.iterator()}


def _above() -> dict[int, list[int]]:
    """{unit: itself and every unit above it}: one query."""
    units = list(OrgUnit.objects.values_list("pk", "path"))
    by_path = {path: pk for pk, path in units}
    step = OrgUnit.steplen
    return {
        pk: [by_path[path[:end]] for end in range(step, len(path) + 1, step)]
        for pk, path in units
    }


def _decide(
    dashboard: Readiness,
    respondents: dict[tuple, set[str]],
    *,
    round_: CheckInRound | None,
) -> dict[Hashable, privacy.Decision]:
    """The gatekeeper's decision on our groups, beside the dashboard's own.

    Filed in the round the answers come from, so that within it every sum and
    difference with the dashboard's groups is weighed, and across rounds too.
    """
    if round_ is None:
        return {}
    order = next(i for i, r in enumerate(dashboard.rounds) if r.pk == round_.pk)
    ours = [
        privacy.Group(
            key=("adoption", unit, role),
            members=frozenset(members),
            round_order=order,
            rank=RANK_ALL_ROLES if role is None else RANK_ONE_ROLE,
        )
        for (unit, role), members in sorted(respondents.items(), key=_sort_key)
    ]
    return privacy.publishable_beside(dashboard.published, ours)


def _sort_key(item: tuple) -> tuple:
    (unit, role), _members = item
    return (unit != ALL, unit if unit != ALL else 0, role or 0)


def _answer_cell(
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
