"""Mandatory training: who must complete what, by when, and what happened since.

An `Assignment` names a course (or learning path), a target and a due-date
rule. Expanding it writes one `AssignedLearner` row per person, which carries
that person's own due date, progress, exemption and recertification cycle, so
that statuses and reports are one indexed query over those rows, never a
recomputation across enrolments.
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage, LearningPathCourse, LearningPathPage

DUE_SOON_DAYS = 14
NEWCOMER_DAYS = 30


class Assignment(models.Model):
    class Target(models.TextChoices):
        EMPLOYEE = "employee", _("One person")
        TEAM = "team", _("Everyone below a manager")
        ORG_UNIT = "org_unit", _("An org unit and its sub-units")
        ROLE_PROFILE = "role_profile", _("Everyone with a role profile")
        EVERYONE = "everyone", _("All staff")

    class DueRule(models.TextChoices):
        FIXED = "fixed", _("On a fixed date")
        AFTER_ASSIGNMENT = "after_assignment", _("N days after being assigned")
        AFTER_HIRE = "after_hire", _("N days after the hire date")

    course = models.ForeignKey(
        CoursePage,
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    learning_path = models.ForeignKey(
        LearningPathPage,
        verbose_name=_("learning path"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    target = models.CharField(_("assign to"), max_length=20, choices=Target.choices)
    target_employee = models.ForeignKey(
        "people.Employee",
        verbose_name=_("person or manager"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    target_unit = models.ForeignKey(
        "people.OrgUnit",
        verbose_name=_("org unit"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    target_role = models.ForeignKey(
        "people.RoleProfile",
        verbose_name=_("role profile"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    due_rule = models.CharField(
        _("due"), max_length=20, choices=DueRule.choices, default=DueRule.FIXED
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    due_days = models.PositiveIntegerField(_("days"), null=True, blank=True)
    # Someone who joins a fixed-date assignment after its date has passed
    # (a new hire, a transfer) is given this many days instead of starting
    # overdue.
    newcomer_days = models.PositiveIntegerField(
        _("days for newcomers"),
        default=NEWCOMER_DAYS,
        help_text=_(
            "For a fixed date: people who join after the date has passed get "
            "this many days from the day they are assigned."
        ),
    )
    reason = models.CharField(
        _("why"),
        max_length=255,
        blank=True,
        help_text=_("Shown to learners, e.g. “Required by the AODA for all staff”."),
    )
    created_at = models.DateTimeField(_("assigned at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_active = models.BooleanField(_("active"), default=True)
    # Active assignments of one course that share a group reach each person
    # once between them: whoever one of them already covers, the others skip
    # (a change initiative's assignments to its units and to its role
    # profiles: people in both get the course once). Empty: no group.
    audience_group = models.CharField(
        max_length=64, blank=True, default="", editable=False, db_index=True
    )

    class Meta:
        # Created by the courses app; kept so no data moved (migration 0001).
        db_table = "courses_assignment"
        ordering = ["-created_at"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.CheckConstraint(
                condition=Q(course__isnull=False, learning_path__isnull=True)
                | Q(course__isnull=True, learning_path__isnull=False),
                name="assignment_course_xor_path",
            ),
            models.CheckConstraint(
                condition=Q(due_rule="fixed", due_date__isnull=False)
                | (~Q(due_rule="fixed") & Q(due_days__isnull=False)),
                name="assignment_due_rule_complete",
            ),
        ]
        permissions = [("assign_anyone", _("Can assign training to anyone"))]

    def __str__(self) -> str:
        return f"{self.item_title} → {self.target_label}"

    @property
    def item(self) -> CoursePage | LearningPathPage:
        return self.course or self.learning_path

    @property
    def item_title(self) -> str:
        item = self.item
        return item.title if item else ""

    @property
    def target_label(self) -> str:
        if self.target == self.Target.EMPLOYEE:
            return str(self.target_employee)
        if self.target == self.Target.TEAM:
            return _("Everyone below %(name)s") % {"name": self.target_employee}
        if self.target == self.Target.ORG_UNIT:
            return str(self.target_unit)
        if self.target == self.Target.EVERYONE:
            return str(_("All staff"))
        return str(self.target_role)

    @property
    def due_label(self) -> str:
        if self.due_rule == self.DueRule.FIXED:
            return _("by %(date)s") % {"date": self.due_date.isoformat()}
        if self.due_rule == self.DueRule.AFTER_HIRE:
            return _("%(days)s days after the hire date") % {"days": self.due_days}
        return _("%(days)s days after being assigned") % {"days": self.due_days}

    def course_ids(self) -> list[int]:
        """The courses a learner must complete: the course, or the path's courses."""
        if self.course_id:
            return [self.course_id]
        return list(
            LearningPathCourse.objects.filter(path_id=self.learning_path_id)
            .order_by("sort_order")
            .values_list("course_id", flat=True)
        )

    def due_for(
        self, *, assigned_on: date, hire_date: date | None, newcomer: bool = False
    ) -> date:
        """One person's due date under this assignment's rule.

        A `newcomer` joins after the assignment was first given out: under a
        fixed date already past, they get `newcomer_days` from joining.
        """
        if self.due_rule == self.DueRule.FIXED:
            if newcomer and self.due_date < assigned_on:
                return assigned_on + timedelta(days=self.newcomer_days)
            return self.due_date
        start = assigned_on
        if self.due_rule == self.DueRule.AFTER_HIRE and hire_date is not None:
            start = hire_date
        return start + timedelta(days=self.due_days)


def _status_rules(today: date) -> list[tuple[str, dict]]:
    """The statuses in order of precedence: a row has the first whose lookups all hold.

    Written once, as lookups, so that SQL (`status_conditions`, `with_status`)
    and Python (`AssignedLearner.status_on`) read the same rule, and every row
    has exactly one status: the columns of a report add up to its total.
    """
    status = AssignedLearner.Status
    return [
        (status.COMPLETED, {"completed_on__isnull": False}),
        (status.EXEMPT, {"exempted_at__isnull": False}),
        (status.OVERDUE, {"due_on__lt": today}),
        (status.DUE_SOON, {"due_on__lte": today + timedelta(days=DUE_SOON_DAYS)}),
        (status.IN_PROGRESS, {"started_at__isnull": False}),
        (status.NOT_STARTED, {}),
    ]


# The few lookups the rules use, evaluated on a row in memory.
_PYTHON_LOOKUPS = {
    "isnull": lambda value, arg: (value is None) is arg,
    "lt": lambda value, arg: value < arg,
    "lte": lambda value, arg: value <= arg,
}


def status_conditions(today: date) -> dict[str, Q]:
    """{status: the Q that selects exactly the rows with it on `today`}.

    Mutually exclusive and together covering every row: each status's own
    lookups, and none of those of the statuses before it.
    """
    conditions: dict[str, Q] = {}
    earlier: list[Q] = []
    for status, lookups in _status_rules(today):
        condition = Q(**lookups)
        for before in earlier:
            condition &= ~before
        conditions[status] = condition
        earlier.append(Q(**lookups))
    return conditions


class AssignedLearnerQuerySet(models.QuerySet):
    def open(self):
        """Still to do: not completed in this cycle and not exempt."""
        return self.filter(completed_at__isnull=True, exempted_at__isnull=True)

    def overdue(self, *, today: date | None = None):
        return self.filter(
            status_conditions(today or timezone.localdate())[
                AssignedLearner.Status.OVERDUE
            ]
        )

    def remindable(self):
        """Open work on active assignments, held by active people: whom reminders concern."""
        return self.open().filter(
            assignment__is_active=True,
            user__is_active=True,
            user__employee__is_active=True,
        )

    def urgent(self, *, today: date):
        """Due soon or overdue on `today`: what a reminder speaks of."""
        conditions = status_conditions(today)
        status = AssignedLearner.Status
        return self.filter(conditions[status.OVERDUE] | conditions[status.DUE_SOON])

    def counted(self):
        """The rows reports count: everyone but exempt people who have not completed."""
        return self.exclude(exempted_at__isnull=False, completed_on__isnull=True)

    def with_status(self, *, today: date | None = None):
        """Annotate `status`, one of `AssignedLearner.Status`, in SQL."""
        *rules, (last, _every_row) = _status_rules(today or timezone.localdate())
        return self.annotate(
            status=Case(
                *(When(Q(**lookups), then=Value(status)) for status, lookups in rules),
                default=Value(last),
                output_field=models.CharField(),
            )
        )


class AssignedLearner(models.Model):
    """One person under one assignment: their due date, progress and exemption."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        DUE_SOON = "due_soon", _("Due soon")
        OVERDUE = "overdue", _("Overdue")
        COMPLETED = "completed", _("Completed")
        EXEMPT = "exempt", _("Exempt")

    assignment = models.ForeignKey(
        Assignment, on_delete=models.CASCADE, related_name="learners"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assignments"
    )
    # The learner's employee record, joined on user_id directly (no column and
    # no detour through auth_user): reports group a million rows by unit.
    employee = models.ForeignObject(
        "people.Employee",
        on_delete=models.DO_NOTHING,
        from_fields=["user"],
        to_fields=["user"],
        related_name="+",
    )
    assigned_on = models.DateField()
    due_on = models.DateField()
    # The due date the rule gave, before any extension.
    original_due_on = models.DateField()
    started_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    # The same moment as a local date, set with it: "on time" is then a plain
    # column comparison (completed_on <= due_on) that reports can count fast.
    completed_on = models.DateField(null=True, blank=True)
    # When this cycle's completion stops counting (from the course's validity).
    expires_on = models.DateField(null=True, blank=True)
    # 1 for the first time; +1 each time an expiring completion re-opens it.
    cycle = models.PositiveSmallIntegerField(default=1)
    exempted_at = models.DateTimeField(null=True, blank=True)
    exempt_reason = models.CharField(max_length=255, blank=True)

    objects = AssignedLearnerQuerySet.as_manager()

    class Meta:
        # Created by the courses app; kept so no data moved (migration 0001).
        db_table = "courses_assignedlearner"
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "user"], name="one_assigned_learner"
            ),
        ]
        indexes = [
            # Covers the report aggregates (people joined to their unit), so
            # a million rows are counted from the index alone.
            models.Index(
                fields=[
                    "user",
                    "assignment",
                    "due_on",
                    "completed_on",
                    "exempted_at",
                    "started_at",
                ],
                name="assignedlearner_report",
            ),
            models.Index(fields=["assignment", "due_on"]),
            models.Index(fields=["expires_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.user} under assignment {self.assignment_id}"

    def status_on(self, today: date | None = None) -> str:
        """The same rule as `with_status`, for one row already in memory."""
        for status, lookups in _status_rules(today or timezone.localdate()):
            if all(
                _PYTHON_LOOKUPS[lookup](getattr(self, field), arg)
                for field, lookup, arg in (
                    (*key.split("__"), arg) for key, arg in lookups.items()
                )
            ):
                return status
        raise AssertionError("the last rule matches every row")

    @property
    def completed_on_time(self) -> bool:
        return bool(self.completed_on and self.completed_on <= self.due_on)


class AssignmentEvent(models.Model):
    """Append-only log of what happened to one assigned learner, and who did it."""

    class Kind(models.TextChoices):
        EXTENDED = "extended", _("Due date extended")
        EXEMPTED = "exempted", _("Exempted")
        EXEMPTION_LIFTED = "exemption_lifted", _("Exemption lifted")
        REOPENED = "reopened", _("Due again (recertification)")

    learner = models.ForeignKey(
        AssignedLearner, on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.CharField(max_length=255, blank=True)
    old_due_on = models.DateField(null=True, blank=True)
    new_due_on = models.DateField(null=True, blank=True)

    class Meta:
        # Created by the courses app; kept so no data moved (migration 0001).
        db_table = "courses_assignmentevent"
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.at:%Y-%m-%d})"
