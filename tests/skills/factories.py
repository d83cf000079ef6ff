"""Skills framework data for tests. Factories live in tests only."""

import itertools

from people.models import RoleProfile
from skills.models import (
    TARGET_CHOICES,
    Assessment,
    CourseSkillOutcome,
    RoleSkillTarget,
    Skill,
    SkillCategory,
    SkillLevelDescriptor,
)
from skills.services import levels_refresh

_counter = itertools.count(1)


def make_category(name: str | None = None, **fields) -> SkillCategory:
    return SkillCategory.objects.create(
        name=name or f"Category {next(_counter)}", **fields
    )


def make_skill(
    name: str | None = None, *, category: SkillCategory | None = None, **fields
) -> Skill:
    """An active skill with a descriptor for each level ("<name> at level <n>")."""
    n = next(_counter)
    name = name or f"Skill {n}"
    skill = Skill.objects.create(
        name=name,
        code=fields.pop("code", f"skill-{n}"),
        category=category or make_category(),
        **fields,
    )
    SkillLevelDescriptor.objects.bulk_create(
        SkillLevelDescriptor(skill=skill, level=level, description=f"{name} at {label}")
        for level, label in TARGET_CHOICES
    )
    return skill


def make_role(code: str = "CSR", name: str = "Customer service") -> RoleProfile:
    return RoleProfile.objects.get_or_create(code=code, defaults={"name": name})[0]


def set_target(role: RoleProfile, skill: Skill, level: int) -> RoleSkillTarget:
    return RoleSkillTarget.objects.update_or_create(
        role_profile=role, skill=skill, defaults={"level": level}
    )[0]


def add_outcome(course, skill: Skill, level: int) -> CourseSkillOutcome:
    """A skill outcome on a course, written straight to the table (as published)."""
    return CourseSkillOutcome.objects.create(
        course_id=course.pk, skill=skill, level=level
    )


def rate(employee, skill, level: int, kind: str = "manager") -> None:
    """Record one rating straight in the history, and refresh the current level."""
    Assessment.objects.create(employee=employee, skill=skill, kind=kind, level=level)
    levels_refresh(pairs=[(employee.pk, skill.pk)])
