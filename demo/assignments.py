"""Demo mandatory training for `seed_demo`, from demo/content/assignments.toml."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from assignments.models import Assignment
from assignments.services import assignment_create, assignment_expand
from courses.models import CoursePage
from people.models import Employee, OrgUnit
from people.selectors import employees_in

from .content_files import content_read
from .courses import course_complete

# A sample finishes each one, so a 40,000-person org seeds quickly.
FINISHER_SAMPLE = 60


@transaction.atomic
def assignments_demo_seed(*, today: date | None = None) -> int:
    """Assign the AODA course to all staff and CaseConnect to the 311 division.

    Every `finished_by_every`-th person, and everyone in the `finished_in`
    units, has already completed it and the rest are
    due soon (AODA) or overdue (CaseConnect), so My learning, My team and the
    reminders all have something to show. Returns the people newly assigned.
    """
    today = today or timezone.localdate()
    added = 0
    for spec in content_read("assignments.toml")["assignments"]:
        course = CoursePage.objects.live().filter(slug=spec["course"]).first()
        unit_code = spec.get("unit")
        unit = OrgUnit.objects.filter(code=unit_code).first() if unit_code else None
        if course is None or (unit_code and unit is None):
            continue
        existing = Assignment.objects.filter(course=course, target_unit=unit).first()
        if existing is not None:
            added += assignment_expand(assignment=existing)
            continue
        expansion = assignment_create(
            actor=None,
            course=course,
            target=Assignment.Target.ORG_UNIT if unit else Assignment.Target.EVERYONE,
            target_unit=unit,
            due_date=today + timedelta(days=spec["due_in_days"]),
            reason=spec["reason"],
            today=today,
        )
        added += expansion.added
        # The demo employee never finishes, so their My learning shows it open.
        share = spec["finished_by_every"]
        people = (
            Employee.objects.filter(user__assignments__assignment=expansion.assignment)
            .exclude(user__username="employee")
            .order_by("employee_number")
            .values_list("user_id", flat=True)
        )
        finished = list(people[: FINISHER_SAMPLE * share])[::share]
        paths = OrgUnit.objects.filter(code__in=spec.get("finished_in", []))
        if paths:
            whole_units = employees_in(unit_paths=[u.path for u in paths])
            finished += people.filter(pk__in=whole_units.values("pk"))
        finishers = get_user_model().objects.filter(pk__in=finished)
        for user in finishers:
            course_complete(user, course, enrolled=True)
    return added
