"""Every change to skills records: self-assessment, manager review, course evidence.

Each service appends assessments and refreshes the derived current levels in
the same transaction, so `CurrentSkillLevel` is never out of step with history.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import Enrolment
from lib.batching import chunks
from lib.errors import DomainError
from people.models import Employee

from .levels import resolve_from_assessments
from .models import (
    Assessment,
    CourseSkillOutcome,
    CurrentSkillLevel,
    Level,
    RoleSkillTarget,
    SelfAssessment,
    Skill,
)
from .notifications import review_notify
from .permissions import user_can_review_skills
from .selectors.levels import skill_levels_by_window

BATCH = 500  # people per query when refreshing many levels at once


class SkillsError(DomainError):
    """A skills action that cannot happen; `code` says which (tests assert on it)."""


def levels_refresh(*, pairs: Iterable[tuple[int, int]]) -> None:
    """Re-derive the current level of each (employee id, skill id) from its history.

    Locks the people first so two simultaneous assessments of one person are
    applied one after the other (PostgreSQL; SQLite serialises writers anyway).
    """
    by_employee: dict[int, set[int]] = defaultdict(set)
    for employee_id, skill_id in pairs:
        by_employee[employee_id].add(skill_id)
    employee_ids = sorted(by_employee)
    for batch in chunks(employee_ids, BATCH):
        skill_ids = set().union(*(by_employee[pk] for pk in batch))
        list(
            Employee.objects.select_for_update()
            .filter(pk__in=batch)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        history: dict[tuple[int, int], list] = defaultdict(list)
        for employee_id, skill_id, *row in Assessment.objects.filter(
            employee_id__in=batch, skill_id__in=skill_ids
        ).values_list("employee_id", "skill_id", "kind", "level", "created_at", "pk"):
            if skill_id in by_employee[employee_id]:
                history[employee_id, skill_id].append(row)
        _levels_write(
            {pair: resolve_from_assessments(rows) for pair, rows in history.items()}
        )


def _levels_write(resolved: dict) -> None:
    CurrentSkillLevel.objects.bulk_create(
        [
            CurrentSkillLevel(
                employee_id=employee_id,
                skill_id=skill_id,
                level=r.level,
                source=r.source,
                assessed_at=r.assessed_at,
                self_level=r.self_level,
            )
            for (employee_id, skill_id), r in resolved.items()
            if r is not None
        ],
        batch_size=BATCH,
        update_conflicts=True,
        unique_fields=["employee", "skill"],
        update_fields=["level", "source", "assessed_at", "self_level"],
    )


@transaction.atomic
def levels_rebuild(*, employees=None) -> int:
    """Re-derive every current level (of `employees`, or everyone) in bulk; returns rows."""
    assessed = Assessment.objects.all()
    if employees is not None:
        assessed = assessed.filter(employee__in=employees)
    employee_ids = sorted(set(assessed.values_list("employee_id", flat=True)))
    written = 0
    for batch in chunks(employee_ids, BATCH):
        resolved = skill_levels_by_window(employees=batch, skills=Skill.objects.all())
        CurrentSkillLevel.objects.filter(employee_id__in=batch).delete()
        _levels_write(resolved)
        written += len(resolved)
    return written


def self_assessment_open(*, employee: Employee) -> SelfAssessment:
    """The employee's open round (draft or waiting for review), or a new draft."""
    open_rounds = SelfAssessment.objects.filter(
        employee=employee,
        status__in=[SelfAssessment.Status.DRAFT, SelfAssessment.Status.SUBMITTED],
    )
    existing = open_rounds.first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return SelfAssessment.objects.create(employee=employee)
    except IntegrityError:
        return open_rounds.get()  # a simultaneous request opened it


def _role_skill_ids(employee: Employee) -> set[int]:
    return set(
        RoleSkillTarget.objects.filter(
            role_profile_id=employee.role_profile_id, skill__is_active=True
        ).values_list("skill_id", flat=True)
    )


@transaction.atomic
def self_assessment_save(
    *,
    self_assessment: SelfAssessment,
    ratings: dict[int, tuple[int | None, str]],
    submit: bool = False,
) -> SelfAssessment:
    """Keep the draft's ratings ({skill id: (level or None, note)}); submit if asked.

    Submitting needs every skill of the person's role rated, and appends one
    self-assessment per rated skill to the record.
    """
    draft = SelfAssessment.objects.select_for_update().get(pk=self_assessment.pk)
    if draft.status != SelfAssessment.Status.DRAFT:
        raise SkillsError(
            _("This self-assessment has already been submitted."), code="not_draft"
        )
    known = set(
        Skill.objects.active().filter(pk__in=ratings).values_list("pk", flat=True)
    )
    if set(ratings) - known:
        raise SkillsError(
            _("That skill is not in the framework."), code="unknown_skill"
        )
    if any(level not in (None, *Level.values) for level, _note in ratings.values()):
        raise SkillsError(_("Levels go from 0 to 4."), code="bad_level")
    draft.ratings = {
        str(pk): {"level": level, "note": note.strip()}
        for pk, (level, note) in ratings.items()
    }
    if submit:
        rated = {pk: r for pk, r in ratings.items() if r[0] is not None}
        employee = draft.employee
        if not rated:
            raise SkillsError(_("Rate at least one skill."), code="nothing_rated")
        if _role_skill_ids(employee) - set(rated):
            raise SkillsError(
                _("Rate every skill of your role before submitting."),
                code="role_skills_unrated",
            )
        now = timezone.now()
        Assessment.objects.bulk_create(
            Assessment(
                employee=employee,
                skill_id=pk,
                kind=Assessment.Kind.SELF,
                level=level,
                note=note.strip(),
                assessed_by_id=employee.user_id,
                created_at=now,
                self_assessment=draft,
            )
            for pk, (level, note) in rated.items()
        )
        draft.status = SelfAssessment.Status.SUBMITTED
        draft.submitted_at = now
        levels_refresh(pairs=[(employee.pk, pk) for pk in rated])
    draft.save()
    return draft


@transaction.atomic
def self_assessment_review(
    *,
    self_assessment: SelfAssessment,
    reviewer: AbstractBaseUser,
    decisions: dict[int, tuple[int, str]],
) -> SelfAssessment:
    """The manager confirms or adjusts each submitted rating ({skill id: (level, comment)}).

    An adjusted rating needs a comment. The employee is told by email once this
    commits, and sees a notice on *My skills*.
    """
    submitted = (
        SelfAssessment.objects.select_for_update()
        .select_related("employee")
        .get(pk=self_assessment.pk)
    )
    if not user_can_review_skills(reviewer, submitted.employee):
        raise SkillsError(_("You cannot rate this person."), code="not_in_scope")
    if submitted.status != SelfAssessment.Status.SUBMITTED:
        raise SkillsError(
            _("This self-assessment is not waiting for review."), code="not_submitted"
        )
    own = {
        a.skill_id: a.level
        for a in submitted.assessments.filter(kind=Assessment.Kind.SELF)
    }
    if set(decisions) != set(own):
        raise SkillsError(
            _("Rate every skill in the self-assessment."), code="incomplete"
        )
    for skill_id, (level, comment) in decisions.items():
        if level not in Level.values:
            raise SkillsError(_("Levels go from 0 to 4."), code="bad_level")
        if level != own[skill_id] and not comment.strip():
            raise SkillsError(
                _("Say why you adjusted a rating."), code="comment_required"
            )
    now = timezone.now()
    Assessment.objects.bulk_create(
        Assessment(
            employee=submitted.employee,
            skill_id=skill_id,
            kind=Assessment.Kind.MANAGER,
            level=level,
            note=comment.strip(),
            assessed_by=reviewer,
            created_at=now,
            self_assessment=submitted,
        )
        for skill_id, (level, comment) in decisions.items()
    )
    submitted.status = SelfAssessment.Status.REVIEWED
    submitted.reviewed_at = now
    submitted.reviewed_by = reviewer
    submitted.save(update_fields=["status", "reviewed_at", "reviewed_by"])
    levels_refresh(pairs=[(submitted.employee_id, pk) for pk in decisions])

    transaction.on_commit(lambda: review_notify(self_assessment=submitted))
    return submitted


def review_notice_dismiss(*, employee: Employee, self_assessment_id: int) -> None:
    """The employee has read the notice about their manager's review."""
    SelfAssessment.objects.filter(
        pk=self_assessment_id, employee=employee, notice_dismissed_at__isnull=True
    ).update(notice_dismissed_at=timezone.now())


@transaction.atomic
def course_evidence_record(*, enrolment: Enrolment) -> None:
    """Record the completed course's skill outcomes as evidence, once per completion.

    The unique constraint on (employee, skill, enrolment) makes a repeated call
    (a resent signal, a backfill) insert nothing.
    """
    if enrolment.completed_at is None:
        return
    employee = Employee.objects.filter(user_id=enrolment.user_id).first()
    outcomes = list(
        CourseSkillOutcome.objects.filter(course_id=enrolment.course_id).values_list(
            "skill_id", "level"
        )
    )
    if employee is None or not outcomes:
        return
    title = (enrolment.completion_snapshot or {}).get("course_title", "")
    Assessment.objects.bulk_create(
        [
            Assessment(
                employee=employee,
                skill_id=skill_id,
                kind=Assessment.Kind.COURSE,
                level=level,
                note=title,
                created_at=enrolment.completed_at,
                enrolment=enrolment,
            )
            for skill_id, level in outcomes
        ],
        ignore_conflicts=True,
    )
    levels_refresh(pairs=[(employee.pk, skill_id) for skill_id, _level in outcomes])


@transaction.atomic
def course_evidence_backfill() -> int:
    """Record evidence for every past completion of a course with outcomes (idempotent).

    For outcomes added after people completed the course, and for completions
    whose signal failed. Returns how many completions were looked at.
    """
    outcomes: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for course_id, skill_id, level in CourseSkillOutcome.objects.values_list(
        "course_id", "skill_id", "level"
    ):
        outcomes[course_id].append((skill_id, level))
    enrolments = list(
        Enrolment.objects.completed()
        .filter(course_id__in=outcomes)
        .values_list(
            "pk", "user_id", "course_id", "completed_at", "completion_snapshot"
        )
    )
    employees = dict(
        Employee.objects.filter(user_id__in={e[1] for e in enrolments}).values_list(
            "user_id", "pk"
        )
    )
    evidence = [
        Assessment(
            employee_id=employees[user_id],
            skill_id=skill_id,
            kind=Assessment.Kind.COURSE,
            level=level,
            note=(snapshot or {}).get("course_title", ""),
            created_at=completed_at,
            enrolment_id=pk,
        )
        for pk, user_id, course_id, completed_at, snapshot in enrolments
        if user_id in employees
        for skill_id, level in outcomes[course_id]
    ]
    Assessment.objects.bulk_create(evidence, ignore_conflicts=True, batch_size=BATCH)
    levels_refresh(pairs={(a.employee_id, a.skill_id) for a in evidence})
    return len(enrolments)
