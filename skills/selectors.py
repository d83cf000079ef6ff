"""Reads about skills, already scoped to the asking user; constant query counts."""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import (
    Case,
    Count,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.expressions import Window
from django.db.models.functions import Least, RowNumber
from django.utils import timezone

from courses.dates import completion_valid_on
from courses.models import Enrolment
from people.models import Employee, OrgUnit
from people.selectors import employee_scope_for_user, org_unit_subtree_ids

from .levels import Resolved, resolve_level, skill_gap
from .models import (
    Assessment,
    CourseSkillOutcome,
    CurrentSkillLevel,
    Level,
    RoleSkillTarget,
    SelfAssessment,
    Skill,
    SkillCategory,
    SkillLevelDescriptor,
)
from .permissions import user_can_review_skills

LevelMap = dict[tuple[int, int], Resolved]


def skill_levels_for(*, employees, skills, dated: bool = True) -> LevelMap:
    """Current levels of `employees` (ids, objects or a queryset) in `skills`: one query.

    `dated=False` leaves `assessed_at` empty: parsing 50,000 dates is a third of
    the cost of a big matrix that never shows them.
    """
    fields = ["employee_id", "skill_id", "level", "source", "self_level"]
    if dated:
        fields.append("assessed_at")
    rows = CurrentSkillLevel.objects.filter(
        employee__in=employees, skill__in=skills
    ).values_list(*fields)
    if not dated:
        return {
            (employee_id, skill_id): Resolved(level, source, None, self_level)
            for employee_id, skill_id, level, source, self_level in rows
        }
    return {
        (employee_id, skill_id): Resolved(level, source, at, self_level)
        for employee_id, skill_id, level, source, self_level, at in rows
    }


def skill_levels_by_window(*, employees, skills) -> LevelMap:
    """The same levels derived from the history with a window function: one query.

    The latest row of each kind ranks first in its (person, skill, kind)
    partition; for course evidence, the highest since the latest manager rating
    (a subquery) does. The rule then picks a kind. Kept for rebuilding the
    level table and for comparing speed (benchmarks).
    """
    manager = Assessment.objects.filter(
        employee_id=OuterRef("employee_id"),
        skill_id=OuterRef("skill_id"),
        kind=Assessment.Kind.MANAGER,
    ).order_by("-created_at", "-id")
    since_manager = (
        Q(manager_at__isnull=True)
        | Q(created_at__gt=F("manager_at"))
        | Q(created_at=F("manager_at"), id__gt=F("manager_id"))
    )
    ranked = (
        Assessment.objects.filter(employee__in=employees, skill__in=skills)
        .alias(
            manager_at=Subquery(manager.values("created_at")[:1]),
            manager_id=Subquery(manager.values("id")[:1]),
        )
        .annotate(
            counts=Case(
                When(Q(kind=Assessment.Kind.COURSE) & since_manager, then=Value(1)),
                default=Value(0),
            ),
        )
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("employee_id"), F("skill_id"), F("kind")],
                order_by=[
                    F("counts").desc(),
                    Case(
                        When(kind=Assessment.Kind.COURSE, then=F("level")),
                        default=Value(0),
                    ).desc(),
                    F("created_at").desc(),
                    F("id").desc(),
                ],
            )
        )
        .filter(rank=1)
        .values_list("employee_id", "skill_id", "kind", "level", "created_at", "counts")
    )
    latest: dict[tuple[int, int], dict] = defaultdict(dict)
    for employee_id, skill_id, kind, level, at, counts in ranked:
        # Course evidence from before the manager's rating is theirs to weigh.
        if kind != Assessment.Kind.COURSE or counts:
            latest[employee_id, skill_id][kind] = (level, at)
    return {
        pair: resolve_level(
            manager=kinds.get("manager"),
            course=kinds.get("course"),
            self_rating=kinds.get("self"),
        )
        for pair, kinds in latest.items()
    }


@dataclass
class SkillRow:
    """One skill on someone's profile: target, current level, gap, history, courses."""

    skill: Skill
    target: int | None
    current: Resolved | None
    history: list[Assessment] = field(default_factory=list)
    courses: list = field(default_factory=list)

    @property
    def current_level(self) -> int:
        return self.current.level if self.current else 0

    @property
    def basis(self) -> Assessment | None:
        """The assessment the current level comes from, so its source can be shown."""
        if self.current is None:
            return None
        return next(
            (
                a
                for a in self.history
                if (a.kind, a.level, a.created_at)
                == (self.current.source, self.current.level, self.current.assessed_at)
            ),
            None,
        )

    @property
    def gap(self) -> int:
        return skill_gap(target=self.target, current=self.current_level)

    @property
    def current_label(self) -> str:
        return Level(self.current_level).label

    @property
    def target_label(self) -> str:
        return Level(self.target).label if self.target else ""

    @property
    def current_percent(self) -> int:
        return self.current_level * 100 // max(Level.values)

    @property
    def target_percent(self) -> int:
        return (self.target or 0) * 100 // max(Level.values)


def _framework_order(skill: Skill) -> tuple:
    return (skill.category.sort_order, skill.category.name, skill.name)


def my_skills(*, employee: Employee) -> dict:
    """What *My skills* shows: each skill's target, current level, gap, history, courses."""
    targets = {
        t.skill_id: t
        for t in RoleSkillTarget.objects.filter(
            role_profile_id=employee.role_profile_id, skill__is_active=True
        ).select_related("skill__category")
    }
    levels = {
        c.skill_id: c
        for c in CurrentSkillLevel.objects.filter(
            employee=employee, skill__is_active=True
        ).select_related("skill__category")
    }
    skills = {t.skill_id: t.skill for t in targets.values()}
    skills.update({c.skill_id: c.skill for c in levels.values()})
    rows = {
        pk: SkillRow(
            skill=skill,
            target=targets[pk].level if pk in targets else None,
            current=(
                Resolved(c.level, c.source, c.assessed_at, c.self_level)
                if (c := levels.get(pk))
                else None
            ),
        )
        for pk, skill in skills.items()
    }
    for assessment in (
        Assessment.objects.filter(employee=employee, skill_id__in=rows)
        .select_related("assessed_by")
        .order_by("-created_at", "-id")
    ):
        rows[assessment.skill_id].history.append(assessment)
    _attach_courses([row for row in rows.values() if row.gap], employee=employee)
    # The role's skills first, then any others the person was rated in.
    ordered = sorted(
        rows.values(), key=lambda row: (not row.target, *_framework_order(row.skill))
    )
    rounds = list(
        SelfAssessment.objects.filter(employee=employee)
        .select_related("reviewed_by")
        .order_by("-created_at")[:2]
    )
    open_round = next(
        (r for r in rounds if r.status != SelfAssessment.Status.REVIEWED), None
    )
    notice = next(
        (
            r
            for r in rounds
            if r.status == SelfAssessment.Status.REVIEWED
            and r.notice_dismissed_at is None
        ),
        None,
    )
    return {
        "employee": employee,
        "rows": ordered,
        "gaps": [row for row in ordered if row.gap],
        "open_round": open_round,
        "notice": notice,
        "max_level": max(Level.values),
    }


def _attach_courses(rows: list[SkillRow], *, employee: Employee) -> None:
    """Live courses whose outcome reaches each row's target, in one query.

    A course the person completed is left out while that completion is valid:
    taking it again would not add evidence. Once it expires it is back.
    """
    if not rows:
        return
    by_skill = {row.skill.pk: row for row in rows}
    outcomes = (
        CourseSkillOutcome.objects.filter(
            skill_id__in=by_skill,
            course__live=True,
            level__gte=min(row.target for row in rows),
        )
        .annotate(
            completed_at=Subquery(
                Enrolment.objects.filter(
                    user_id=employee.user_id,
                    course_id=OuterRef("course_id"),
                    completed_at__isnull=False,
                ).values("completed_at")[:1]
            )
        )
        .select_related("course")
        .order_by("course__title")
    )
    today = timezone.localdate()
    for outcome in outcomes:
        row = by_skill[outcome.skill_id]
        if outcome.level >= row.target and not completion_valid_on(
            completed_at=outcome.completed_at,
            validity_months=outcome.course.validity_months,
            today=today,
        ):
            row.courses.append(outcome)


def open_self_assessment(*, employee: Employee) -> SelfAssessment | None:
    """The employee's draft or submitted round, if they have one."""
    return SelfAssessment.objects.filter(
        employee=employee,
        status__in=[SelfAssessment.Status.DRAFT, SelfAssessment.Status.SUBMITTED],
    ).first()


def framework_for_assessment(*, employee: Employee, draft: SelfAssessment) -> dict:
    """The skills to rate (the role's, plus any the person added or rated before)."""
    skills = list(
        Skill.objects.active()
        .select_related("category")
        .prefetch_related(
            Prefetch("descriptors", queryset=SkillLevelDescriptor.objects.all())
        )
    )
    skills.sort(key=_framework_order)
    targets = dict(
        RoleSkillTarget.objects.filter(
            role_profile_id=employee.role_profile_id
        ).values_list("skill_id", "level")
    )
    current = {
        skill_id: Resolved(level, source, None, None)
        for skill_id, level, source in CurrentSkillLevel.objects.filter(
            employee=employee
        ).values_list("skill_id", "level", "source")
    }
    chosen = set(targets) | set(current) | {int(pk) for pk in draft.ratings}
    return {
        "skills": [s for s in skills if s.pk in chosen],
        "addable": [s for s in skills if s.pk not in chosen],
        "targets": targets,
        "current": current,
    }


def review_queue_for(*, user: AbstractBaseUser) -> QuerySet[SelfAssessment]:
    """Self-assessments waiting for this user's review: people in scope, never their own."""
    own = getattr(user, "employee", None)
    return (
        SelfAssessment.objects.filter(
            status=SelfAssessment.Status.SUBMITTED,
            employee__in=employee_scope_for_user(user=user),
        )
        .exclude(employee_id=own.pk if own else None)
        .select_related("employee__org_unit", "employee__role_profile")
        .annotate(rated=Count("assessments", filter=Q(assessments__kind="self")))
        .order_by("submitted_at", "pk")
    )


def review_for(*, user: AbstractBaseUser, pk: int) -> SelfAssessment | None:
    """One submitted or reviewed self-assessment this user may review, or None."""
    found = (
        SelfAssessment.objects.exclude(status=SelfAssessment.Status.DRAFT)
        .select_related("employee__role_profile", "reviewed_by")
        .filter(pk=pk)
        .first()
    )
    if found is None or not user_can_review_skills(user, found.employee):
        return None
    return found


def review_items(*, self_assessment: SelfAssessment) -> list[dict]:
    """Each rated skill with the employee's rating, note, target and any manager rating."""
    rows = list(
        self_assessment.assessments.select_related("skill__category").prefetch_related(
            "skill__descriptors"
        )
    )
    targets = dict(
        RoleSkillTarget.objects.filter(
            role_profile_id=self_assessment.employee.role_profile_id
        ).values_list("skill_id", "level")
    )
    items: dict[int, dict] = {}
    for row in rows:
        item = items.setdefault(
            row.skill_id,
            {"skill": row.skill, "target": targets.get(row.skill_id), "manager": None},
        )
        item[row.kind] = row
    # Course evidence since the submission: a reviewer's lower rating replaces it,
    # so the review says so (the rule in levels.py).
    if self_assessment.submitted_at is not None:
        for evidence in Assessment.objects.filter(
            employee_id=self_assessment.employee_id,
            skill_id__in=items,
            kind=Assessment.Kind.COURSE,
            created_at__gt=self_assessment.submitted_at,
        ).order_by("level", "created_at", "id"):
            items[evidence.skill_id]["evidence"] = evidence  # the highest wins
    return sorted(items.values(), key=lambda item: _framework_order(item["skill"]))


def team_skill_matrix(*, manager: AbstractBaseUser) -> dict:
    """People below `manager` × the skills their roles target, with levels and gaps.

    Six queries whatever the team's size: the scope (two), people, targets,
    skills and levels.
    """
    own = getattr(manager, "employee", None)
    people = list(
        employee_scope_for_user(user=manager)
        .active()
        .exclude(pk=own.pk if own else None)
        .select_related("role_profile")
        .order_by("last_name", "first_name", "pk")
    )
    role_ids = {p.role_profile_id for p in people if p.role_profile_id}
    targets = {
        (role, skill): level
        for role, skill, level in RoleSkillTarget.objects.filter(
            role_profile_id__in=role_ids, skill__is_active=True
        ).values_list("role_profile_id", "skill_id", "level")
    }
    skills = sorted(
        Skill.objects.filter(pk__in={skill for _, skill in targets}).select_related(
            "category"
        ),
        key=_framework_order,
    )
    levels = skill_levels_for(
        employees=[p.pk for p in people], skills=skills, dated=False
    )
    rows = []
    for person in people:
        cells = []
        for skill in skills:
            target = targets.get((person.role_profile_id, skill.pk))
            current = levels.get((person.pk, skill.pk))
            level = current.level if current else None
            cells.append(
                {
                    "target": target,
                    "current": current,
                    "gap": skill_gap(target=target, current=level),
                }
            )
        rows.append((person, cells))
    return {"skills": skills, "rows": rows}


# --- Team reports: the skills matrix and its aggregate by org unit -------------
#
# Both start from the people scope (minus the asking user) and only ever narrow
# it: a unit outside the scope gives an empty report, never a wider one.

SMALL_CELL = 5  # an aggregate over fewer people than this is hidden


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


def team_report_people(
    *, user: AbstractBaseUser, unit_id: int | None = None
) -> QuerySet[Employee]:
    """Active people in `user`'s scope, not themselves, narrowed to a unit's subtree."""
    own = getattr(user, "employee", None)
    people = (
        employee_scope_for_user(user=user).active().exclude(pk=own.pk if own else None)
    )
    if unit_id is None:
        return people
    path = OrgUnit.objects.filter(pk=unit_id).values_list("path", flat=True).first()
    if path is None:
        return people.none()
    return people.filter(org_unit_id__in=org_unit_subtree_ids(path=path))


class UnitRef(NamedTuple):
    """An org unit as a report names it: light enough to hold thousands of."""

    pk: int
    code: str
    name: str


def _report_units(*, people: QuerySet[Employee]) -> QuerySet[OrgUnit]:
    """Units with people in scope, in tree order."""
    return OrgUnit.objects.filter(pk__in=people.values("org_unit_id")).order_by("path")


def _report_choices(*, people: QuerySet[Employee]) -> tuple[list, list]:
    """Units with people in scope, and categories of skills their roles target."""
    return list(_report_units(people=people)), _report_categories(people=people)


def _report_categories(*, people: QuerySet[Employee]) -> list[SkillCategory]:
    return list(
        SkillCategory.objects.filter(
            skills__is_active=True,
            skills__role_targets__role_profile_id__in=people.values("role_profile_id"),
        )
        .distinct()
        .order_by("sort_order", "name")
    )


def _report_targets(
    *, people: QuerySet[Employee], category_id: int | None
) -> tuple[dict[tuple[int, int], int], list[Skill]]:
    targets_qs = RoleSkillTarget.objects.filter(
        role_profile_id__in=people.values("role_profile_id"), skill__is_active=True
    )
    if category_id is not None:
        targets_qs = targets_qs.filter(skill__category_id=category_id)
    targets = {
        (role, skill): level
        for role, skill, level in targets_qs.values_list(
            "role_profile_id", "skill_id", "level"
        )
    }
    skills = sorted(
        Skill.objects.filter(pk__in={skill for _, skill in targets}).select_related(
            "category"
        ),
        key=_framework_order,
    )
    return targets, skills


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
        for start in range(0, len(self.ids), 500):
            yield from self[start : start + 500]


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
    units, categories = _report_choices(
        people=team_report_people(user=user) if unit_id else people
    )
    targets, skills = _report_targets(people=people, category_id=category_id)
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


class UnitRows:
    """(unit, headcount, cells) in tree order; cells are made only for rows read.

    A city has thousands of units and a page shows a hundred: making every
    cell up front cost more than the counting (an export still reads them all).
    """

    def __init__(
        self,
        *,
        units: list[tuple[UnitRef, int]],
        roles: dict[int, list[tuple[int, int]]],
        skills_of_role: dict[int, set[int]],
        skills: list[Skill],
        met: dict[tuple[int, int], int],
    ):
        self.units = units
        self.roles = roles
        self.skills_of_role = skills_of_role
        self.skill_ids = [s.pk for s in skills]
        self.met = met

    def __len__(self) -> int:
        return len(self.units)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._row(entry) for entry in self.units[index]]
        return self._row(self.units[index])

    def __iter__(self) -> Iterator[tuple[UnitRef, int, list[UnitCell]]]:
        for entry in self.units:
            yield self._row(entry)

    def _row(self, entry: tuple[UnitRef, int]) -> tuple[UnitRef, int, list[UnitCell]]:
        unit, headcount = entry
        cells = []
        for skill_id in self.skill_ids:
            n = sum(
                count
                for role, count in self.roles[unit.pk]
                if skill_id in self.skills_of_role.get(role, ())
            )
            met = None if n < SMALL_CELL else self.met.get((unit.pk, skill_id), 0)
            cells.append(UnitCell(n, met))
        return unit, headcount, cells


def skills_by_unit(
    *,
    user: AbstractBaseUser,
    unit_id: int | None = None,
    category_id: int | None = None,
) -> dict:
    """Org unit × skill: the share of people at or above their role's target.

    Counted in the database (a 40,000-person scope never reaches Python): people
    per unit and role, and levels at target per unit and skill. A cell over
    fewer than SMALL_CELL people is hidden. Constant queries.
    """
    people = team_report_people(user=user, unit_id=unit_id)
    in_scope = team_report_people(user=user) if unit_id else people
    # Names only: a city has thousands of units, and models cost 20 µs each.
    units = [
        UnitRef(*values)
        for values in _report_units(people=in_scope).values_list("pk", "code", "name")
    ]
    categories = _report_categories(people=in_scope)
    targets, skills = _report_targets(people=people, category_id=category_id)
    skills_of_role: dict[int, set[int]] = defaultdict(set)
    for role, skill in targets:
        skills_of_role[role].add(skill)
    roles: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for unit, role, n in (
        people.order_by()
        .values("org_unit_id", "role_profile_id")
        .annotate(n=Count("pk"))
        .values_list("org_unit_id", "role_profile_id", "n")
    ):
        roles[unit].append((role, n))
    met = {
        (unit, skill): n
        for unit, skill, n in levels_at_target(
            people=people,
            skill_ids=None if category_id is None else [s.pk for s in skills],
        )
    }
    # `units` is in tree order already; keep those with people in this scope.
    rows = UnitRows(
        units=[(u, sum(n for _r, n in roles[u.pk])) for u in units if u.pk in roles],
        roles=roles,
        skills_of_role=skills_of_role,
        skills=skills,
        met=met,
    )
    return {
        "skills": skills,
        "rows": rows,
        "units": units,
        "categories": categories,
        "small_cell": SMALL_CELL,
    }
