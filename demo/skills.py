"""Demo skills for `seed_demo`: the framework, course outcomes and ratings. Idempotent.

Runs after the people and courses seeds. Everyone seeded gets a self-assessment;
most were reviewed by their manager. The demo manager's team is shaped so the
demo has something to show: Priya's review is done (one rating adjusted, gaps
with courses to close them) and two colleagues wait for review.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from courses.models import CoursePage
from people.models import Employee
from skills.framework_defaults import framework_load_default
from skills.models import (
    Assessment,
    CourseSkillOutcome,
    RoleSkillTarget,
    SelfAssessment,
    Skill,
)
from skills.services import course_evidence_backfill, levels_rebuild

from .content_files import content_read

_CONTENT = content_read("skills.toml")
# course slug -> [(skill code, level reached)]
COURSE_OUTCOMES = {
    slug: [(code, level) for code, level in outcomes]
    for slug, outcomes in _CONTENT["course_outcomes"].items()
}
# The demo employee's self-ratings and their manager's: skill -> (self, manager, note).
PRIYA_REVIEW = {
    code: (rating["self"], rating["manager"], rating.get("comment", ""))
    for code, rating in _CONTENT["review"]["employee"].items()
}
MAX_PEOPLE = 3000  # in a load-test org, seed the demo team plus a sample this size
WAITING_IN_DEMO_TEAM = 2


@transaction.atomic
def skills_demo_seed() -> dict[str, int]:
    """Framework, course outcomes, evidence for past completions, and ratings."""
    framework_load_default()
    outcomes = _ensure_course_outcomes()
    course_evidence_backfill()
    seeded = _seed_ratings()
    return {"course_outcomes_added": outcomes, "people_rated": seeded}


def _ensure_course_outcomes() -> int:
    skills = dict(Skill.objects.values_list("code", "pk"))
    added = 0
    for slug, wanted in COURSE_OUTCOMES.items():
        course = CoursePage.objects.filter(slug=slug).first()
        if course is None or CourseSkillOutcome.objects.filter(course=course).exists():
            continue
        course.skill_outcomes = [
            CourseSkillOutcome(skill_id=skills[code], level=level, sort_order=i)
            for i, (code, level) in enumerate(wanted)
            if code in skills
        ]
        # Through a revision, so the next edit in the admin starts from them.
        course.save_revision().publish()
        added += len(course.skill_outcomes.all())
    return added


def _people(manager_id: int | None) -> list[Employee]:
    people = list(
        Employee.objects.active()
        .filter(role_profile__isnull=False, self_assessments__isnull=True)
        .select_related("manager", "user")
        .order_by("pk")
    )
    if len(people) <= MAX_PEOPLE:
        return people
    team = [
        p
        for p in people
        if p.user.username in ("employee", "manager")
        or (p.manager is not None and p.manager.user_id == manager_id)
    ]
    step = len(people) // MAX_PEOPLE + 1
    return list({p.pk: p for p in [*team, *people[::step]]}.values())


def _demo_manager_id() -> int | None:
    user = get_user_model().objects.filter(username="manager").first()
    return user.pk if user else None


def _seed_ratings() -> int:
    manager_id = _demo_manager_id()
    people = _people(manager_id)
    if not people:
        return 0
    targets: dict[int, dict[int, int]] = {}
    for role, skill, level in RoleSkillTarget.objects.filter(
        skill__is_active=True
    ).values_list("role_profile_id", "skill_id", "level"):
        targets.setdefault(role, {})[skill] = level
    codes = dict(Skill.objects.values_list("code", "pk"))
    waiting = 0
    rounds, plans = [], []
    now = timezone.now()
    for person in people:
        rng = random.Random(person.employee_number)  # noqa: S311 (demo data)
        submitted = now - datetime.timedelta(days=rng.randint(10, 120))
        if person.user.username == "employee":
            plan = {codes[c]: v for c, v in PRIYA_REVIEW.items() if c in codes}
            submitted = now - datetime.timedelta(days=6)
        else:
            plan = _invent(rng, targets.get(person.role_profile_id, {}))
        reviewer = person.manager.user_id if person.manager else None
        reviewed = reviewer is not None and rng.random() < 0.8
        if person.manager and person.manager.user_id == manager_id:
            reviewed = (
                person.user.username == "employee" or waiting >= WAITING_IN_DEMO_TEAM
            )
            waiting += not reviewed
        rounds.append(
            SelfAssessment(
                employee=person,
                status="reviewed" if reviewed else "submitted",
                created_at=submitted - datetime.timedelta(days=2),
                submitted_at=submitted,
                reviewed_at=submitted + datetime.timedelta(days=3)
                if reviewed
                else None,
                reviewed_by_id=reviewer if reviewed else None,
            )
        )
        plans.append(plan)
    SelfAssessment.objects.bulk_create(rounds, batch_size=500)
    Assessment.objects.bulk_create(_assessments(rounds, plans), batch_size=1000)
    levels_rebuild(employees=[p.pk for p in people])
    return len(people)


def _invent(rng: random.Random, targets: dict[int, int]) -> dict:
    """Plausible ratings: most near the target, people a little generous with themselves."""
    plan = {}
    for skill, target in targets.items():
        true = min(max(target + rng.choice([-2, -1, -1, 0, 0, 0, 1]), 0), 4)
        own = min(true + rng.choice([0, 0, 1]), 4)
        comment = "" if own == true else "Let's look at examples together."
        plan[skill] = (own, true, comment)
    return plan


def _assessments(rounds: list[SelfAssessment], plans: list[dict]):
    for round_, plan in zip(rounds, plans, strict=True):
        for skill, (own, manager, comment) in plan.items():
            yield Assessment(
                employee_id=round_.employee_id,
                skill_id=skill,
                kind=Assessment.Kind.SELF,
                level=own,
                assessed_by_id=round_.employee.user_id,
                created_at=round_.submitted_at,
                self_assessment=round_,
            )
            if round_.status == "reviewed":
                yield Assessment(
                    employee_id=round_.employee_id,
                    skill_id=skill,
                    kind=Assessment.Kind.MANAGER,
                    level=manager,
                    note=comment,
                    assessed_by_id=round_.reviewed_by_id,
                    created_at=round_.reviewed_at,
                    self_assessment=round_,
                )
