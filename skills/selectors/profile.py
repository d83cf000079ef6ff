"""*My skills*: one person's targets, levels, gaps, history and courses to close them."""

from dataclasses import dataclass, field

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from courses.dates import completion_valid_on
from courses.models import Enrolment
from people.models import Employee

from ..levels import Resolved, skill_gap
from ..models import (
    Assessment,
    CourseSkillOutcome,
    CurrentSkillLevel,
    Level,
    RoleSkillTarget,
    SelfAssessment,
    Skill,
)


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
        rows.values(), key=lambda row: (not row.target, *row.skill.framework_key())
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
