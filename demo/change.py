"""Demo change initiatives for `seed_demo`, from demo/content/change.toml.

Created through change.services, and answered through `checkin_submit` on a
day inside each round, as if people had answered then: the CaseConnect
rollout shows teams stuck at Learn before go-live and one stuck at Apply after
it; the permit portal a baseline; mobile work orders and field timesheets
(planned) a change-load clash with it in Transportation: three go-lives in one
month, over the default limit. Usage of the tools (`adoption_demo_seed`)
shows CaseConnect teams ready and using, one trained but not using, and the
permit portal's pilot team using it without training.
"""

from datetime import date, timedelta
from itertools import cycle

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from assignments.models import Assignment
from change.models import CheckInRound, Initiative, UsageDay
from change.schedule import RoundDates
from change.selectors import affected_employees
from change.services import checkin_submit, initiative_create
from change.stages import STAGE_FIELDS
from courses.models import CoursePage
from people.models import Employee, OrgUnit, RoleProfile
from people.selectors import employees_in

from .content_files import content_read

# The demo login who answers the open round in the demo (docs/demo.md).
LEFT_FOR_THE_DEMO = "employee"


@transaction.atomic
def change_demo_seed(*, today: date | None = None) -> int:
    """Create the demo initiatives not there yet and their answers; return answers written."""
    today = today or timezone.localdate()
    content = content_read("change.toml")
    answered = 0
    go_lives = dict(Initiative.objects.values_list("slug", "go_live"))
    for spec in content["initiatives"]:
        if spec["slug"] in go_lives:
            continue
        go_lives[spec["slug"]] = _go_live(spec, go_lives=go_lives, today=today)
        initiative = _create(spec, go_live=go_lives[spec["slug"]], today=today)
        for round_name, by_unit in spec.get("answers", {}).items():
            checkin_round = initiative.rounds.get(name=round_name)
            answered += _answer(
                checkin_round, by_unit, profiles=content["profiles"], today=today
            )
    return answered


def _go_live(spec: dict, *, go_lives: dict[str, date], today: date) -> date:
    """Days from today, or days from another initiative's go-live within its month."""
    if "go_live_near" not in spec:
        return today + timedelta(days=spec["go_live_in_days"])
    near = go_lives[spec["go_live_near"]["initiative"]]
    days = timedelta(days=spec["go_live_near"]["days"])
    return near + days if (near + days).month == near.month else near - days


def _create(spec: dict, *, go_live: date, today: date) -> Initiative:
    units = list(OrgUnit.objects.filter(code__in=spec.get("units", [])))
    role_profiles = list(
        RoleProfile.objects.filter(code__in=spec.get("role_profiles", []))
    )
    courses = list(CoursePage.objects.live().filter(slug__in=spec.get("courses", [])))
    existing = [
        assignment
        for course_slug, unit_code in spec.get("existing_training", [])
        for assignment in Assignment.objects.filter(
            course__slug=course_slug, target_unit__code=unit_code, is_active=True
        )
    ]
    rounds = [
        RoundDates(
            r["name"],
            go_live + timedelta(days=r["opens"]),
            go_live + timedelta(days=r["closes"]),
        )
        for r in spec.get("rounds", [])
    ]
    return initiative_create(
        actor=None,
        name=spec["name"],
        slug=spec["slug"],
        tool_name=spec["tool_name"],
        why=spec["why"],
        go_live=go_live,
        status=spec["status"],
        sponsor=Employee.objects.filter(employee_number=spec.get("sponsor")).first(),
        units=units,
        role_profiles=role_profiles,
        courses=courses,
        change_leads=list(
            get_user_model().objects.filter(
                employee__employee_number__in=spec.get("change_leads", [])
            )
        ),
        rounds=rounds or None,
        existing_training=existing,
        today=today,
    )


def _answer(
    checkin_round: CheckInRound, by_unit: dict, *, profiles: dict, today: date
) -> int:
    """Everyone affected in each named unit answers with its profile's rows in turn."""
    day = min(checkin_round.opens_on + timedelta(days=2), checkin_round.closes_on)
    still_open = checkin_round.state_on(today) == CheckInRound.State.OPEN
    if still_open:
        day = today
    affected = affected_employees(initiative=checkin_round.initiative)
    written = 0
    for code, profile in by_unit.items():
        unit = OrgUnit.objects.filter(code=code).first()
        if unit is None:
            continue  # a generated organisation (seed_demo --employees) lacks it
        people = (
            employees_in(unit_paths=[unit.path])
            .filter(pk__in=affected.values("pk"))
            .order_by("employee_number")
        )
        if still_open:
            people = people.exclude(user__username=LEFT_FOR_THE_DEMO)
        for person, row in zip(people, cycle(profiles[profile]), strict=False):
            checkin_submit(
                checkin_round=checkin_round,
                employee=person,
                scores={
                    field: score or None
                    for field, score in zip(STAGE_FIELDS, row, strict=True)
                },
                today=day,
            )
            written += 1
    return written


@transaction.atomic
def adoption_demo_seed(*, today: date | None = None) -> int:
    """Usage of the demo initiatives' tools, where none is there yet: rows written."""
    today = today or timezone.localdate()
    rows: list[UsageDay] = []
    for spec in content_read("change.toml")["initiatives"]:
        initiative = Initiative.objects.filter(slug=spec["slug"]).first()
        if "adoption" not in spec or initiative is None:
            continue
        if UsageDay.objects.filter(initiative=initiative).exists():
            continue
        rows += _usage(initiative, spec["adoption"], today=today)
    UsageDay.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def _usage(initiative: Initiative, spec: dict, *, today: date) -> list[UsageDay]:
    """Usage rows for the first share of each named unit's affected people."""
    days = [today - timedelta(days=n) for n in range(spec["days"])]
    affected = affected_employees(initiative=initiative)
    rows = []
    for code, share in spec["using"].items():
        unit = OrgUnit.objects.filter(code=code).first()
        if unit is None:
            continue  # a generated organisation (seed_demo --employees) lacks it
        people = list(
            employees_in(unit_paths=[unit.path])
            .filter(pk__in=affected.values("pk"))
            .order_by("employee_number")
        )
        for index, person in enumerate(people[: round(len(people) * share)]):
            # Most days, not every day; a 0 is a day reported with no use.
            rows += [
                UsageDay(
                    initiative=initiative,
                    employee=person,
                    day=day,
                    count=(index + offset) % 4 * 3,
                )
                for offset, day in enumerate(days)
            ]
    return rows
