"""Learners' progress through courses: enrolments, module completions, past completions.

Progress rows point at pages by id (foreign keys without database constraints),
so trainers can edit, move or delete content without ever deleting anyone's
history: a completion also records what the course contained at that moment.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .pages import CoursePage, ModulePage


class EnrolmentQuerySet(models.QuerySet):
    def completed(self):
        return self.filter(completed_at__isnull=False)

    def in_progress(self):
        return self.filter(completed_at__isnull=True)


class Enrolment(models.Model):
    """One learner on one course: when they joined, started, finished, and where they are."""

    class Source(models.TextChoices):
        SELF = "self", _("Self-enrolled")
        ASSIGNED = "assigned", _("Assigned")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    # No database constraint: deleting a course page must not delete history.
    course = models.ForeignKey(
        CoursePage, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    source = models.CharField(
        max_length=10, choices=Source.choices, default=Source.SELF
    )
    enrolled_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    last_module_id = models.PositiveIntegerField(null=True, blank=True)
    # Set when an expiring completion re-opens the course: attempts and module
    # completions before it belong to the earlier cycle.
    cycle_started_at = models.DateTimeField(null=True, blank=True)
    # What the course required when it was completed: module ids and titles.
    completion_snapshot = models.JSONField(default=dict, blank=True)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"], name="one_enrolment_per_course"
            ),
        ]
        indexes = [models.Index(fields=["course", "completed_at"])]

    def __str__(self) -> str:
        return f"{self.user} on course {self.course_id}"

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None


class ModuleCompletion(models.Model):
    """A module finished within an enrolment; one row per module, ever."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="completions"
    )
    module = models.ForeignKey(
        ModulePage, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "module"], name="one_completion_per_module"
            ),
        ]

    def __str__(self) -> str:
        return f"module {self.module_id} in {self.enrolment}"


class PastCompletion(models.Model):
    """An earlier completion of a course that has since re-opened for recertification."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="past_completions"
    )
    completed_at = models.DateTimeField()
    expires_on = models.DateField(null=True, blank=True)
    completion_snapshot = models.JSONField(default=dict, blank=True)
    reopened_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-completed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "completed_at"], name="one_past_completion"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enrolment} completed {self.completed_at:%Y-%m-%d}"
