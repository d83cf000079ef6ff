"""The demo organisation as a plan: units (parents first) and people (managers first).

The 300-person city is data: `demo/content/people/city.csv`, in the roster
import's own format. Its spine (employee numbers below `GENERATED_FROM`: the City
Manager, the directors and the demo accounts' corner of the org) is kept in every
generated organisation, and its divisions lend their job titles to them.

`--employees N` plans are generated: a seeded `random.Random` picks names,
titles and sizes, so every run yields the same org. In every plan a manager of
record has a lower employee number than their reports, so mixing plans cannot
create a manager cycle.
"""

import csv
import datetime
import io
import math
import random
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from .content_files import CONTENT
from .org_names import (
    FAMILY_TITLES,
    LEVEL_LEADER,
    LEVEL_NAMES,
    LEVEL_PREFIX,
    NUMBERED_LEVELS,
    ORIGIN_LISTS,
    ORIGIN_WEIGHTS,
    THEMES,
    TRANSLIT,
)

CITY_FILE = "people/city.csv"
CITY_MANAGER = "100000"
GENERATED_FROM = 101000  # numbers below this are the spine every plan shares
TEAM_MIN, TEAM_MAX, TEAM_AVG, MAX_DEPTH = 7, 14, 10, 8  # members, below one lead


class UnitSpec(NamedTuple):
    code: str
    name: str
    parent: str | None
    head: str | None  # employee number


@dataclass(frozen=True)
class PersonSpec:
    number: str
    first: str
    last: str
    title: str
    unit: str
    role: str
    manager: str | None = None
    preferred: str = ""
    email: str = ""
    hired: datetime.date = datetime.date(2019, 4, 1)


def city_csv() -> str:
    """The demo city's roster file, as the roster import reads it."""
    return (CONTENT / "people" / "city.csv").read_text(encoding="utf-8")


@cache
def city_plan() -> tuple[tuple[UnitSpec, ...], tuple[PersonSpec, ...]]:
    """The default demo: eight divisions, their sections and teams, 300 people."""
    people, units = [], {}
    for row in csv.DictReader(io.StringIO(city_csv())):
        people.append(
            PersonSpec(
                number=row["employee_number"],
                first=row["first_name"],
                last=row["last_name"],
                title=row["job_title"],
                unit=row["org_unit_code"],
                role=row["role_profile"],
                manager=row["manager_employee_number"] or None,
                preferred=row["preferred_name"],
                email=row["email"],
                hired=datetime.date.fromisoformat(row["hire_date"]),
            )
        )
        units.setdefault(
            row["org_unit_code"],
            (row["org_unit_name"], row["parent_org_unit_code"] or None),
        )
    heads = unit_heads(people)
    specs = [
        UnitSpec(code, name, parent, heads.get(code))
        for code, (name, parent) in units.items()
    ]
    return tuple(specs), tuple(people)


def unit_heads(people: list[PersonSpec]) -> dict[str, str]:
    """Each unit's head: the one member whose manager sits outside the unit.

    The roster format has no head column; in every demo plan a unit's lead is
    its only member reporting outside it (checked by tests/demo/test_people.py).
    """
    unit_of = {person.number: person.unit for person in people}
    return {
        person.unit: person.number
        for person in reversed(people)
        if person.manager is None or unit_of.get(person.manager) != person.unit
    }


def email_local(first: str, last: str) -> str:
    """The part of a demo address before the @: ascii, lower case, first.last."""
    ascii_name = unicodedata.normalize(
        "NFKD", f"{first}.{last}".lower().translate(TRANSLIT)
    )
    return "".join(c for c in ascii_name if c.isascii() and (c.isalnum() or c in ".-"))


def _spine() -> tuple[list[UnitSpec], list[PersonSpec]]:
    units, people = city_plan()
    fixed = [p for p in people if int(p.number) < GENERATED_FROM]
    fixed_units = {p.unit for p in fixed}
    # The divisions are planned afresh; the spine is what sits outside or below them.
    return [u for u in units if u.code in fixed_units and not _is_division(u)], fixed


def _is_division(unit: UnitSpec) -> bool:
    return unit.parent is None and unit.code.startswith("DIV-")


class _PlanBuilder:
    """Collects units and people in top-down order, numbering people as it goes."""

    def __init__(self, *, seed: str, first_number: int) -> None:
        self.rng = random.Random(seed)  # noqa: S311 (demo data, not security)
        self.spine_units, self.fixed_people = _spine()
        self.units: list[UnitSpec] = []
        self.people: list[PersonSpec] = []
        self.next_number = first_number
        self.emails: defaultdict[str, int] = defaultdict(int)
        self.unit_codes = {unit.code for unit in self.spine_units}
        for person in self.fixed_people:
            self._email(person.first, person.last)

    def _email(self, first: str, last: str) -> str:
        local = email_local(first, last)
        self.emails[local] += 1
        count = self.emails[local]
        return f"{local}{count if count > 1 else ''}@city.example"

    def add_unit(self, code: str, name: str, parent: str | None, head: str | None):
        if code not in self.unit_codes:
            self.units.append(UnitSpec(code, name, parent, head))
            self.unit_codes.add(code)

    def add_person(
        self,
        *,
        title: str,
        unit: str,
        role: str,
        manager: str | None,
        leader: bool = False,
    ) -> str:
        rng = self.rng
        origins = rng.choices(ORIGIN_LISTS, cum_weights=ORIGIN_WEIGHTS)[0]
        first, _, preferred = rng.choice(origins[1]).partition("|")
        preferred = preferred if rng.random() < 0.6 else ""
        # Families mix: some people carry a family name from another origin.
        lasts = rng.choice(ORIGIN_LISTS)[2] if rng.random() < 0.12 else origins[2]
        last = rng.choice(lasts)
        # Leaders have been around longer.
        start = datetime.date(1990 if leader else 1998, 1, 2)
        hired = start + datetime.timedelta(days=rng.randrange(26 * 365))
        number = str(self.next_number)
        self.next_number += 1
        self.people.append(
            PersonSpec(
                number,
                first,
                last,
                title,
                unit,
                role,
                manager,
                preferred=preferred,
                email=self._email(preferred or first, last),
                hired=hired,
            )
        )
        return number

    def split(self, total: int, parts: int) -> list[int]:
        """`total` cut into `parts` uneven pieces of at least TEAM_MIN + 1."""
        weights = [self.rng.uniform(0.6, 1.4) for _ in range(parts)]
        return _shares(total, weights, minimum=TEAM_MIN + 1)

    def plan(self) -> tuple[list[UnitSpec], list[PersonSpec]]:
        roots = [u for u in self.spine_units if u.parent is None]
        units = list(roots)
        for unit in self.units:  # spine units go in right after their parent
            units.append(unit)
            units.extend(self._spine_below(unit.code))
        return units, [*self.fixed_people, *self.people]

    def _spine_below(self, code: str) -> list[UnitSpec]:
        below = []
        for unit in self.spine_units:
            if unit.parent == code:
                below.extend([unit, *self._spine_below(unit.code)])
        return below


def _shares(total: int, weights: list[float], *, minimum: int = 0) -> list[int]:
    """`total` shared out in proportion to `weights`, each share at least `minimum`."""
    spare = total - minimum * len(weights)
    exact = [spare * w / sum(weights) for w in weights]
    shares = [int(x) for x in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: shares[i] - exact[i])
    for i in by_remainder[: spare - sum(shares)]:
        shares[i] += 1
    return [minimum + share for share in shares]


def _city_divisions() -> list[tuple[str, str, str, list[tuple[str, str]]]]:
    """The city's divisions: (code, name, director, the titles of their staff)."""
    units, people = city_plan()
    parent = {unit.code: unit.parent for unit in units}
    heads = {unit.head for unit in units}

    def division_of(code: str) -> str:
        while parent[code] is not None:
            code = parent[code]
        return code

    titles = defaultdict(list)
    for person in people:
        if person.number not in heads:
            titles[division_of(person.unit)].append((person.title, person.role))
    return [
        (unit.code, unit.name, unit.head, titles[unit.code])
        for unit in units
        if _is_division(unit)
    ]


def large_plan(headcount: int) -> tuple[list[UnitSpec], list[PersonSpec]]:
    """About 800 people a division, 6–8 levels deep, teams of 8–15."""
    builder = _PlanBuilder(seed=f"seed_demo {headcount}", first_number=200001)
    rng = builder.rng
    city = _city_divisions()
    n_divisions = min(80, max(len(city), round(headcount / 800)))
    divisions = [
        (code, name, code.removeprefix("DIV-"), director, titles)
        for code, name, director, titles in city
    ]
    for i in range(len(city) + 1, n_divisions + 1):
        theme, family = THEMES[(i - len(city) - 1) % len(THEMES)]
        name = f"Division {i:02d} — {theme}"
        divisions.append(
            (f"DIV-{i:02d}", name, f"{i:02d}", None, FAMILY_TITLES[family])
        )
    budget = headcount - len(builder.fixed_people)
    weights = [rng.lognormvariate(0, 0.45) for _ in divisions]
    sizes = _shares(budget, weights)
    for (code, name, key, director, titles), size in zip(divisions, sizes, strict=True):
        if director is None:
            theme = name.partition(" — ")[2]
            director = builder.add_person(
                title=f"Director, {theme}",
                unit=code,
                role="TEAMLEAD",
                manager=CITY_MANAGER,
                leader=True,
            )
            size -= 1
        builder.add_unit(code, name, None, director)
        _grow(builder, code, key, [], director, 1, size, _target_depth(size), titles)
    return builder.plan()


def _target_depth(size: int) -> int:
    """How deep a division of `size` goes when each manager leads about two units."""
    return max(4, min(MAX_DEPTH, round(1 + math.log2(max(1, size / (TEAM_AVG + 1))))))


def _grow(
    builder: _PlanBuilder,
    code: str,
    key: str,
    index: list[int],
    head: str,
    level: int,
    budget: int,
    depth: int,
    titles: list[tuple[str, str]],
) -> None:
    """Place `budget` people below `head` of unit `code`: members, or sub-units."""
    if budget <= TEAM_MAX or level >= MAX_DEPTH:
        for _ in range(budget):
            title, role = builder.rng.choice(titles)
            builder.add_person(title=title, unit=code, role=role, manager=head)
        return
    # Branch so that the leaves land near `depth` with teams of about TEAM_AVG.
    children = round((budget / (TEAM_AVG + 1)) ** (1 / max(1, depth - level)))
    children = max(1, min(children, 6, budget // (TEAM_MIN + 1)))
    names = LEVEL_NAMES[level + 1]
    if level + 1 in NUMBERED_LEVELS:  # Team A, Team B; not Team B, Team F
        names = names[:children]
    if children <= len(names):
        names = sorted(builder.rng.sample(names, children))
    else:
        names = [f"{names[0]} {n}" for n in range(1, children + 1)]
    sizes = builder.split(budget, children)
    for n, (size, name) in enumerate(zip(sizes, names, strict=True), 1):
        child = f"{LEVEL_PREFIX[level + 1]}-{key}-{'-'.join(map(str, [*index, n]))}"
        lead = builder.add_person(
            title=f"{LEVEL_LEADER[level + 1]}, {name}",
            unit=child,
            role="TEAMLEAD",
            manager=head,
            leader=True,
        )
        builder.add_unit(child, name, code, lead)
        _grow(
            builder, child, key, [*index, n], lead, level + 1, size - 1, depth, titles
        )
