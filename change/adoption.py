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

The figures are computed in the background and stored
(change.adoption_results); this module reads them for a dashboard.
"""

from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from . import privacy
from .adoption_results import (
    CELL_TEXT,
    FEWER,
    NO_ROUND,
    Cell,
    adoption_key,
    adoption_results_refresh,
    adoption_snapshot_for,
    answer_cell,
)
from .models import (
    AdoptionResult,
    AdoptionSnapshot,
    CheckInResponse,
    CheckInRound,
    UsageDay,
)
from .readiness import ALL, INLINE_ANSWERS, Readiness, Row
from .tasks import adoption_results_request

__all__ = [
    "CELL_TEXT",
    "FEWER",
    "NO_ROUND",
    "Adoption",
    "AdoptionRow",
    "Cell",
    "adoption",
]

# Stale figures of an initiative with up to this many usage rows (and
# INLINE_ANSWERS answers) are computed during the request; larger ones are
# queued, and the page shows the last stored figures meanwhile.
INLINE_USAGE_DAYS = 20_000


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
    # None beside each row while the initiative has no usage imported, or
    # while its first figures are being prepared.
    rows: list[tuple[Row, AdoptionRow | None]] = field(default_factory=list)
    # True while newer figures are being computed: those shown are of
    # computed_at (none yet, if rows hold None).
    preparing: bool = False
    computed_at: datetime | None = None


def adoption(*, dashboard: Readiness, today: date | None = None) -> Adoption:
    """The stored adoption figures for the dashboard's rows, in its role filter.

    Three queries whatever the number of people, units, days or rounds, when
    the stored figures are current.
    """
    today = today or timezone.localdate()
    window = settings.CHANGE_ADOPTION_WINDOW_DAYS
    initiative = dashboard.initiative
    figures = Adoption(
        has_data=UsageDay.objects.filter(initiative=initiative).exists(),
        window_days=window,
        since=today - timedelta(days=window - 1),
        until=today,
    )
    if not figures.has_data:
        figures.rows = [(row, None) for row in dashboard.rows]
        return figures
    snapshot, figures.preparing = _current_snapshot(dashboard, today=today)
    if not snapshot.key:
        figures.rows = [(row, None) for row in dashboard.rows]
        return figures
    figures.since, figures.until = snapshot.since, snapshot.until
    figures.computed_at = snapshot.computed_at
    figures.readiness_round = next(
        (r for r in dashboard.rounds if r.pk == snapshot.readiness_round_id), None
    )
    role = dashboard.role_profile_id
    results = AdoptionResult.objects.filter(
        Q(role_profile__isnull=True) if role is None else Q(role_profile_id=role),
        initiative=initiative,
    ).values_list("unit_id", *STORED)
    stored = {unit or ALL: _Stored(*values) for unit, *values in results}
    for row in dashboard.rows:
        figures.rows.append(
            (row, _row(row.key, stored.get(row.key), round_=figures.readiness_round))
        )
    return figures


def _current_snapshot(
    dashboard: Readiness, *, today: date
) -> tuple[AdoptionSnapshot, bool]:
    """The stored snapshot, refreshed first if stale: (snapshot, still preparing).

    One query when current. When stale, a small initiative is computed now; a
    large one is queued (debounced) and its last figures shown meanwhile.
    """
    initiative = dashboard.initiative
    snapshot = AdoptionSnapshot.objects.filter(initiative=initiative).first()

    def key(snapshot: AdoptionSnapshot | None) -> str:
        return adoption_key(
            readiness_key=dashboard.results_key,
            inputs=snapshot.inputs if snapshot else 0,
            today=today,
        )

    if snapshot is not None and snapshot.key == key(snapshot):
        return snapshot, False
    small = (
        UsageDay.objects.filter(initiative=initiative).count() <= INLINE_USAGE_DAYS
        and CheckInResponse.objects.filter(
            round__initiative=initiative, round__closes_on__lt=today
        ).count()
        <= INLINE_ANSWERS
    )
    if small:
        snapshot = adoption_results_refresh(initiative=initiative, today=today)
    else:
        adoption_results_request(initiative=initiative, today=today)
        # The immediate backend (development) has computed it already.
        snapshot = adoption_snapshot_for(initiative)
    return snapshot, snapshot.key != key(snapshot)


STORED = (
    "affected",
    "trained",
    "using",
    "trained_using",
    "using_untrained",
    "not_ready",
)


@dataclass(frozen=True)
class _Stored:
    """One stored AdoptionResult's figures, as read (no model instance per row)."""

    affected: int
    trained: int
    using: int
    trained_using: int
    using_untrained: int
    not_ready: dict


def _row(
    key: Hashable, stored: _Stored | None, *, round_: CheckInRound | None
) -> AdoptionRow:
    """A dashboard row's figures as stored (none stored: nobody of it affected)."""
    if stored is None:
        return AdoptionRow(
            key=key,
            trained_using=_count_cell(0),
            trained_not_using=_count_cell(0),
            using_untrained=_count_cell(0),
            not_ready_not_using=answer_cell(
                None, not_using=0, among=0, blocked=0, round_=round_
            ),
        )
    return AdoptionRow(
        key=key,
        affected=stored.affected,
        trained=stored.trained,
        using=stored.using,
        trained_using=_count_cell(stored.trained_using),
        trained_not_using=_count_cell(stored.trained - stored.trained_using),
        using_untrained=_count_cell(stored.using_untrained),
        not_ready_not_using=Cell(**stored.not_ready),
    )
