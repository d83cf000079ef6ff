"""*My team*: the manager's view, composed from the apps' selectors.

Every read starts from `employee_scope_for_user` minus the asking user, and
filters only narrow it. Each function costs a fixed number of queries,
whatever the size of the team.
"""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.utils import timezone

from assignments.models import AssignedLearner, Assignment
from assignments.selectors import (
    REPORT_STATUSES,
    STATUS_LABELS,
    TRAINING_FIGURES,
    assignments_by_id,
    completions_by_month,
    learners_of,
    training_counts_by,
    training_counts_by_user,
    training_summary,
)
from certificates.selectors import expiring_counts
from people.models import Employee, OrgUnit
from people.selectors import (
    employee_scope_for_user,
    org_unit_path,
    org_unit_subtree_ids,
    org_units_by_id,
    org_units_of,
)
from skills.selectors import gap_counts, reviews_waiting_count

SORTS = {
    "name": lambda row: (row.employee.last_name, row.employee.first_name),
    "unit": lambda row: row.employee.org_unit.name,
    "completion": lambda row: (row.completion is None, row.completion or 0),
    "overdue": lambda row: row.overdue,
    "expiring": lambda row: row.expiring,
    "gaps": lambda row: row.gaps,
}


def team_scope(
    *, user: AbstractBaseUser, unit_id: int | None = None, direct: bool = False
) -> QuerySet[Employee]:
    """Active people below `user`, narrowed by a unit (with sub-units) or to direct reports.

    A unit outside the scope narrows to nobody: parameters never widen.
    """
    scope = employee_scope_for_user(user=user).filter(is_active=True)
    own = getattr(user, "employee", None)
    if own is not None:
        scope = scope.exclude(pk=own.pk)
    if unit_id is not None:
        path = org_unit_path(unit_id=unit_id)
        if path is None:
            return scope.none()
        scope = scope.filter(org_unit_id__in=org_unit_subtree_ids(path=path))
    if direct:
        scope = scope.filter(manager_id=own.pk if own else None)
    return scope


def team_units(*, user: AbstractBaseUser) -> list[OrgUnit]:
    """Units the people in scope belong to (for the unit filter), one query."""
    return org_units_of(employees=team_scope(user=user))


@dataclass
class PersonRow:
    employee: Employee
    assigned: int = 0
    completed: int = 0
    overdue: int = 0
    expiring: int = 0
    gaps: int = 0

    @property
    def completion(self) -> int | None:
        return round(100 * self.completed / self.assigned) if self.assigned else None


def team_people(
    *,
    user: AbstractBaseUser,
    unit_id: int | None = None,
    direct: bool = False,
    sort: str = "name",
    today: date | None = None,
) -> list[PersonRow]:
    """The people list: completion, overdue, expiring certificates and skills gaps."""
    today = today or timezone.localdate()
    scope = team_scope(user=user, unit_id=unit_id, direct=direct)
    # Everything the page and the exports read: a field left out here costs
    # one query per person (2,066 queries for a 2,051-person division's CSV).
    people = list(
        scope.select_related("org_unit").only(
            "pk",
            "user_id",
            "employee_number",
            "first_name",
            "last_name",
            "preferred_name",
            "job_title",
            "role_profile_id",
            "manager_id",
            "org_unit__name",
        )
    )
    users = scope.values("user_id")
    counts = training_counts_by_user(users=users, today=today)
    expiring = expiring_counts(users=users, today=today)
    gaps = gap_counts(employees=people)
    rows = [
        PersonRow(
            employee=person,
            assigned=counts.get(person.user_id, {}).get("assigned", 0),
            completed=counts.get(person.user_id, {}).get("completed", 0),
            overdue=counts.get(person.user_id, {}).get("overdue", 0),
            expiring=expiring.get(person.user_id, 0),
            gaps=gaps.get(person.pk, 0),
        )
        for person in people
    ]
    key, descending = sort.lstrip("-"), sort.startswith("-")
    rows.sort(key=SORTS["name"])
    rows.sort(key=SORTS.get(key, SORTS["name"]), reverse=descending)
    return rows


def team_summary(*, user: AbstractBaseUser, today: date | None = None) -> dict:
    """The five numbers at the top of *My team*."""
    today = today or timezone.localdate()
    scope = team_scope(user=user)
    users = scope.values("user_id")
    return {
        "people": scope.count(),
        **training_summary(users=users, today=today),
        "expiring": sum(expiring_counts(users=users, today=today).values()),
        "reviews": reviews_waiting_count(employees=scope),
    }


def team_person(*, user: AbstractBaseUser, employee_id: int) -> Employee | None:
    """One person in scope (not the user themselves), or None: the view answers 404."""
    return (
        team_scope(user=user)
        .select_related("org_unit", "manager", "role_profile", "user")
        .filter(pk=employee_id)
        .first()
    )


# --- the training report -------------------------------------------------------------


# The report's status columns, as their headings say them.
STATUS_COLUMNS = [STATUS_LABELS[status] for status in REPORT_STATUSES]


@dataclass
class TrainingRow:
    label: str
    assigned: int = 0
    completed: int = 0
    in_progress: int = 0
    not_started: int = 0
    due_soon: int = 0
    overdue: int = 0
    on_time: int = 0
    assignment: Assignment | None = None
    unit: OrgUnit | None = None

    @property
    def by_status(self) -> list[int]:
        """The status figures in `REPORT_STATUSES` order: they add up to `assigned`."""
        return [getattr(self, status) for status in REPORT_STATUSES]

    @property
    def on_time_percent(self) -> int | None:
        """Of those decided (completed, or overdue), the share done by the due date."""
        decided = self.completed + self.overdue
        return round(100 * self.on_time / decided) if decided else None


def training_report(
    *,
    learners: QuerySet[AssignedLearner],
    assignment_id: int | None = None,
    today: date | None = None,
) -> dict:
    """Assigned, then each status (`REPORT_STATUSES`, which add up to it), and % on time.

    Without `assignment_id`: one row per assignment. With it: one row per org
    unit for that assignment, plus completions per month. `learners` is
    already scoped (a manager's people, or everyone for L&D). A few queries.
    """
    today = today or timezone.localdate()
    if assignment_id is None:
        group = "assignment_id"
        counts = training_counts_by(learners=learners, group=group, today=today)
        assignments = assignments_by_id(ids=[row[group] for row in counts])
        rows = [
            TrainingRow(
                label=assignments[row[group]].item_title,
                assignment=assignments[row[group]],
                **{k: row[k] for k in TRAINING_FIGURES},
            )
            for row in counts
        ]
        rows.sort(key=lambda r: (r.label, r.assignment.pk))
        return {"rows": rows, "months": []}
    group = "employee__org_unit_id"
    counts = training_counts_by(
        learners=learners, group=group, today=today, assignment_id=assignment_id
    )
    units = org_units_by_id(ids=[row[group] for row in counts])
    rows = [
        TrainingRow(
            label=units[row[group]].name,
            unit=units[row[group]],
            **{k: row[k] for k in TRAINING_FIGURES},
        )
        for row in counts
    ]
    rows.sort(key=lambda r: r.label)
    months = completions_by_month(learners=learners, assignment_id=assignment_id)
    return {"rows": rows, "months": months}


def team_learners(*, user: AbstractBaseUser) -> QuerySet[AssignedLearner]:
    """The assigned learners of the people in the user's team."""
    return learners_of(users=team_scope(user=user).values("user_id"))
