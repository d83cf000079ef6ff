"""The readiness results of an initiative, decided once when its rounds close.

Results show closed rounds only, and a closed round's answers no longer change,
so the gatekeeper's decisions and every published aggregate depend only on the
closed rounds' answers and the org-unit tree. `change.results` computes them
and stores one `ReadinessResult` per group a reader could be shown; the
`ReadinessSnapshot` says what they were computed from, so a dashboard that
finds the rounds or the tree changed since knows they are stale.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .initiatives import CheckInRound, Initiative


class ReadinessSnapshot(models.Model):
    """What an initiative's stored results were computed from, and when."""

    initiative = models.OneToOneField(
        Initiative, on_delete=models.CASCADE, related_name="readiness_snapshot"
    )
    # Digest of what the rows were computed from (change.results.results_key);
    # empty until the first computation.
    key = models.CharField(max_length=64, blank=True)
    # The key a refresh was last asked for: a second request for the same key
    # queues nothing (change.results.readiness_results_request).
    requested_key = models.CharField(max_length=64, blank=True)
    requested_at = models.DateTimeField(null=True, blank=True)
    # The closed rounds the rows cover, oldest first; the units answers were
    # given in (their chains are part of the key); those units with every unit
    # above them, and the role profiles answers were given with: what the
    # dashboard lists.
    closed_rounds = models.JSONField(default=list)
    answer_units = models.JSONField(default=list)
    units = models.JSONField(default=list)
    role_profiles = models.JSONField(default=list)
    computed_at = models.DateTimeField(null=True, blank=True)
    seconds = models.FloatField(_("computation time (s)"), null=True, blank=True)

    class Meta:
        verbose_name = _("readiness snapshot")

    def __str__(self) -> str:
        return f"Readiness of {self.initiative_id} at {self.computed_at}"


class ReadinessResult(models.Model):
    """One group's published numbers (or why it is hidden), in one closed round.

    A group is a unit with its sub-units (unit None: everyone affected), for
    all roles (role_profile None) or one. `summary` holds only what may be
    shown (change.summaries); `respondents` is the exact count behind a
    published group's response rate, 0 when hidden.
    """

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="+"
    )
    round = models.ForeignKey(CheckInRound, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(
        "people.OrgUnit",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    role_profile = models.ForeignKey(
        "people.RoleProfile",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    summary = models.JSONField()
    respondents = models.PositiveIntegerField(default=0)
    # The group's comments when it passes the comments threshold: text only,
    # already shuffled (privacy.shown_comments). All-roles groups only.
    comments = models.JSONField(default=list)

    class Meta:
        # The dashboard reads one round and one role (or all) of an initiative.
        indexes = [models.Index(fields=["initiative", "round", "role_profile"])]

    def __str__(self) -> str:
        return f"Result of round {self.round_id}, unit {self.unit_id}"


class AdoptionSnapshot(models.Model):
    """What an initiative's stored adoption figures were computed from, and when.

    A row of its own, apart from the readiness snapshot: usage imports bump
    `inputs` while a long refresh may be running, and must not wait for it.
    """

    initiative = models.OneToOneField(
        Initiative, on_delete=models.CASCADE, related_name="adoption_snapshot"
    )
    # Digest of what the rows were computed from (change.adoption_results
    # .adoption_key); empty until the first computation.
    key = models.CharField(max_length=64, blank=True)
    # Bumped whenever usage is written or the roster changes: part of the key.
    inputs = models.PositiveIntegerField(default=0)
    # When a refresh was queued and has not started yet: a second request
    # meanwhile queues nothing (change.tasks.adoption_results_request).
    requested_at = models.DateTimeField(null=True, blank=True)
    # The window the figures cover, and the round "not ready" was read from.
    since = models.DateField(null=True, blank=True)
    until = models.DateField(null=True, blank=True)
    readiness_round = models.ForeignKey(
        CheckInRound,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    computed_at = models.DateTimeField(null=True, blank=True)
    seconds = models.FloatField(_("computation time (s)"), null=True, blank=True)

    class Meta:
        verbose_name = _("adoption snapshot")

    def __str__(self) -> str:
        return f"Adoption of {self.initiative_id} at {self.computed_at}"


class AdoptionResult(models.Model):
    """One unit's (or everyone's) adoption figures, for all roles or one.

    The counts are of today's roster, usage and training (not confidential);
    `not_ready` holds only what the gatekeeper lets the "not ready and not
    using" cell show (change.adoption.Cell), never the count behind a hidden one.
    """

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="+"
    )
    unit = models.ForeignKey(
        "people.OrgUnit",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    role_profile = models.ForeignKey(
        "people.RoleProfile",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    affected = models.PositiveIntegerField(default=0)
    trained = models.PositiveIntegerField(default=0)
    using = models.PositiveIntegerField(default=0)
    trained_using = models.PositiveIntegerField(default=0)
    using_untrained = models.PositiveIntegerField(default=0)
    not_ready = models.JSONField(default=dict)

    class Meta:
        # The dashboard reads one role (or all) of an initiative.
        indexes = [models.Index(fields=["initiative", "role_profile"])]

    def __str__(self) -> str:
        return f"Adoption of {self.initiative_id}, unit {self.unit_id}"
