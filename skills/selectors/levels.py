"""Current skill levels: read from the level table, or derived from the history."""

from collections import defaultdict

from django.db.models import Case, F, OuterRef, Q, Subquery, Value, When
from django.db.models.expressions import Window
from django.db.models.functions import RowNumber

from ..levels import Resolved, resolve_level
from ..models import Assessment, CurrentSkillLevel

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
