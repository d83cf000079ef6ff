"""Knowledge-check attempts and answers (the questions are blocks on `ModulePage`)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .pages import ModulePage


class QuizAttemptQuerySet(models.QuerySet):
    def in_progress(self):
        return self.filter(status=QuizAttempt.Status.IN_PROGRESS)

    def finished(self):
        return self.exclude(status=QuizAttempt.Status.IN_PROGRESS)


class QuizAttempt(models.Model):
    """One try at a module's knowledge check, with the questions exactly as drawn.

    `questions` is the snapshot taken at the start: question ids (block ids),
    texts, options in the order shown and the answer key. The key never leaves
    the server before the attempt is finished, and grading uses the snapshot,
    so results stay explainable after trainers edit the quiz.
    """

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        SUBMITTED = "submitted", _("Submitted")
        TIMED_OUT = "timed_out", _("Closed at the time limit")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    module = models.ForeignKey(
        ModulePage, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    number = models.PositiveSmallIntegerField()
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.IN_PROGRESS
    )
    started_at = models.DateTimeField(auto_now_add=True)
    deadline = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    questions = models.JSONField()
    pass_mark = models.PositiveSmallIntegerField()
    reveal_answers = models.CharField(max_length=20)
    score = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(null=True)

    objects = QuizAttemptQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module", "number"], name="one_attempt_number"
            ),
            # At most one open attempt per learner and quiz.
            models.UniqueConstraint(
                fields=["user", "module"],
                condition=Q(status="in_progress"),
                name="one_open_attempt",
            ),
        ]
        indexes = [models.Index(fields=["status", "deadline"])]

    def __str__(self) -> str:
        return f"attempt {self.number} by {self.user} on module {self.module_id}"

    @property
    def is_finished(self) -> bool:
        return self.status != self.Status.IN_PROGRESS


class QuizAnswer(models.Model):
    """A learner's answer to one question of one attempt, saved as they go."""

    attempt = models.ForeignKey(
        QuizAttempt, on_delete=models.CASCADE, related_name="answers"
    )
    question_id = models.CharField(max_length=64)
    response = models.JSONField(
        default=list
    )  # option keys, or [text] for short answers
    saved_at = models.DateTimeField(auto_now=True)
    points = models.FloatField(null=True, blank=True)  # 0..1, set when graded

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "question_id"], name="one_answer_per_question"
            ),
        ]

    def __str__(self) -> str:
        return f"answer to {self.question_id} in {self.attempt_id}"
