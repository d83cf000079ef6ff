"""Reads about change initiatives, scoped to the asking user.

Aggregates of check-in answers are not read here: they leave the database only
through the privacy gatekeeper (change/privacy.py).
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet, Value
from django.utils import timezone

from assignments.selectors import learner_rows
from people.models import Employee, OrgUnit
from people.selectors import employees_in

from .models import CheckInInvitation, CheckInResponse, CheckInRound, Initiative
from .respondents import respondent_key
from .stages import SCALE, STAGES, Stage

# What an employee is shown: a planned initiative is still a draft.
ANNOUNCED = (Initiative.Status.ACTIVE, Initiative.Status.CLOSED)


def affected_employees(*, initiative: Initiative) -> QuerySet[Employee]:
    """The active people an initiative affects today: three queries to build and read.

    Everyone in its units (with sub-units) and everyone with one of its role
    profiles — the union, the same rule as group assignments (people.selectors
    .employees_in), so linked training reaches exactly these people. Read from
    the current roster, so it follows transfers, hires and leavers.
    """
    return employees_in(
        unit_paths=list(initiative.units.values_list("path", flat=True)),
        role_profile_ids=initiative.role_profiles.values_list("pk", flat=True),
    )


UNIT, ROLE = 1, 2  # what an Audience's id is of


@dataclass(frozen=True)
class Audience:
    """`affected_employees`' rule asked of one (unit, role profile) pair, not a person.

    For counting many people: count active people by unit and role profile in
    the database, then ask this of each pair (the readiness funnel does).
    """

    unit_ids: frozenset[int]
    role_ids: frozenset[int]

    @classmethod
    def of(cls, initiative: Initiative) -> "Audience":
        """The initiative's rule: one query (its units and role profiles together)."""
        units = Initiative.units.through.objects.filter(
            initiative=initiative
        ).values_list("orgunit_id", Value(UNIT))
        roles = Initiative.role_profiles.through.objects.filter(
            initiative=initiative
        ).values_list("roleprofile_id", Value(ROLE))
        found = {UNIT: set(), ROLE: set()}
        for pk, kind in units.union(roles, all=True):
            found[kind].add(pk)
        return cls(frozenset(found[UNIT]), frozenset(found[ROLE]))

    def includes(self, *, chain: Collection[int], role_id: int | None) -> bool:
        """Whether active people in the unit whose chain (top down) this is are affected."""
        return role_id in self.role_ids or not self.unit_ids.isdisjoint(chain)


def initiatives_affecting(*, employee: Employee) -> QuerySet[Initiative]:
    """The initiatives whose audience includes `employee`, any status: one query.

    (Plus one for the unit's path unless `employee.org_unit` is loaded.)

    The same rule as `affected_employees`, read the other way: a listed unit is
    the person's unit or one above it, or a listed role profile is theirs.
    """
    if not employee.is_active:
        return Initiative.objects.none()
    unit_path = employee.org_unit.path
    steplen = OrgUnit.steplen
    ancestry = [unit_path[:i] for i in range(steplen, len(unit_path) + 1, steplen)]
    among = Q(units__path__in=ancestry)
    if employee.role_profile_id is not None:
        among |= Q(role_profiles=employee.role_profile_id)
    return Initiative.objects.filter(
        pk__in=Initiative.objects.filter(among).values("pk")
    )


def my_response(
    *, checkin_round: CheckInRound, employee: Employee
) -> CheckInResponse | None:
    """The person's own answers to one round, found by their key: one query."""
    key = respondent_key(
        initiative_id=checkin_round.initiative_id, employee_id=employee.pk
    )
    return CheckInResponse.objects.filter(
        round=checkin_round, respondent_key=key
    ).first()


@dataclass(frozen=True)
class MyRound:
    """One round as the person sees it: its state, and whether they answered."""

    round: CheckInRound
    state: str
    invitation: CheckInInvitation | None
    response: CheckInResponse | None

    @property
    def answered(self) -> bool:
        return self.response is not None

    @property
    def answers(self) -> list[tuple[Stage, int | None, str]]:
        """(stage, score, its label) of the person's answers; "not yet" has None."""
        if self.response is None:
            return []
        labels = {score: label for score, label, _meaning in SCALE}
        return [
            (stage, score, labels.get(score, ""))
            for stage, score in zip(STAGES, self.response.scores, strict=True)
        ]


@dataclass(frozen=True)
class MyChange:
    initiative: Initiative
    rounds: list[MyRound]

    @property
    def open_round(self) -> MyRound | None:
        return next(
            (r for r in self.rounds if r.state == CheckInRound.State.OPEN), None
        )


def my_changes(*, employee: Employee, today: date | None = None) -> list[MyChange]:
    """The announced initiatives affecting `employee`, soonest go-live first.

    With each initiative's rounds and the person's own invitations and answers:
    four queries whatever the number of initiatives or rounds.
    """
    today = today or timezone.localdate()
    initiatives = list(
        initiatives_affecting(employee=employee)
        .filter(status__in=ANNOUNCED)
        .prefetch_related("rounds")
        .order_by("go_live", "name")
    )
    round_ids = [r.pk for i in initiatives for r in i.rounds.all()]
    invitations = {
        inv.round_id: inv
        for inv in CheckInInvitation.objects.filter(
            employee=employee, round_id__in=round_ids
        )
    }
    keys = {
        respondent_key(initiative_id=i.pk, employee_id=employee.pk) for i in initiatives
    }
    responses = {
        (r.round_id, r.respondent_key): r
        for r in CheckInResponse.objects.filter(
            round_id__in=round_ids, respondent_key__in=keys
        )
    }
    changes = []
    for initiative in initiatives:
        key = respondent_key(initiative_id=initiative.pk, employee_id=employee.pk)
        rounds = [
            MyRound(
                round=r,
                state=r.state_on(today),
                invitation=invitations.get(r.pk),
                response=responses.get((r.pk, key)),
            )
            for r in initiative.rounds.all()
        ]
        changes.append(MyChange(initiative=initiative, rounds=rounds))
    return changes


def my_change(
    *, employee: Employee, slug: str, today: date | None = None
) -> MyChange | None:
    """One announced initiative affecting `employee`, as in `my_changes`, or None."""
    found = [
        change
        for change in my_changes(employee=employee, today=today)
        if change.initiative.slug == slug
    ]
    return found[0] if found else None


def my_linked_training(*, user, initiative: Initiative) -> list:
    """The person's assigned-learner rows for the initiative's training, one per course.

    Two queries: the initiative's assignments and the person's rows.
    """
    ids = set(initiative.assignments.values_list("pk", flat=True))
    rows, seen = [], set()
    for row in learner_rows(user=user):
        if row.assignment_id in ids and row.assignment.course_id not in seen:
            seen.add(row.assignment.course_id)
            rows.append(row)
    return rows


def has_changes(*, employee: Employee | None) -> bool:
    """Whether any announced initiative affects `employee` (the navigation asks)."""
    if employee is None:
        return False
    return (
        initiatives_affecting(employee=employee).filter(status__in=ANNOUNCED).exists()
    )
