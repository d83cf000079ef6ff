"""Self-assessment rounds: the skills to rate, and the reviewer's queue and page."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Prefetch, Q, QuerySet

from people.models import Employee
from people.selectors import employee_scope_for_user

from ..levels import Resolved
from ..models import (
    Assessment,
    CurrentSkillLevel,
    RoleSkillTarget,
    SelfAssessment,
    Skill,
    SkillLevelDescriptor,
)
from ..permissions import user_can_review_skills


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
    skills.sort(key=Skill.framework_key)
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


def reviews_waiting_count(*, employees: QuerySet) -> int:
    """Submitted self-assessments of `employees` (already scoped) not yet reviewed."""
    return SelfAssessment.objects.filter(
        employee__in=employees, status=SelfAssessment.Status.SUBMITTED
    ).count()


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
    return sorted(items.values(), key=lambda item: item["skill"].framework_key())
