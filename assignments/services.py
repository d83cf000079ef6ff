"""Mandatory training: assign, expand to people, follow progress, extend, exempt, recertify.

Expansion is bulk and idempotent: it inserts only the people an assignment does
not yet have, in batches, with a constant number of queries per batch, so
assigning a course to a 10,000-person division is a handful of statements and
running it again (or after every roster import) adds only the newcomers.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.constants import OnConflict
from django.utils import timezone

from courses.dates import add_months
from courses.models import (
    CoursePage,
    Enrolment,
    LearningPathCourse,
    LearningPathPage,
    ModuleCompletion,
    PastCompletion,
)
from courses.services import CourseError
from lib.batching import chunks
from people.models import Employee, OrgUnit, RoleProfile
from people.selectors import employees_below, org_unit_subtree_ids

from .models import NEWCOMER_DAYS, AssignedLearner, Assignment, AssignmentEvent
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
            return people.filter(
                org_unit_id__in=org_unit_subtree_ids(path=assignment.target_unit.path)
            )
        case Assignment.Target.ROLE_PROFILE:
            return people.filter(role_profile_id=assignment.target_role_id)
        case _:
            return people


def course_ids_of(assignment: Assignment) -> list[int]:
    """The courses a learner must complete: the course, or the path's courses."""
    if assignment.course_id:
        return [assignment.course_id]
    return list(
        LearningPathCourse.objects.filter(path_id=assignment.learning_path_id)
        .order_by("sort_order")
        .values_list("course_id", flat=True)
    )


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
    # One scan when nobody is new (most assignments after most imports),
    # rather than one per statement below.
    if not newcomers.exists():
        return 0
    course_ids = course_ids_of(assignment)
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
        _sync_progress(assignment=assignment, user_ids=batch, course_ids=course_ids)
    return added


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


# --- following progress -----------------------------------------------------------


def _expiry(completed_at: datetime, validity_months: int | None) -> date | None:
    if not validity_months:
        return None
    return add_months(timezone.localdate(completed_at), validity_months)


_PROGRESS = ["started_at", "completed_at", "completed_on", "expires_on"]


def _sync_progress(
    *, assignment: Assignment, user_ids: Sequence[int], course_ids: Sequence[int]
) -> None:
    """Copy the enrolments' started and completed times onto these learners (3 queries)."""
    if not course_ids:
        return
    validity = dict(
        CoursePage.objects.filter(pk__in=course_ids).values_list(
            "pk", "validity_months"
        )
    )
    progress: dict[int, dict[int, tuple]] = {}
    for user_id, course_id, started_at, completed_at in Enrolment.objects.filter(
        user_id__in=user_ids, course_id__in=course_ids
    ).values_list("user_id", "course_id", "started_at", "completed_at"):
        progress.setdefault(user_id, {})[course_id] = (started_at, completed_at)
    changed = []
    for learner in AssignedLearner.objects.filter(
        assignment=assignment, user_id__in=list(progress)
    ).only("pk", "user_id", *_PROGRESS):
        by_course = progress[learner.user_id]
        started = [s for s, _c in by_course.values() if s]
        done = [by_course.get(cid, (None, None))[1] for cid in course_ids]
        completed_at = max(done) if all(done) else None
        expiries = [
            _expiry(c, validity.get(cid))
            for cid, c in zip(course_ids, done, strict=True)
            if c
        ]
        expires_on = min((e for e in expiries if e), default=None)
        completed_on = timezone.localdate(completed_at) if completed_at else None
        values = (min(started, default=None), completed_at, completed_on, expires_on)
        if values != tuple(getattr(learner, name) for name in _PROGRESS):
            for name, value in zip(_PROGRESS, values, strict=True):
                setattr(learner, name, value)
            changed.append(learner)
    AssignedLearner.objects.bulk_update(changed, _PROGRESS, batch_size=500)


def learner_progress_sync(*, user_id: int, course_id: int) -> None:
    """An enrolment started or completed: update every assignment that includes it."""
    path_ids = LearningPathCourse.objects.filter(course_id=course_id).values("path_id")
    assignments = Assignment.objects.filter(learners__user_id=user_id).filter(
        Q(course_id=course_id) | Q(learning_path_id__in=path_ids)
    )
    touched = []
    for assignment in assignments.distinct():
        _sync_progress(
            assignment=assignment,
            user_ids=[user_id],
            course_ids=course_ids_of(assignment),
        )
        touched.append(assignment.pk)
    if touched:
        tallies_recount(assignment_ids=touched, user_ids=[user_id])


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


# --- recertification --------------------------------------------------------------


def assignments_recertify(
    *, today: date | None = None, learners: QuerySet | None = None
) -> int:
    """Re-open every completion that enters its course's recertification window.

    The learner is due again on the expiry date; their enrolments re-open (the
    earlier completion is kept as a `PastCompletion`, and its certificate stays
    until the new completion supersedes it); reminders start again because the
    cycle changes. Returns how many learners re-opened.
    """
    today = today or timezone.localdate()
    learners = learners if learners is not None else AssignedLearner.objects.all()
    # {course id: (validity months, window days)} for every course that expires.
    rules = {
        pk: (validity, window)
        for pk, validity, window in CoursePage.objects.filter(
            validity_months__isnull=False
        ).values_list("pk", "validity_months", "recertification_window_days")
    }
    windows = {pk: window for pk, (_validity, window) in rules.items()}
    if not windows:
        return 0
    # The widest window bounds the search; each row is then checked exactly.
    candidates = list(
        learners.filter(
            completed_at__isnull=False,
            expires_on__isnull=False,
            expires_on__lte=today + timedelta(days=max(windows.values())),
        ).select_related("assignment")
    )
    reopened: list[AssignedLearner] = []
    course_ids_by_assignment: dict[int, list[int]] = {}
    for learner in candidates:
        if learner.assignment_id not in course_ids_by_assignment:
            course_ids_by_assignment[learner.assignment_id] = course_ids_of(
                learner.assignment
            )
        course_ids = course_ids_by_assignment[learner.assignment_id]
        window = max((windows.get(cid, 0) for cid in course_ids), default=0)
        if learner.expires_on - timedelta(days=window) <= today:
            _reopen(learner=learner, course_ids=course_ids, rules=rules, today=today)
            reopened.append(learner)
    if reopened:
        tallies_recount(
            assignment_ids={learner.assignment_id for learner in reopened},
            user_ids={learner.user_id for learner in reopened},
        )
    return len(reopened)


@transaction.atomic
def _reopen(
    *, learner: AssignedLearner, course_ids: list[int], rules: dict, today: date
) -> None:
    now = timezone.now()
    expired_on = learner.expires_on
    # Due again at expiry; someone newly assigned keeps their own later date.
    due_on = max(expired_on, learner.due_on)
    for enrolment in Enrolment.objects.select_for_update().filter(
        user_id=learner.user_id, course_id__in=course_ids, completed_at__isnull=False
    ):
        if enrolment.course_id not in rules:
            continue  # this course's completion does not expire
        validity, window = rules[enrolment.course_id]
        expires_on = _expiry(enrolment.completed_at, validity)
        if expires_on - timedelta(days=window) > today:
            continue
        PastCompletion.objects.get_or_create(
            enrolment=enrolment,
            completed_at=enrolment.completed_at,
            defaults={
                "expires_on": expires_on,
                "completion_snapshot": enrolment.completion_snapshot,
            },
        )
        ModuleCompletion.objects.filter(enrolment=enrolment).delete()
        Enrolment.objects.filter(pk=enrolment.pk).update(
            completed_at=None,
            started_at=None,
            completion_snapshot={},
            cycle_started_at=now,
        )
    AssignedLearner.objects.filter(pk=learner.pk).update(
        completed_at=None,
        completed_on=None,
        started_at=None,
        expires_on=None,
        due_on=due_on,
        original_due_on=due_on,
        cycle=learner.cycle + 1,
    )
    AssignmentEvent.objects.create(
        learner=learner,
        kind=AssignmentEvent.Kind.REOPENED,
        reason=f"Completion expires on {expired_on.isoformat()}.",
        old_due_on=learner.due_on,
        new_due_on=due_on,
    )
