"""The five readiness stages, the 1–5 scale and the barrier rule, written once.

Our own stage names and item wording (docs/change.md; research note §1.6): the
best-known five-stage model is a trademark, so neither its name nor its words
appear here. Imports nothing of ours, so models, services, the privacy
gatekeeper and templates can all share it.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

# A score at or below this is a gap; the first gap in stage order is the barrier.
GAP_AT_MOST = 3


@dataclass(frozen=True)
class Stage:
    number: int
    field: str  # the CheckInResponse column holding its score
    name: str
    item: str  # the statement staff rate; "{tool}" is the initiative's tool
    # Stages 4–5 are about doing the new way: before go-live nobody can yet.
    may_be_not_applicable: bool


STAGES: tuple[Stage, ...] = (
    Stage(
        1,
        "understand",
        _("Understand"),
        _("I know why we are moving to {tool}, and what goes wrong if we don't."),
        False,
    ),
    Stage(
        2,
        "commit",
        _("Commit"),
        _("I am willing to put in the effort to make {tool} work in my job."),
        False,
    ),
    Stage(
        3,
        "learn",
        _("Learn"),
        _("I know what I have to do differently, and where to get help learning it."),
        False,
    ),
    Stage(
        4,
        "apply",
        _("Apply"),
        _(
            "In my normal working day I can actually do the new way without "
            "getting stuck."
        ),
        True,
    ),
    Stage(
        5,
        "sustain",
        _("Sustain"),
        _(
            "The people and systems around me keep the new way going "
            "(follow-up, support, recognition)."
        ),
        True,
    ),
)
STAGE_FIELDS: tuple[str, ...] = tuple(stage.field for stage in STAGES)
STAGE_CHOICES = [(stage.number, stage.name) for stage in STAGES]

# (score, label, meaning): shown next to every answer, the same for all five items.
SCALE: tuple[tuple[int, str, str], ...] = (
    (1, _("Not at all"), _("This is missing for me.")),
    (2, _("A little"), _("Some of it, but I'm far from there.")),
    (3, _("Partly"), _("About halfway; I still have real gaps.")),
    (4, _("Mostly"), _("Largely in place; small gaps only.")),
    (5, _("Fully"), _("Completely true for me.")),
)

# Suggested actions per barrier stage, the defaults an initiative starts with
# (research note §2); change leads edit them per initiative.
DEFAULT_ACTIONS: dict[int, str] = {
    1: _(
        "Have the sponsor explain the reason for the change and the cost of not "
        "changing. Hold a manager-led team briefing on what changes for this "
        "unit, and publish a short FAQ."
    ),
    2: _(
        "Talk with the team, one-to-one or together, about what is in it for "
        "them and what worries them. Answer concerns early, involve staff in "
        "local design and testing, and check for clashes with workload."
    ),
    3: _(
        "Offer role-specific training, job aids, quick reference cards and "
        "drop-in sessions; make sure everyone is enrolled on the linked course "
        "and finishes it."
    ),
    4: _(
        "Give time to practise, floor-walkers or super-users, access to experts "
        "and coaching by the manager; fix access and equipment blockers."
    ),
    5: _(
        "Recognise visible progress, retire the old way of working, review usage "
        "in routine meetings, and ask for feedback and act on it."
    ),
}


def barrier_stage(scores: Sequence[int | None]) -> int | None:
    """The first stage (1–5) scored GAP_AT_MOST or less, or None: ready.

    A missing score ("not applicable yet") is never a barrier.
    """
    for number, score in enumerate(scores, start=1):
        if score is not None and score <= GAP_AT_MOST:
            return number
    return None
