"""Current skill levels: read from the level table, or derived from the history."""

from collections import defaultdict

from django.db.models import Case, F, OuterRef, Q, Subquery, Value, When
from django.db.models.expressions import Window
from django.db.models.functions import RowNumber

from ..levels import Resolved, resolve_level, skill_gap
from ..models import Assessment, CurrentSkillLevel, RoleSkillTarget

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


def gap_counts(*, employees: list) -> dict[int, int]:
    """Skills below their role's target, per employee id (two queries).

    `employees` are Employee objects the caller has already scoped (their
    `pk` and `role_profile_id` are read).
    """
    role_ids = {p.role_profile_id for p in employees if p.role_profile_id}
    targets = defaultdict(dict)
    for role_id, skill_id, level in RoleSkillTarget.objects.filter(
        role_profile_id__in=role_ids, skill__is_active=True
    ).values_list("role_profile_id", "skill_id", "level"):
        targets[role_id][skill_id] = level
    skills = {skill for by_skill in targets.values() for skill in by_skill}
    if not skills:
        return {}
    levels = skill_levels_for(
        employees=[p.pk for p in employees], skills=list(skills), dated=False
    )
    gaps = {}
    for person in employees:
        count = 0
        for skill_id, target in targets.get(person.role_profile_id, {}).items():
            current = levels.get((person.pk, skill_id))
            if skill_gap(target=target, current=current.level if current else None):
                count += 1
        gaps[person.pk] = count
    return gaps
