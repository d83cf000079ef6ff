"""Mandatory training: assign, expand to people, extend and exempt.

Following progress is `progress.py`; recertification `recertification.py`.

Expansion is bulk and idempotent: it inserts only the people an assignment does
not yet have, in batches, with a constant number of queries per batch, so
assigning a course to a 10,000-person division is a handful of statements and
running it again (or after every roster import) adds only the newcomers.
"""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db import connection, transaction
from django.db.models import (
    Case,
    Count,
    DateField,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.constants import OnConflict
from django.db.models.functions import Greatest
from django.utils import timezone

from courses.models import (
    CoursePage,
    Enrolment,
    LearningPathPage,
)
from courses.services import CourseError
from lib.batching import chunks
from people.models import Employee, OrgUnit, RoleProfile
from people.selectors import employees_below, employees_in

from .models import NEWCOMER_DAYS, AssignedLearner, Assignment, AssignmentEvent
from .progress import learners_progress_sync
from .recertification import assignments_recertify
from .tallies import tallies_recount

BATCH_SIZE = 2000


class AssignmentError(CourseError):
    """An assignment action that cannot happen; `code` says which."""


@dataclass(frozen=True)
class Expansion:
    assignment: Assignment
    added: int


# --- creating and expanding -------------------------------------------------------


@transaction.atomic
def assignment_create(
    *,
    actor: AbstractBaseUser | None,
    target: str,
    course: CoursePage | None = None,
    learning_path: LearningPathPage | None = None,
    target_employee: Employee | None = None,
    target_unit: OrgUnit | None = None,
    target_role: RoleProfile | None = None,
    due_rule: str = Assignment.DueRule.FIXED,
    due_date: date | None = None,
    due_days: int | None = None,
    newcomer_days: int = NEWCOMER_DAYS,
    reason: str = "",
    audience_group: str = "",
    today: date | None = None,
) -> Expansion:
    """Create an assignment and enrol everyone it targets now.

    Permission (who may assign to whom) is the caller's check; this validates
    only that the assignment makes sense.
    """
    if (course is None) == (learning_path is None):
        raise AssignmentError(
            "Choose a course or a learning path.", code="course_or_path"
        )
    item = course or learning_path
    if not item.live:
        raise AssignmentError("That course is not published.", code="not_live")
    needs = {
        Assignment.Target.EMPLOYEE: target_employee,
        Assignment.Target.TEAM: target_employee,
        Assignment.Target.ORG_UNIT: target_unit,
        Assignment.Target.ROLE_PROFILE: target_role,
        Assignment.Target.EVERYONE: True,
    }
    if target not in needs or needs[target] is None:
        raise AssignmentError("Choose whom to assign it to.", code="no_target")
    if due_rule == Assignment.DueRule.FIXED:
        if due_date is None:
            raise AssignmentError("Give a due date.", code="no_due_date")
    elif due_days is None:
        raise AssignmentError("Give the number of days.", code="no_due_days")
    assignment = Assignment.objects.create(
        course=course,
        learning_path=learning_path,
        target=target,
        target_employee=target_employee
        if target in (Assignment.Target.EMPLOYEE, Assignment.Target.TEAM)
        else None,
        target_unit=target_unit if target == Assignment.Target.ORG_UNIT else None,
        target_role=target_role if target == Assignment.Target.ROLE_PROFILE else None,
        due_rule=due_rule,
        due_date=due_date if due_rule == Assignment.DueRule.FIXED else None,
        due_days=due_days if due_rule != Assignment.DueRule.FIXED else None,
        newcomer_days=newcomer_days,
        reason=reason,
        audience_group=audience_group,
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    added = assignment_expand(assignment=assignment, today=today, initial=True)
    return Expansion(assignment=assignment, added=added)


def assignment_targets(*, assignment: Assignment) -> QuerySet[Employee]:
    """The active people an assignment covers today (one query when evaluated)."""
    people = Employee.objects.active()
    match assignment.target:
        case Assignment.Target.EMPLOYEE:
            return people.filter(pk=assignment.target_employee_id)
        case Assignment.Target.TEAM:
            return employees_below(employee=assignment.target_employee).filter(
                is_active=True
            )
        case Assignment.Target.ORG_UNIT:
            return employees_in(unit_paths=[assignment.target_unit.path])
        case Assignment.Target.ROLE_PROFILE:
            return employees_in(role_profile_ids=[assignment.target_role_id])
        case _:
            return people


@transaction.atomic
def assignment_expand(
    *, assignment: Assignment, today: date | None = None, initial: bool = False
) -> int:
    """Add everyone the assignment targets and does not have yet; return how many.

    New learners are enrolled on the course(s) (or keep the enrolment they
    have), and a completion they already hold counts, unless it is expiring.
    After the `initial` expansion they are newcomers: a fixed date already
    past gives them the assignment's newcomer window instead (`due_for`).
    """
    today = today or timezone.localdate()
    added = _expand(assignment=assignment, today=today, initial=initial)
    if added:
        assignments_recertify(
            today=today,
            learners=AssignedLearner.objects.filter(assignment=assignment),
        )
        tallies_recount(assignment_ids=[assignment.pk])
    return added


def assignments_expand_all(*, today: date | None = None) -> int:
    """Give every active group assignment to the people who joined its target since.

    Runs after each roster import (see `signal_handlers`) and daily with the
    reminders. Removing someone from a unit does not take their training away.
    The same as `assignment_expand` on each, with one recertification check
    and one tally recount for all of them rather than one per assignment.
    """
    today = today or timezone.localdate()
    groups = Assignment.objects.filter(is_active=True).exclude(
        target=Assignment.Target.EMPLOYEE
    )
    added: dict[int, int] = {}
    groups = list(groups.select_related("target_employee", "target_unit"))
    if not groups:
        return 0
    with transaction.atomic():
        for assignment in groups:
            if count := _expand(assignment=assignment, today=today, initial=False):
                added[assignment.pk] = count
        if added:
            assignments_recertify(
                today=today,
                learners=AssignedLearner.objects.filter(assignment_id__in=list(added)),
            )
            tallies_recount(assignment_ids=list(added))
    return sum(added.values())


def _expand(*, assignment: Assignment, today: date, initial: bool) -> int:
    """Insert the learner rows and enrolments of everyone not yet covered.

    Set-based: each INSERT selects its rows from the targets not yet covered
    (an anti-join on the assignment's learners), so the cost is a fixed
    number of statements however many people join. Enrolments go first,
    while the newcomers are still the ones without a learner row.
    """
    if not assignment.is_active:
        return 0
    newcomers = (
        assignment_targets(assignment=assignment)
        .filter(
            ~Exists(
                AssignedLearner.objects.filter(
                    assignment=assignment, user_id=OuterRef("user_id")
                )
            )
        )
        .order_by()
    )
    if assignment.audience_group:
        newcomers = newcomers.filter(
            ~Exists(_siblings_learners(assignment).filter(user_id=OuterRef("user_id")))
        )
    # One scan when nobody is new (most assignments after most imports),
    # rather than one per statement below.
    if not newcomers.exists():
        return 0
    course_ids = assignment.course_ids()
    # Only someone who has started or finished a course has progress to copy.
    progressed = list(
        Enrolment.objects.filter(
            course_id__in=course_ids,
            user_id__in=newcomers.values("user_id"),
        )
        .filter(Q(started_at__isnull=False) | Q(completed_at__isnull=False))
        .values_list("user_id", flat=True)
        .distinct()
    )
    people_sql, people_params = newcomers.values(
        "user_id", "hire_date"
    ).query.sql_with_params()
    for course_id in course_ids:
        _insert_select(
            Enrolment,
            {
                "user_id": ("t.user_id", []),
                "course_id": ("%s", [course_id]),
                "source": ("%s", [Enrolment.Source.ASSIGNED]),
                "enrolled_at": ("%s", [timezone.now()]),
                "completion_snapshot": ("%s", [{}]),
            },
            people_sql,
            people_params,
        )
    due = _due_sql(assignment=assignment, today=today, newcomer=not initial)
    added = _insert_select(
        AssignedLearner,
        {
            "assignment_id": ("%s", [assignment.pk]),
            "user_id": ("t.user_id", []),
            "assigned_on": ("%s", [today]),
            "due_on": due,
            "original_due_on": due,
            "cycle": ("%s", [1]),
            "exempt_reason": ("%s", [""]),
        },
        people_sql,
        people_params,
    )
    for batch in chunks(progressed, BATCH_SIZE):
        learners_progress_sync(
            assignment=assignment, user_ids=batch, course_ids=course_ids
        )
    return added


def _siblings(assignment: Assignment) -> QuerySet[Assignment]:
    """The other active assignments of the same course (or path) in its group."""
    return Assignment.objects.filter(
        audience_group=assignment.audience_group,
        course_id=assignment.course_id,
        learning_path_id=assignment.learning_path_id,
        is_active=True,
    ).exclude(pk=assignment.pk)


def _siblings_learners(assignment: Assignment) -> QuerySet[AssignedLearner]:
    return AssignedLearner.objects.filter(
        assignment__in=_siblings(assignment).values("pk")
    )


def _due_sql(
    *, assignment: Assignment, today: date, newcomer: bool
) -> tuple[str, list]:
    """`Assignment.due_for` as SQL over the newcomers' `t.hire_date`.

    Only "after the hire date" differs from person to person; every other
    rule gives all newcomers of one expansion the same date.
    """
    if assignment.due_rule != Assignment.DueRule.AFTER_HIRE:
        return "%s", [
            assignment.due_for(assigned_on=today, hire_date=None, newcomer=newcomer)
        ]
    days = int(assignment.due_days)
    if connection.vendor == "sqlite":
        return "date(COALESCE(t.hire_date, %s), %s)", [today, f"+{days} days"]
    return "(COALESCE(t.hire_date, %s) + %s)", [today, days]


def _insert_select(
    model, columns: dict[str, tuple[str, list]], people_sql: str, people_params
) -> int:
    """INSERT one row per person of `people_sql` (aliased `t`), skipping conflicts.

    `columns` maps each column to its SQL and parameters; plain parameters
    are prepared by the column's own field, as `bulk_create` would.
    """
    fields = {field.column: field for field in model._meta.concrete_fields}
    names, values, params = [], [], []
    for column, (sql, column_params) in columns.items():
        names.append(connection.ops.quote_name(column))
        values.append(sql)
        if sql == "%s":
            column_params = [
                fields[column].get_db_prep_save(value, connection)
                for value in column_params
            ]
        params.extend(column_params)
    statement = connection.ops.insert_statement(on_conflict=OnConflict.IGNORE)
    suffix = connection.ops.on_conflict_suffix_sql(
        list(fields.values()), OnConflict.IGNORE, None, None
    )
    # Quoted names and SQL compiled by Django: nothing here comes from input.
    sql = (
        f"{statement} {connection.ops.quote_name(model._meta.db_table)} "  # noqa: S608
        f"({', '.join(names)}) SELECT {', '.join(values)} FROM ({people_sql}) t "
        f"{suffix}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *people_params])
        return cursor.rowcount


@transaction.atomic
def assignment_group_deduplicate(*, audience_group: str) -> int:
    """Leave each person one row per course among a group's active assignments.

    For people covered twice before the group existed, or again after an
    assignment of the group was reactivated. The row kept is the one that
    asks least of the person: completed first, then the latest due date (an
    extension is never lost), then the oldest; the others' history moves to
    it and they are deleted. Returns how many rows went.
    """
    if not audience_group:
        return 0
    rows = AssignedLearner.objects.filter(
        assignment__audience_group=audience_group, assignment__is_active=True
    )
    twice = (
        rows.values("user_id", "assignment__course_id", "assignment__learning_path_id")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .values_list("user_id", flat=True)
        .order_by()
    )
    doubles = list(
        rows.filter(user_id__in=list(twice)).values_list(
            "pk",
            "user_id",
            "assignment_id",
            "assignment__course_id",
            "assignment__learning_path_id",
            "completed_on",
            "due_on",
        )
    )
    by_item: dict[tuple, list[tuple]] = {}
    for pk, user_id, assignment_id, course_id, path_id, done, due in doubles:
        by_item.setdefault((user_id, course_id, path_id), []).append(
            (done is None, -due.toordinal(), pk, assignment_id)
        )
    removed: dict[int, int] = {}  # learner row removed: the row kept
    for candidates in by_item.values():
        if len(candidates) < 2:
            continue
        keep, *others = sorted(candidates)
        for _open, _due, pk, _assignment in others:
            removed[pk] = keep[2]
    for gone, kept in removed.items():
        AssignmentEvent.objects.filter(learner_id=gone).update(learner_id=kept)
    AssignedLearner.objects.filter(pk__in=list(removed)).delete()
    if removed:
        tallies_recount(
            assignment_ids={row[2] for row in doubles},
            user_ids={row[1] for row in doubles},
        )
    return len(removed)


@transaction.atomic
def assignment_reschedule(
    *, assignment: Assignment, due_date: date, reason: str | None = None
) -> int:
    """Move a fixed-date assignment to `due_date`, and with it each person's date.

    What each person's date becomes, by the rules of `due_for` and of
    extensions:

    - still to do, never extended: the new date; someone assigned after the
      new date had passed gets the newcomer window from the day they were
      assigned instead, as a newcomer would;
    - extended (due later than the rule gave them): the later of their
      extension and that date, never earlier: an extension is not taken back;
    - completed, or in a later recertification cycle: unchanged (the date
      they met, or one that follows their certificate's expiry).

    Returns how many people's dates moved.
    """
    if assignment.due_rule != Assignment.DueRule.FIXED:
        raise AssignmentError(
            "Only a fixed-date assignment has a date to move.", code="not_fixed_date"
        )
    assignment.due_date = due_date
    fields = ["due_date"]
    if reason is not None:
        assignment.reason = reason[:255]
        fields.append("reason")
    assignment.save(update_fields=fields)
    open_rows = AssignedLearner.objects.filter(
        assignment=assignment, completed_on__isnull=True, cycle=1
    )
    new_date = Value(due_date, output_field=DateField())
    moved = (
        open_rows.filter(assigned_on__lte=due_date)
        .exclude(original_due_on=due_date, due_on__gte=due_date)
        .update(
            due_on=Case(
                When(due_on=F("original_due_on"), then=new_date),
                default=Greatest(F("due_on"), new_date),
            ),
            original_due_on=new_date,
        )
    )
    late = []
    for learner in open_rows.filter(assigned_on__gt=due_date):
        rule = assignment.due_for(
            assigned_on=learner.assigned_on, hire_date=None, newcomer=True
        )
        extended = learner.due_on != learner.original_due_on
        due_on = max(learner.due_on, rule) if extended else rule
        if (learner.due_on, learner.original_due_on) != (due_on, rule):
            learner.due_on, learner.original_due_on = due_on, rule
            late.append(learner)
    AssignedLearner.objects.bulk_update(late, ["due_on", "original_due_on"])
    if moved or late:
        tallies_recount(assignment_ids=[assignment.pk])
    return moved + len(late)


# --- extensions and exemptions ----------------------------------------------------


@transaction.atomic
def learner_extend(
    *, learner: AssignedLearner, actor: AbstractBaseUser, due_on: date, reason: str
) -> AssignedLearner:
    """Move one person's due date (later only) and log who did it and why."""
    if not reason.strip():
        raise AssignmentError("Say why the date is extended.", code="no_reason")
    if due_on <= learner.due_on:
        raise AssignmentError(
            "The new due date must be after the current one.", code="not_later"
        )
    AssignmentEvent.objects.create(
        learner=learner,
        kind=AssignmentEvent.Kind.EXTENDED,
        actor=actor,
        reason=reason.strip(),
        old_due_on=learner.due_on,
        new_due_on=due_on,
    )
    learner.due_on = due_on
    learner.save(update_fields=["due_on"])
    _recount(learner)
    return learner


@transaction.atomic
def learner_exempt(
    *, learner: AssignedLearner, actor: AbstractBaseUser, reason: str
) -> AssignedLearner:
    """Exempt one person with a reason; repeating it changes nothing."""
    if not reason.strip():
        raise AssignmentError("Say why the person is exempt.", code="no_reason")
    if learner.exempted_at is not None:
        return learner
    learner.exempted_at = timezone.now()
    learner.exempt_reason = reason.strip()[:255]
    learner.save(update_fields=["exempted_at", "exempt_reason"])
    AssignmentEvent.objects.create(
        learner=learner,
        kind=AssignmentEvent.Kind.EXEMPTED,
        actor=actor,
        reason=learner.exempt_reason,
    )
    _recount(learner)
    return learner


@transaction.atomic
def learner_exemption_lift(
    *, learner: AssignedLearner, actor: AbstractBaseUser, reason: str = ""
) -> AssignedLearner:
    if learner.exempted_at is None:
        return learner
    learner.exempted_at = None
    learner.exempt_reason = ""
    learner.save(update_fields=["exempted_at", "exempt_reason"])
    AssignmentEvent.objects.create(
        learner=learner,
        kind=AssignmentEvent.Kind.EXEMPTION_LIFTED,
        actor=actor,
        reason=reason.strip()[:255],
    )
    _recount(learner)
    return learner


def _recount(learner: AssignedLearner) -> None:
    tallies_recount(assignment_ids=[learner.assignment_id], user_ids=[learner.user_id])
