"""Change initiatives: what saving one sets in motion, and check-in answers.

A check-in is written by `checkin_submit`: the answers go to a
`CheckInResponse` under the person's respondent key, and nothing else; the
daily run marks the person's `CheckInInvitation` answered (change.reminders).

Linked training becomes mandatory assignments through assignments' own
service, one per course and unit or role profile, so the people it reaches
follow the same audience rule as the initiative (people.selectors
.employees_in) and new hires get it after each roster import.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from assignments.models import Assignment
from assignments.services import (
    assignment_create,
    assignment_expand,
    assignment_group_deduplicate,
    assignment_reschedule,
)
from courses.models import CoursePage
from lib.errors import DomainError
from people.models import Employee, OrgUnit, RoleProfile
from people.roles import CHANGE_LEADS

from .models import (
    BarrierAction,
    CheckInResponse,
    CheckInRound,
    Initiative,
)
from .respondents import respondent_key
from .schedule import RoundDates, default_rounds, provisional_go_live
from .stages import DEFAULT_ACTIONS, STAGES, barrier_stage

COMMENT_MAX_LENGTH = 2000

Target = Assignment.Target


@dataclass(frozen=True)
class TrainingSync:
    created: int  # assignments made
    deactivated: int
    people_added: int


def initiative_draft(*, today: date | None = None) -> Initiative:
    """An unsaved initiative holding the default rounds and suggested actions.

    What the admin's "add" form starts from; nothing is written.
    """
    today = today or timezone.localdate()
    go_live = provisional_go_live(today=today)
    return Initiative(
        go_live=go_live,
        rounds=[
            CheckInRound(name=r.name, opens_on=r.opens_on, closes_on=r.closes_on)
            for r in default_rounds(go_live=go_live, launch=today)
        ],
        barrier_actions=[
            BarrierAction(stage=stage, text=str(text))
            for stage, text in DEFAULT_ACTIONS.items()
        ],
    )


@transaction.atomic
def initiative_create(
    *,
    actor: AbstractBaseUser | None,
    name: str,
    slug: str,
    tool_name: str,
    why: str,
    go_live: date,
    status: str = Initiative.Status.PLANNED,
    sponsor: Employee | None = None,
    units: Sequence[OrgUnit] = (),
    role_profiles: Sequence[RoleProfile] = (),
    courses: Sequence[CoursePage] = (),
    change_leads: Sequence[AbstractBaseUser] = (),
    rounds: Sequence[RoundDates] | None = None,
    existing_training: Sequence[Assignment] = (),
    today: date | None = None,
) -> Initiative:
    """Create an initiative with its rounds (default: the usual schedule) and actions.

    What the admin form does, for code (the demo, imports). `existing_training`
    are mandatory assignments already given out for a linked course to an
    affected unit or role: the initiative counts them instead of assigning the
    course a second time.
    """
    today = today or timezone.localdate()
    initiative = Initiative.objects.create(
        name=name,
        slug=slug,
        tool_name=tool_name,
        why=why,
        go_live=go_live,
        status=status,
        sponsor=sponsor,
    )
    initiative.units.set(units)
    initiative.role_profiles.set(role_profiles)
    initiative.courses.set(courses)
    initiative.change_leads.set(change_leads)
    for r in (
        rounds if rounds is not None else default_rounds(go_live=go_live, launch=today)
    ):
        CheckInRound.objects.create(
            initiative=initiative,
            name=r.name,
            opens_on=r.opens_on,
            closes_on=r.closes_on,
        )
    BarrierAction.objects.bulk_create(
        BarrierAction(initiative=initiative, stage=stage, text=str(text))
        for stage, text in DEFAULT_ACTIONS.items()
    )
    wanted = {(c.pk, Target.ORG_UNIT, u.pk) for c in courses for u in units} | {
        (c.pk, Target.ROLE_PROFILE, r.pk) for c in courses for r in role_profiles
    }
    for assignment in existing_training:
        if _key(assignment) not in wanted or not assignment.is_active:
            raise DomainError(
                "That assignment is not of a linked course to an affected unit or role.",
                code="training_not_linked",
            )
        initiative.assignments.add(assignment)
    initiative_saved(initiative=initiative, actor=actor, today=today)
    return initiative


@transaction.atomic
def initiative_saved(
    *, initiative: Initiative, actor: AbstractBaseUser | None, today: date | None = None
) -> TrainingSync:
    """Bring what follows from an initiative in line after it was saved.

    The Change leads group becomes exactly the named leads; linked training is
    assigned to the affected people (`initiative_training_sync`).
    """
    change_leads_sync()
    return initiative_training_sync(initiative=initiative, actor=actor, today=today)


def change_leads_sync() -> None:
    """The Change leads group holds exactly the users some initiative names (admin access)."""
    group, _created = Group.objects.get_or_create(name=CHANGE_LEADS)
    group.user_set.set(
        get_user_model().objects.filter(led_initiatives__isnull=False).distinct()
    )


def training_due_on(*, initiative: Initiative) -> date:
    """The day linked training is due: a set number of days before go-live."""
    return initiative.go_live - timedelta(days=initiative.training_due_days_before)


def _key(assignment: Assignment) -> tuple:
    target_id = (
        assignment.target_unit_id
        if assignment.target == Target.ORG_UNIT
        else assignment.target_role_id
    )
    return (assignment.course_id, assignment.target, target_id)


def training_audience_group(*, initiative: Initiative) -> str:
    """The assignments group of an initiative's training: one course per person."""
    return f"change.initiative:{initiative.pk}"


@transaction.atomic
def initiative_training_sync(
    *, initiative: Initiative, actor: AbstractBaseUser | None, today: date | None = None
) -> TrainingSync:
    """Assign each linked course to each affected unit and role profile, once.

    Only an active initiative assigns (a planned one is a draft nobody sees);
    an assignment no longer wanted is deactivated, never deleted, so its
    history stays; a closed initiative leaves its training as it is. Running
    it again changes nothing.

    A course's assignments form one group (`training_audience_group`), so a
    person both in an affected unit and with an affected role profile gets
    the course once. A moved go-live moves the due date of every assignment
    still due on the date last given (`assignments.services
    .assignment_reschedule`: extensions are kept, completions untouched).
    """
    if initiative.status == Initiative.Status.CLOSED:
        return TrainingSync(created=0, deactivated=0, people_added=0)
    group = training_audience_group(initiative=initiative)
    due_on = training_due_on(initiative=initiative)
    wanted: set[tuple] = set()
    if initiative.status == Initiative.Status.ACTIVE:
        courses = list(initiative.courses.filter(live=True))
        units = list(initiative.units.all())
        roles = list(initiative.role_profiles.all())
        wanted = {(c.pk, Target.ORG_UNIT, u.pk) for c in courses for u in units} | {
            (c.pk, Target.ROLE_PROFILE, r.pk) for c in courses for r in roles
        }
        by_pk = {
            "course": {c.pk: c for c in courses},
            Target.ORG_UNIT: {u.pk: u for u in units},
            Target.ROLE_PROFILE: {r.pk: r for r in roles},
        }
    # Made before groups existed, or counted from elsewhere: into the group.
    initiative.assignments.filter(audience_group="").update(audience_group=group)
    existing = {_key(a): a for a in initiative.assignments.all()}
    _move_due_dates(initiative, existing.values(), due_on=due_on)
    created = deactivated = added = 0
    # Units before role profiles: whoever a unit's assignment reaches, the
    # role profile's skips.
    for key in sorted(wanted - set(existing)):
        course_id, target, target_id = key
        expansion = assignment_create(
            actor=actor,
            target=target,
            course=by_pk["course"][course_id],
            target_unit=by_pk[Target.ORG_UNIT].get(target_id)
            if target == Target.ORG_UNIT
            else None,
            target_role=by_pk[Target.ROLE_PROFILE].get(target_id)
            if target == Target.ROLE_PROFILE
            else None,
            due_date=due_on,
            reason=_training_reason(initiative),
            audience_group=group,
            today=today,
        )
        initiative.assignments.add(expansion.assignment)
        created += 1
        added += expansion.added
    for key, assignment in existing.items():
        if key in wanted and not assignment.is_active:
            assignment.is_active = True
            assignment.save(update_fields=["is_active"])
        elif key not in wanted and assignment.is_active:
            assignment.is_active = False
            assignment.save(update_fields=["is_active"])
            deactivated += 1
    # People an assignment taken off covered may be due the course from
    # another; an assignment put back may cover people twice.
    for key, assignment in existing.items():
        if key in wanted:
            added += assignment_expand(assignment=assignment, today=today)
    assignment_group_deduplicate(audience_group=group)
    return TrainingSync(created=created, deactivated=deactivated, people_added=added)


def _move_due_dates(
    initiative: Initiative, assignments: Iterable[Assignment], *, due_on: date
) -> None:
    """Move the assignments still due on the date last given to `due_on`."""
    given = initiative.linked_training_due_on
    if given != due_on:
        for assignment in assignments:
            # None: nothing given yet (a new initiative); one counted from
            # elsewhere keeps a date of its own.
            if (
                given is not None
                and assignment.due_date == given
                and assignment.due_rule == Assignment.DueRule.FIXED
            ):
                assignment_reschedule(
                    assignment=assignment,
                    due_date=due_on,
                    reason=_training_reason(initiative),
                )
        Initiative.objects.filter(pk=initiative.pk).update(
            linked_training_due_on=due_on
        )
        initiative.linked_training_due_on = due_on


def _training_reason(initiative: Initiative) -> str:
    reason = _("For “%(name)s”, going live on %(date)s") % {
        "name": initiative.name,
        "date": initiative.go_live.isoformat(),
    }
    return reason[:255]


# --- check-ins ----------------------------------------------------------------


class CheckInError(DomainError):
    """A check-in that cannot be saved; `code` says which."""


def _valid_scores(
    *, checkin_round: CheckInRound, scores: dict[str, int | None], today: date
) -> dict[str, int | None]:
    not_yet_allowed = checkin_round.before_go_live(today)
    valid = {}
    for stage in STAGES:
        score = scores.get(stage.field)
        if score is None:
            if not (stage.may_be_not_applicable and not_yet_allowed):
                raise CheckInError(
                    _("Answer “%(stage)s”.") % {"stage": stage.name},
                    code="missing_score",
                )
        elif score not in range(1, 6):
            raise CheckInError(_("Scores run from 1 to 5."), code="score_out_of_range")
        valid[stage.field] = score
    return valid


@transaction.atomic
def checkin_submit(
    *,
    checkin_round: CheckInRound,
    employee: Employee,
    scores: dict[str, int | None],
    comment: str = "",
    today: date | None = None,
) -> CheckInResponse:
    """Save one person's answers to an open round, or change the ones they gave.

    One response per person per round however often, or however nearly at
    once, it is sent: the unique (round, respondent key) decides the first,
    and a second submit waits on its row lock and then updates it. Who may answer is the
    caller's check (change.permissions.user_can_check_in); this refuses a
    round that is not open and scores that do not make sense.
    """
    today = today or timezone.localdate()
    if checkin_round.state_on(today) != CheckInRound.State.OPEN:
        raise CheckInError(_("This check-in is not open."), code="round_not_open")
    valid = _valid_scores(checkin_round=checkin_round, scores=scores, today=today)
    comment = comment.strip()
    if len(comment) > COMMENT_MAX_LENGTH:
        raise CheckInError(
            _("Keep the comment under %(max)s characters.")
            % {"max": COMMENT_MAX_LENGTH},
            code="comment_too_long",
        )
    key = respondent_key(
        initiative_id=checkin_round.initiative_id, employee_id=employee.pk
    )
    fields = {
        **valid,
        "barrier_stage": barrier_stage([valid[stage.field] for stage in STAGES]),
        "comment": comment,
        "unit_id": employee.org_unit_id,
        "role_profile_id": employee.role_profile_id,
    }
    # Locks the person's response row (or, the first time, races on the
    # unique (round, key) and then locks the winner's): simultaneous submits
    # end as one row. Nothing else is written, the invitation least of all:
    # a row naming the person changed in the same transaction, or at the
    # same moment, would pair them with their answers.
    response, _created = CheckInResponse.objects.update_or_create(
        round=checkin_round, respondent_key=key, defaults=fields
    )
    return response
