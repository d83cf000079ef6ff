"""Reminders sent about mandatory training: the rows that make sending idempotent."""

from datetime import date

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .assignments import DUE_SOON_DAYS, AssignedLearner

FIRST_DAYS = DUE_SOON_DAYS  # the first reminder goes when training becomes due soon
LAST_DAYS = 3


class Reminder(models.Model):
    """One reminder sent (or claimed for sending): the key that makes sending idempotent."""

    class Kind(models.TextChoices):
        DAYS_14 = "due_14", _("Due in 14 days")
        DAYS_3 = "due_3", _("Due in 3 days")
        OVERDUE = "overdue", _("Overdue")
        DIGEST = "digest", _("Manager's weekly digest")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    # Learner reminders: the learner row, its cycle and due date (an extension
    # or a new cycle starts the sequence again). Digests: the manager and week.
    learner = models.ForeignKey(
        AssignedLearner,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    due_on = models.DateField(null=True, blank=True)
    cycle = models.PositiveSmallIntegerField(default=1)
    manager = models.ForeignKey(
        "people.Employee",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    week = models.CharField(max_length=8, blank=True)  # ISO week, e.g. 2026-W48
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # Created by the courses app; kept so no data moved (migration 0001).
        db_table = "courses_reminder"
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "kind", "cycle", "due_on"],
                condition=Q(learner__isnull=False),
                name="one_learner_reminder",
            ),
            models.UniqueConstraint(
                fields=["manager", "week"],
                condition=Q(kind="digest"),
                name="one_digest_per_week",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.sent_at:%Y-%m-%d})"


def reminder_kind(*, due_on: date, today: date) -> str | None:
    """The reminder a learner is owed today (the most urgent one), or None."""
    days_left = (due_on - today).days
    if days_left < 0:
        return Reminder.Kind.OVERDUE
    if days_left <= LAST_DAYS:
        return Reminder.Kind.DAYS_3
    if days_left <= FIRST_DAYS:
        return Reminder.Kind.DAYS_14
    return None


def iso_week(day: date) -> str:
    """The ISO week a digest is for, e.g. 2026-W48."""
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"
