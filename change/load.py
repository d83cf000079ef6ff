"""Change load: how many initiatives go live for each org unit in each month.

A unit carries an initiative in the month of its go-live when the initiative
(planned or active) affects anyone active in the unit or its sub-units — by
unit or by role profile, the rule of change.selectors.affected_employees.
Counts are of distinct initiatives: a division carries one go-live however
many of its teams it reaches. Above settings.CHANGE_LOAD_LIMIT in one month a
unit is flagged, so sponsors can stagger go-lives.

Read in a constant number of queries whatever the size of the organisation:
the initiatives, their units' paths, their role profiles, and one GROUP BY of
where active people sit with which role profile.
"""

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from people.models import Employee, OrgUnit
from people.selectors import org_unit_subtree_ids

from .models import Initiative

# Initiatives that still have a go-live ahead of them to plan around.
LOADING = (Initiative.Status.PLANNED, Initiative.Status.ACTIVE)
WINDOW_MONTHS = 12


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def load_limit() -> int:
    """The most go-lives a unit may carry in one month before it is flagged."""
    return settings.CHANGE_LOAD_LIMIT


@dataclass(frozen=True)
class Cell:
    """One unit in one month: the initiatives going live there, and the limit."""

    unit: OrgUnit
    month: date
    initiatives: tuple[Initiative, ...]
    limit: int

    @property
    def count(self) -> int:
        return len(self.initiatives)

    @property
    def over(self) -> bool:
        return self.count > self.limit

    @property
    def band(self) -> str:
        """For the colour band only; the number and the words say the same."""
        if self.over:
            return "over"
        if self.count == 0:
            return "none"
        return "at" if self.count == self.limit else "under"


@dataclass
class LoadRow:
    unit: OrgUnit
    cells: list[Cell] = field(default_factory=list)
    is_parent: bool = False  # the unit drilled into, above its sub-units

    @property
    def has_sub_units(self) -> bool:
        return self.unit.numchild > 0

    @property
    def over(self) -> list[Cell]:
        return [cell for cell in self.cells if cell.over]


@dataclass
class ChangeLoad:
    """The unit × month table for one reader."""

    months: list[date]
    rows: list[LoadRow]
    limit: int

    @property
    def over(self) -> list[Cell]:
        return [cell for row in self.rows for cell in row.over]

    def cell(self, *, unit_id: int, month: date) -> Cell | None:
        for row in self.rows:
            if row.unit.pk == unit_id:
                return next((c for c in row.cells if c.month == month), None)
        return None


def _ancestry(path: str) -> list[str]:
    step = OrgUnit.steplen
    return [path[:end] for end in range(step, len(path) + 1, step)]


def _go_lives(*, start: date, end: date, statuses=LOADING) -> list[Initiative]:
    """Initiatives going live from `start` up to (not including) `end`: one query."""
    return list(
        Initiative.objects.filter(
            status__in=statuses, go_live__gte=start, go_live__lt=end
        ).only("pk", "name", "slug", "status", "go_live", "sponsor_id")
    )


def _sits(*, within: Collection[str] | None) -> list[tuple[str, int | None]]:
    """(unit path, role profile) for every pair held by active people: one GROUP BY.

    `within`: only units under these paths (None: everywhere).
    """
    people = Employee.objects.active()
    if within is not None:
        among = Q(pk__in=[])
        for path in within:
            among |= Q(org_unit_id__in=org_unit_subtree_ids(path=path))
        people = people.filter(among)
    # order_by(): the default ordering would join the DISTINCT, one row a person.
    pairs = people.order_by().values_list("org_unit__path", "role_profile_id")
    return list(pairs.distinct())


def _reach(
    initiatives: Collection[Initiative], *, sits: Iterable[tuple[str, int | None]]
) -> dict[str, set[int]]:
    """{path of a unit where active people sit: ids of initiatives affecting any of them}.

    Two queries: the initiatives' units and their role profiles.
    """
    if not initiatives:
        return {}
    ids = [initiative.pk for initiative in initiatives]
    by_path: dict[str, set[int]] = defaultdict(set)
    for initiative_id, path in Initiative.units.through.objects.filter(
        initiative_id__in=ids
    ).values_list("initiative_id", "orgunit__path"):
        by_path[path].add(initiative_id)
    by_role: dict[int, set[int]] = defaultdict(set)
    for initiative_id, role_id in Initiative.role_profiles.through.objects.filter(
        initiative_id__in=ids
    ).values_list("initiative_id", "roleprofile_id"):
        by_role[role_id].add(initiative_id)
    reach: dict[str, set[int]] = {}
    for path, role_id in sits:
        if path not in reach:  # by unit: the unit or one above it is listed
            reach[path] = set()
            for above in _ancestry(path):
                reach[path] |= by_path.get(above, set())
        reach[path] |= by_role.get(role_id, set())
    return {path: found for path, found in reach.items() if found}


def _carried(
    reach: dict[str, set[int]], *, row_paths: Iterable[str]
) -> dict[str, set[int]]:
    """{row path: initiatives affecting anyone in it or below it} (distinct)."""
    rows = {path: set() for path in row_paths}
    # Only the rows' own depths can match (one or two of them, not all eight).
    lengths = sorted({len(path) for path in rows})
    for path, found in reach.items():
        for length in lengths:
            if path[:length] in rows:
                rows[path[:length]] |= found
    return rows


def change_load(
    *,
    unit_paths: Collection[str] | None,
    parent: OrgUnit | None = None,
    start: date | None = None,
    months: int = WINDOW_MONTHS,
) -> ChangeLoad:
    """The unit × month table: `parent` and its sub-units, or the top level.

    The top level is every division, or for a reader limited to `unit_paths`
    (a manager: the units they head) those units. `parent` must lie within
    `unit_paths` (the view checks, with `unit_visible`). Five queries.
    """
    start = month_start(start or timezone.localdate())
    window = [add_months(start, n) for n in range(months)]
    if parent is not None:
        rows = [parent, *parent.get_children().filter(is_active=True)]
    elif unit_paths is None:
        rows = list(OrgUnit.objects.active().filter(depth=1))
    else:
        rows = list(OrgUnit.objects.active().filter(path__in=list(unit_paths)))
    initiatives = _go_lives(start=start, end=add_months(start, months))
    within = None  # the top level of an all-units reader: everyone
    if parent is not None:
        within = [parent.path]
    elif unit_paths is not None:
        within = [row.path for row in rows]
    sits = _sits(within=within) if initiatives else []
    carried = _carried(_reach(initiatives, sits=sits), row_paths=[r.path for r in rows])
    by_pk = {initiative.pk: initiative for initiative in initiatives}
    limit = load_limit()
    table = []
    for unit in rows:
        mine = sorted(
            (by_pk[pk] for pk in carried[unit.path]),
            key=lambda i: (i.go_live, i.name),
        )
        cells = [
            Cell(
                unit=unit,
                month=month,
                initiatives=tuple(i for i in mine if month_start(i.go_live) == month),
                limit=limit,
            )
            for month in window
        ]
        table.append(LoadRow(unit=unit, cells=cells, is_parent=unit == parent))
    return ChangeLoad(months=window, rows=table, limit=limit)


def unit_visible(unit: OrgUnit, *, unit_paths: Collection[str] | None) -> bool:
    """Whether a reader limited to `unit_paths` (None: everything) may open `unit`."""
    return unit_paths is None or any(unit.path.startswith(p) for p in unit_paths)


@dataclass(frozen=True)
class Clash:
    """A unit an initiative's go-live month puts over the limit, and what else lands."""

    unit: OrgUnit
    month: date
    count: int
    others: tuple[Initiative, ...]
    limit: int


def go_live_clashes(
    *,
    go_live: date,
    unit_paths: Collection[str],
    role_profile_ids: Collection[int],
    initiative_id: int | None = None,
) -> list[Clash]:
    """The outermost units that an initiative going live on `go_live` puts over the limit.

    For the initiative form: its audience as chosen (not yet saved), against
    the planned and active initiatives going live the same month. A unit
    whose division is already named is not named again. Five queries.
    """
    month = month_start(go_live)
    others = [
        i
        for i in _go_lives(start=month, end=add_months(month, 1))
        if i.pk != initiative_id
    ]
    limit = load_limit()
    if len(others) < limit:
        return []  # even together they cannot pass the limit anywhere
    sits = _sits(within=None)
    reach = _reach(others, sits=sits)
    mine, roles = set(unit_paths), set(role_profile_ids)
    ours = {
        path
        for path, role_id in sits
        if role_id in roles or any(p in mine for p in _ancestry(path))
    }
    load: dict[str, set[int]] = defaultdict(set)
    touched: set[str] = set()
    for path in ours:
        touched.update(_ancestry(path))
    for path, found in reach.items():
        for above in _ancestry(path):
            if above in touched:
                load[above] |= found
    over = sorted(p for p in touched if len(load[p]) + 1 > limit)
    outermost = [p for p in over if not any(p != q and p.startswith(q) for q in over)]
    units = {u.path: u for u in OrgUnit.objects.filter(path__in=outermost)}
    by_pk = {i.pk: i for i in others}
    return [
        Clash(
            unit=units[path],
            month=month,
            count=len(load[path]) + 1,
            others=tuple(
                sorted((by_pk[pk] for pk in load[path]), key=lambda i: i.go_live)
            ),
            limit=limit,
        )
        for path in outermost
        if path in units
    ]
