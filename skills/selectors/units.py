"""Org unit × skill: the share of people in scope at or above their role's target."""

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, F, QuerySet

from people.models import Employee

from ..models import Skill
from .scope import (
    SMALL_CELL,
    report_categories,
    report_targets,
    report_units,
    team_report_people,
)


@dataclass
class UnitCell:
    """Share of one unit's people at or above target in one skill; hidden if small."""

    people: int
    met: int | None  # None when hidden

    @property
    def hidden(self) -> bool:
        return self.people < SMALL_CELL

    @property
    def percent(self) -> int | None:
        if self.hidden or not self.people:
            return None
        return round(100 * (self.met or 0) / self.people)


class UnitRef(NamedTuple):
    """An org unit as a report names it: light enough to hold thousands of."""

    pk: int
    code: str
    name: str


def levels_at_target(
    *, people: QuerySet[Employee], skill_ids: list[int] | None = None
) -> QuerySet:
    """(unit, skill, n): how many of `people` reach their role's target, per unit.

    Driven from the people: each one's levels come from the (employee, skill,
    level) index alone, matched to the role's target; one query. `skill_ids`
    narrows (a category); without it every targeted skill is counted.
    """
    # One filter() call, so that every condition is on the same level row.
    conditions = {
        "role_profile__skill_targets__skill_id": F("skill_levels__skill_id"),
        "skill_levels__level__gte": F("role_profile__skill_targets__level"),
    }
    if skill_ids is not None:
        # Not for all skills: SQLite would then look up each person's levels
        # skill by skill instead of reading them in one range of the index.
        conditions["skill_levels__skill_id__in"] = skill_ids
    return (
        people.filter(**conditions)
        .order_by()
        .values("org_unit_id", "skill_levels__skill_id")
        .annotate(n=Count("pk"))
        .values_list("org_unit_id", "skill_levels__skill_id", "n")
    )


def unit_role_headcounts(*, people: QuerySet[Employee]) -> QuerySet:
    """(unit, role, n): how many of `people` hold each role in each unit; one query.

    Read from the (org unit, role profile, active) index alone on SQLite.
    """
    return (
        people.order_by()
        .values("org_unit_id", "role_profile_id")
        .annotate(n=Count("pk"))
        .values_list("org_unit_id", "role_profile_id", "n")
    )


class UnitRows:
    """(unit, headcount, cells) in tree order; cells are made only for rows read.

    A city has thousands of units and a page shows a hundred: levels at
    target are counted for the units of the rows read, a page's slice (some
    600 people, against the 40,000 of the whole city), or every unit at once
    as an export iterates. One query either way.
    """

    def __init__(
        self,
        *,
        units: list[tuple[UnitRef, int]],
        roles: dict[int, list[tuple[int, int]]],
        skills_of_role: dict[int, set[int]],
        skills: list[Skill],
        people: QuerySet[Employee],
        category_id: int | None,
    ):
        self.units = units
        self.roles = roles
        self.skills_of_role = skills_of_role
        self.skill_ids = [s.pk for s in skills]
        self.people = people
        # Not for all skills: SQLite would then look up each person's levels
        # skill by skill instead of reading them in one range of the index.
        self.narrow_to = None if category_id is None else self.skill_ids

    def __len__(self) -> int:
        return len(self.units)

    def __getitem__(self, index):
        if isinstance(index, slice):
            entries = self.units[index]
            met = self._met([unit.pk for unit, _n in entries])
            return [self._row(entry, met) for entry in entries]
        entry = self.units[index]
        return self._row(entry, self._met([entry[0].pk]))

    def __iter__(self) -> Iterator[tuple[UnitRef, int, list[UnitCell]]]:
        if not self.units:
            return
        met = self._met(None)
        for entry in self.units:
            yield self._row(entry, met)

    def _met(self, unit_ids: list[int] | None) -> dict[tuple[int, int], int]:
        """Levels at target per (unit, skill) in these units (None: all of them)."""
        if unit_ids == []:
            return {}
        people = self.people
        if unit_ids is not None:
            people = people.filter(org_unit_id__in=unit_ids)
        return {
            (unit, skill): n
            for unit, skill, n in levels_at_target(
                people=people, skill_ids=self.narrow_to
            )
        }

    def _row(
        self, entry: tuple[UnitRef, int], met: dict[tuple[int, int], int]
    ) -> tuple[UnitRef, int, list[UnitCell]]:
        unit, headcount = entry
        # People whose role targets each skill, role by role rather than cell
        # by cell: an export makes 130,000 cells.
        targeted: dict[int, int] = defaultdict(int)
        for role, count in self.roles[unit.pk]:
            for skill_id in self.skills_of_role.get(role, ()):
                targeted[skill_id] += count
        cells = []
        for skill_id in self.skill_ids:
            n = targeted.get(skill_id, 0)
            met_here = None if n < SMALL_CELL else met.get((unit.pk, skill_id), 0)
            cells.append(UnitCell(n, met_here))
        return unit, headcount, cells


def skills_by_unit(
    *,
    user: AbstractBaseUser,
    unit_id: int | None = None,
    category_id: int | None = None,
) -> dict:
    """Org unit × skill: the share of people at or above their role's target.

    Counted in the database (a 40,000-person scope never reaches Python): people
    per unit and role here, levels at target per unit and skill for the rows
    read (`UnitRows`). A cell over fewer than SMALL_CELL people is hidden.
    Constant queries.
    """
    people = team_report_people(user=user, unit_id=unit_id)
    in_scope = team_report_people(user=user) if unit_id else people
    # Names only: a city has thousands of units, and models cost 20 µs each.
    units = [
        UnitRef(*values)
        for values in report_units(people=in_scope).values_list("pk", "code", "name")
    ]
    categories = report_categories(people=in_scope)
    targets, skills = report_targets(people=people, category_id=category_id)
    skills_of_role: dict[int, set[int]] = defaultdict(set)
    for role, skill in targets:
        skills_of_role[role].add(skill)
    roles: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for unit, role, n in unit_role_headcounts(people=people):
        roles[unit].append((role, n))
    # `units` is in tree order already; keep those with people in this scope.
    rows = UnitRows(
        units=[(u, sum(n for _r, n in roles[u.pk])) for u in units if u.pk in roles],
        roles=roles,
        skills_of_role=skills_of_role,
        skills=skills,
        people=people,
        category_id=category_id,
    )
    return {
        "skills": skills,
        "rows": rows,
        "units": units,
        "categories": categories,
        "small_cell": SMALL_CELL,
    }
