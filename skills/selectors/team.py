"""The team skills matrix: people in the asking user's scope × their roles' skills."""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import F, QuerySet, Sum
from django.db.models.functions import Least

from lib.batching import chunks
from people.models import Employee, OrgUnit

from ..levels import skill_gap
from ..models import CurrentSkillLevel, Skill, SkillCategory
from .levels import skill_levels_for
from .scope import report_choices, report_targets, team_report_people


class MatrixCell(NamedTuple):
    """One person's level in one skill against their role's target."""

    target: int | None
    level: int | None  # None: never rated
    confirmed: bool
    gap: int


@dataclass
class SkillsMatrix:
    """People × skills, with the people as a lazy, ordered queryset to page through."""

    skills: list[Skill]
    people: "QuerySet[Employee] | PeopleInOrder"
    targets: dict[tuple[int, int], int]
    units: list[OrgUnit]
    categories: list[SkillCategory]

    def rows(
        self, people: Iterable[Employee]
    ) -> list[tuple[Employee, list[MatrixCell]]]:
        """Cells for these people (a page, or a chunk of an export): one query."""
        people = list(people)
        levels = skill_levels_for(
            employees=[p.pk for p in people],
            skills=[s.pk for s in self.skills],
            dated=False,
        )
        rows = []
        for person in people:
            cells = []
            for skill in self.skills:
                target = self.targets.get((person.role_profile_id, skill.pk))
                current = levels.get((person.pk, skill.pk))
                level = current.level if current else None
                cells.append(
                    MatrixCell(
                        target,
                        level,
                        current is None or current.source != "self",
                        skill_gap(target=target, current=level),
                    )
                )
            rows.append((person, cells))
        return rows


class PeopleInOrder:
    """People in a computed order, fetched a slice at a time (for Paginator, exports)."""

    def __init__(self, ids: list[int], queryset: QuerySet[Employee]):
        self.ids = ids
        self.queryset = queryset

    def count(self) -> int:
        return len(self.ids)

    __len__ = count

    def __getitem__(self, index: slice) -> list[Employee]:
        ids = self.ids[index]
        found = self.queryset.in_bulk(ids)
        return [found[pk] for pk in ids]

    def __iter__(self) -> Iterator[Employee]:
        for ids in chunks(self.ids, 500):
            found = self.queryset.in_bulk(ids)
            yield from (found[pk] for pk in ids)


def _largest_gap_first(
    *, people: QuerySet[Employee], targets: dict, skills: list[Skill]
) -> list[int]:
    """Ids of `people` by total gap, largest first, then by name: two queries.

    Total gap = the sum of the role's targets minus the sum of each targeted
    level reached (capped at its target), so the database sums, Python sorts.
    """
    role_total: dict[int, int] = defaultdict(int)
    for (role, _skill), level in targets.items():
        role_total[role] += level
    reached = dict(
        CurrentSkillLevel.objects.filter(
            employee__in=people.values("pk"),
            skill_id__in=[s.pk for s in skills],
            employee__role_profile__skill_targets__skill_id=F("skill_id"),
        )
        .values("employee_id")
        .annotate(
            reached=Sum(Least("level", "employee__role_profile__skill_targets__level"))
        )
        .values_list("employee_id", "reached")
    )
    rows = people.values_list("pk", "role_profile_id", "last_name", "first_name")
    ordered = sorted(
        rows,
        key=lambda r: (
            reached.get(r[0], 0) - role_total.get(r[1], 0),
            r[2],
            r[3],
            r[0],
        ),
    )
    return [r[0] for r in ordered]


def skills_matrix(
    *,
    user: AbstractBaseUser,
    unit_id: int | None = None,
    category_id: int | None = None,
    sort: str | None = None,
) -> SkillsMatrix:
    """The manager's skills matrix: people in scope × the skills their roles target.

    Constant queries whatever the team's size: the scope (two), the unit (when
    filtering), the two filter choices, targets and skills; then the people
    (one, plus a count when paged; two more to sort by gap) and their levels
    (one per page or chunk). `sort="gap"` puts the largest total gap first.
    """
    people = team_report_people(user=user, unit_id=unit_id)
    units, categories = report_choices(
        people=team_report_people(user=user) if unit_id else people
    )
    targets, skills = report_targets(people=people, category_id=category_id)
    ordered = people.select_related("org_unit", "role_profile").order_by(
        "last_name", "first_name", "pk"
    )
    if sort == "gap":
        ordered = PeopleInOrder(
            _largest_gap_first(people=people, targets=targets, skills=skills), ordered
        )
    return SkillsMatrix(
        skills=skills,
        people=ordered,
        targets=targets,
        units=units,
        categories=categories,
    )
