"""Current skill levels for 1,000 people x 50 skills: level table against window function."""

import datetime
import random
from collections.abc import Iterable, Iterator

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from benchmarks.harness import Figure, median_ms, paired_ms
from people.models import Employee, OrgUnit, RoleProfile
from skills.models import (
    Assessment,
    RoleSkillTarget,
    Skill,
    SkillCategory,
)
from skills.selectors import skill_levels_by_window, skill_levels_for, skills_matrix
from skills.services import levels_rebuild, levels_refresh

PEOPLE = 1_000
SKILLS = 50
UNIT = "BENCH-SKILLS"


def _build() -> tuple[object, list[int], list[int]]:
    """A manager with 1,000 reports whose role targets 50 skills, all of them rated."""
    user_model = get_user_model()
    unit = OrgUnit.objects.filter(code=UNIT).first()
    if unit is not None:
        boss = Employee.objects.get(employee_number="BSK-BOSS")
        people = list(boss.direct_reports.values_list("pk", flat=True))
        skills = list(
            Skill.objects.filter(code__startswith="bench-").values_list("pk", flat=True)
        )
        return boss.user, people, skills
    rng = random.Random(7)
    with transaction.atomic():
        unit = OrgUnit.add_root(code=UNIT, name="Skills benchmark")
        role = RoleProfile.objects.create(code="BENCH", name="Benchmark role")
        category = SkillCategory.objects.create(name="Benchmark skills")
        skills = Skill.objects.bulk_create(
            Skill(code=f"bench-{i}", name=f"Bench skill {i}", category=category)
            for i in range(SKILLS)
        )
        RoleSkillTarget.objects.bulk_create(
            RoleSkillTarget(role_profile=role, skill=s, level=rng.randint(1, 4))
            for s in skills
        )
        users = user_model.objects.bulk_create(
            user_model(username=f"bsk-{i:05d}", password="!")  # noqa: S106 (unusable)
            for i in range(PEOPLE + 1)
        )
        boss = Employee.objects.create(
            user=users[0],
            employee_number="BSK-BOSS",
            first_name="Bench",
            last_name="Boss",
            org_unit=unit,
        )
        people = Employee.objects.bulk_create(
            Employee(
                user=user,
                employee_number=f"BSK-{i:05d}",
                first_name="Bench",
                last_name=f"Person {i:05d}",
                org_unit=unit,
                manager=boss,
                role_profile=role,
            )
            for i, user in enumerate(users[1:])
        )
        rows = list(
            random_ratings(
                ((p.pk, s.pk) for p in people for s in skills),
                rng=rng,
                course_share=0.3,
            )
        )
        Assessment.objects.bulk_create(rows, batch_size=2000)
        levels_rebuild(employees=[p.pk for p in people])
    return boss.user, [p.pk for p in people], [s.pk for s in skills]


def random_ratings(
    pairs: Iterable[tuple[int, int]],
    *,
    rng: random.Random,
    self_share: float = 1.0,
    manager_share: float = 0.6,
    course_share: float = 0.0,
) -> Iterator[Assessment]:
    """History for (employee id, skill id) pairs: some self, manager and course ratings.

    A manager's rating comes three days after the self-rating, so it counts.
    """
    now = timezone.now()
    for employee_id, skill_id in pairs:
        at = now - datetime.timedelta(days=rng.randint(30, 300))
        rated = {"employee_id": employee_id, "skill_id": skill_id}
        if rng.random() < self_share:
            yield Assessment(
                **rated, kind="self", level=rng.randint(0, 4), created_at=at
            )
        if rng.random() < manager_share:
            yield Assessment(
                **rated,
                kind="manager",
                level=rng.randint(0, 4),
                created_at=at + datetime.timedelta(days=3),
            )
        if rng.random() < course_share:
            yield Assessment(
                **rated, kind="course", level=rng.randint(1, 4), created_at=at
            )


def run() -> list[Figure]:
    boss, people, skills = _build()
    cells = len(people) * len(skills)
    assessments = Assessment.objects.filter(employee__in=people).count()

    def table():
        return skill_levels_for(employees=people, skills=skills)

    def window():
        return skill_levels_by_window(employees=people, skills=skills)

    def matrix():
        # What the My team skills page and its export read: every row, scope included.
        found = skills_matrix(user=get_user_model().objects.get(pk=boss.pk))
        return found.rows(found.people)

    def baseline():
        # As many rows (one self-rating per cell), fetched plainly, not interpreted.
        return list(
            Assessment.objects.filter(employee__in=people, kind="self").values_list(
                "employee_id", "skill_id", "level"
            )
        )

    def undated():
        return skill_levels_for(employees=people, skills=skills, dated=False)

    assert table() == window(), "the level table and the window function disagree"
    counts = {}
    for name, func in (("table", table), ("window", window), ("matrix", matrix)):
        with CaptureQueriesContext(connection) as queries:
            func()
        counts[name] = len(queries)
    person = people[0]

    def refresh_one_person():
        # The write-side cost of the table: one review of all 50 skills.
        with transaction.atomic():
            levels_refresh(pairs=[(person, s) for s in skills])

    # Each subject is timed in turns with its baseline, so a busy machine slows
    # both alike and the ratio stays meaningful.
    table_ms, fetch_ms = paired_ms(table, baseline)
    undated_ms, fetch2_ms = paired_ms(undated, baseline)
    window_ms, table2_ms = paired_ms(window, table, repeat=5)
    matrix_ms, fetch3_ms = paired_ms(matrix, baseline, repeat=5)
    return [
        Figure(
            f"levels, table ({cells:,} cells, {assessments:,} assessments)",
            table_ms,
            "ms",
            "plain fetch of as many rows",
            fetch_ms,
        ),
        Figure(
            "levels, table, without dates (as the matrix reads)",
            undated_ms,
            "ms",
            "plain fetch of as many rows",
            fetch2_ms,
        ),
        Figure(
            "levels, window function over the history",
            window_ms,
            "ms",
            "level table",
            table2_ms,
            goal="slower: the table is kept",
        ),
        Figure(
            "skills_matrix rows (1,000 x 50, scope included)",
            matrix_ms,
            "ms",
            "plain fetch of as many rows",
            fetch3_ms,
        ),
        Figure(
            "queries: table / window / matrix",
            counts["table"],
            "queries",
            goal=f"constant ({counts['table']} / {counts['window']} / {counts['matrix']})",
        ),
        Figure(
            "refresh one person's 50 levels (write side)",
            median_ms(refresh_one_person, repeat=20, warmup=2),
            "ms",
        ),
    ]
