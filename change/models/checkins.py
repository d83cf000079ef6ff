"""Who was asked to check in, and the answers: two tables that never meet.

`CheckInInvitation` knows the person (for e-mails and reminders);
`CheckInResponse` holds the answers under a pseudonymous key and a snapshot of
unit and role, with no reference to the person (docs/change.md, "Privacy").
Nothing in either table records when someone answered, and answering writes
nothing to the invitation, so the two cannot be lined up by time or order.
"""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..stages import STAGE_CHOICES, STAGE_FIELDS
from .initiatives import CheckInRound


class CheckInInvitation(models.Model):
    """One affected person asked in one round: invited, reminded, answered or not."""

    round = models.ForeignKey(
        CheckInRound, on_delete=models.CASCADE, related_name="invitations"
    )
    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="+"
    )
    invited_at = models.DateTimeField(null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(default=0)
    last_reminded_at = models.DateTimeField(null=True, blank=True)
    # Set by the daily run for everyone found to have answered since the last
    # one (change.reminders), never when the answer is saved: no time, and no
    # write in the answer's own transaction, to match the answers with.
    responded = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["round", "employee"], name="one_invitation_per_round"
            ),
        ]
        indexes = [models.Index(fields=["employee", "round"])]

    def __str__(self) -> str:
        return f"{self.employee} in {self.round}"


def _score(name: str, *, optional: bool) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(name, null=optional, blank=optional)


class CheckInResponse(models.Model):
    """One person's answers in one round, under a key that does not name them."""

    # Random, so the key says nothing of the order people answered in.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(
        CheckInRound, on_delete=models.CASCADE, related_name="responses"
    )
    # HMAC of initiative and employee (change.respondents): the same across an
    # initiative's rounds, so the gatekeeper can see who answered twice
    # without knowing who.
    respondent_key = models.CharField(max_length=64)
    # Where the person sat when they answered: results group by these.
    unit = models.ForeignKey(
        "people.OrgUnit", on_delete=models.PROTECT, related_name="+"
    )
    role_profile = models.ForeignKey(
        "people.RoleProfile",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    understand = _score(_("understand"), optional=False)
    commit = _score(_("commit"), optional=False)
    learn = _score(_("learn"), optional=False)
    # Null: "not applicable yet", before go-live only; never a barrier.
    apply = _score(_("apply"), optional=True)
    sustain = _score(_("sustain"), optional=True)
    # Derived at write time (change.stages.barrier_stage); null: ready.
    barrier_stage = models.PositiveSmallIntegerField(
        null=True, blank=True, choices=STAGE_CHOICES
    )
    comment = models.TextField(_("comment"), blank=True)
    # No created/updated times: they would match the moment of answering.

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["round", "respondent_key"], name="one_response_per_round"
            ),
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{field}__gte": 1, f"{field}__lte": 5})
                    | Q(**{f"{field}__isnull": True}),
                    name=f"response_{field}_1_to_5",
                )
                for field in (*STAGE_FIELDS, "barrier_stage")
            ),
        ]
        indexes = [models.Index(fields=["round", "unit"])]

    def __str__(self) -> str:
        return f"Check-in response in round {self.round_id}"

    @property
    def scores(self) -> list[int | None]:
        return [getattr(self, field) for field in STAGE_FIELDS]
