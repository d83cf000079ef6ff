"""What both team skills reports start from: the people in scope, their units and targets.

Both reports start from the people scope (minus the asking user) and only ever
narrow it: a unit outside the scope gives an empty report, never a wider one.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from people.models import Employee, OrgUnit
from people.selectors import employee_scope_for_user, org_unit_subtree_ids

from ..models import RoleSkillTarget, Skill, SkillCategory

SMALL_CELL = 5  # an aggregate over fewer people than this is hidden


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


def report_units(*, people: QuerySet[Employee]) -> QuerySet[OrgUnit]:
    """Units with people in scope, in tree order."""
    return OrgUnit.objects.filter(pk__in=people.values("org_unit_id")).order_by("path")


def report_choices(*, people: QuerySet[Employee]) -> tuple[list, list]:
    """Units with people in scope, and categories of skills their roles target."""
    return list(report_units(people=people)), report_categories(people=people)


def report_categories(*, people: QuerySet[Employee]) -> list[SkillCategory]:
    """Categories of the active skills that the roles of `people` target."""
    return list(
        SkillCategory.objects.filter(
            skills__is_active=True,
            skills__role_targets__role_profile_id__in=people.values("role_profile_id"),
        )
        .distinct()
        .order_by("sort_order", "name")
    )


def report_targets(
    *, people: QuerySet[Employee], category_id: int | None
) -> tuple[dict[tuple[int, int], int], list[Skill]]:
    """The roles' targets {(role, skill): level} and their skills in framework order."""
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
        key=Skill.framework_key,
    )
    return targets, skills


def category_choices() -> QuerySet[SkillCategory]:
    """Every skill category in the framework's order, for a dropdown."""
    return SkillCategory.objects.order_by("sort_order", "name")
