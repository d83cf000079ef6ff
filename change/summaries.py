"""What one group's readiness answers may show: a stage cell per stage, the barriers.

The shapes the dashboard, its CSV and the stored results share. A `Summary`
is built only from a group the gatekeeper published (change.results), and is
stored as JSON with only what may be shown in it.
"""

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

from . import privacy
from .stages import STAGES

# The barrier categories in display order; None is "ready" (no barrier).
CATEGORIES: tuple[int | None, ...] = (*(stage.number for stage in STAGES), None)
NOT_YET = "not_yet"  # nobody could answer this stage yet (before go-live)
# A stage cell told in words (StageCell.concentrated).
SAME, ALL_HIGH, NONE_HIGH = "same", "all_high", "none_high"
# Why a number is missing, as the dashboard and its CSV say it.
HIDDEN_TEXT = {
    privacy.TOO_FEW: _("too few answers"),
    privacy.PROTECTS_ANOTHER: _("hidden to protect a smaller group"),
    privacy.ROUND_OPEN: _("round still open"),
    NOT_YET: _("not applicable yet"),
}


@dataclass
class StageCell:
    """One heatmap cell: a stage's mean and share at 4–5, or why it is hidden."""

    mean: float | None = None
    high_percent: int | None = None
    hidden: str = ""
    # Class disclosure: when nearly everyone gave one score (SAME, with the
    # score in `most`), or everyone or nobody is at 4–5, words stand in for
    # the mean and the share, which would tell each member's answer.
    concentrated: str = ""
    most: int | None = None

    @property
    def hidden_text(self) -> str:
        return str(HIDDEN_TEXT.get(self.hidden, ""))

    @property
    def text(self) -> str:
        """The words of a concentrated cell ("" otherwise)."""
        if self.concentrated == SAME:
            return str(_("Most scored %(score)s") % {"score": self.most})
        if self.concentrated == ALL_HIGH:
            return str(_("Nearly everyone at 4–5"))
        if self.concentrated == NONE_HIGH:
            return str(_("Nearly nobody at 4–5"))
        return ""

    @property
    def band(self) -> int:
        """0–4 by the share at 4–5, for the heatmap colour (the number is shown too)."""
        if self.concentrated:
            high = self.concentrated == ALL_HIGH or (self.most or 0) >= 4
            return 4 if high else 0
        return min((self.high_percent or 0) // 20, 4)


def stage_cell(*, scores: dict[int, int], answered: int, high: int) -> StageCell:
    """A published stage's cell from its score counts: numbers, or words if they'd tell."""
    score, count = max(scores.items(), key=lambda item: (item[1], item[0]))
    if 100 * count >= privacy.CONCENTRATED_PERCENT * answered:
        return StageCell(concentrated=SAME, most=score)
    if high == answered:
        return StageCell(concentrated=ALL_HIGH)
    if high == 0:
        return StageCell(concentrated=NONE_HIGH)
    return StageCell(
        mean=round(sum(s * n for s, n in scores.items()) / answered, 1),
        high_percent=privacy.whole_percent(high, answered),
    )


@dataclass
class Summary:
    """What one group's answers may show, or the reason they are hidden."""

    hidden: str = privacy.TOO_FEW
    responses: int | None = None  # rounded to 5
    stages: list[StageCell] = field(default_factory=list)
    barriers: privacy.Distribution | None = None
    top_barrier: int | None = None

    @property
    def hidden_text(self) -> str:
        return str(HIDDEN_TEXT.get(self.hidden, ""))

    @property
    def ready(self) -> int | None:
        """The whole-number share with no barrier (None if hidden or concentrated)."""
        if self.barriers is None or self.barriers.concentrated:
            return None
        return self.barriers.percents.get(None, 0)

    @property
    def ready_bound(self) -> int | None:
        """The share ready, or the line it is beyond when most share one answer."""
        if self.barriers is None:
            return None
        if not self.barriers.concentrated:
            return self.ready
        line = privacy.CONCENTRATED_PERCENT
        return line if self.barriers.most is None else 100 - line

    @property
    def ready_text(self) -> str:
        """The share ready in words: "45%", "80% or more", or why it is hidden."""
        if self.barriers is None:
            return self.hidden_text
        if not self.barriers.concentrated:
            return f"{self.ready}%"
        if self.barriers.most is None:
            return _("%(p)s%% or more") % {"p": self.ready_bound}
        return _("%(p)s%% or less") % {"p": self.ready_bound}

    @property
    def barrier_text(self) -> str:
        """The words for a concentrated barrier distribution ("" otherwise)."""
        if self.barriers is None or not self.barriers.concentrated:
            return ""
        if self.barriers.most is None:
            return str(_("Most people are ready."))
        stage = STAGES[self.barriers.most - 1]
        return str(_("Most people are held up at %(stage)s.") % {"stage": stage.name})

    @property
    def shares(self) -> list[int]:
        """The barrier shares in CATEGORIES order (when not concentrated)."""
        if self.barriers is None or self.barriers.concentrated:
            return []
        return [self.barriers.percents[category] for category in CATEGORIES]

    # Stored as JSON (ReadinessResult.summary): category keys include None,
    # so the percentages go as pairs.
    def to_json(self) -> dict[str, Any]:
        if self.hidden:
            return {"hidden": self.hidden}
        barriers = self.barriers
        return {
            "hidden": "",
            "responses": self.responses,
            "stages": [
                {
                    "mean": c.mean,
                    "high": c.high_percent,
                    "hidden": c.hidden,
                    "words": c.concentrated,
                    "most": c.most,
                }
                for c in self.stages
            ],
            "barriers": {
                "percents": list(barriers.percents.items()),
                "concentrated": barriers.concentrated,
                "most": barriers.most,
            },
            "top_barrier": self.top_barrier,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Summary":
        if data["hidden"]:
            return cls(hidden=data["hidden"])
        barriers = data["barriers"]
        percents: dict[Hashable, int] = dict(barriers["percents"])
        return cls(
            hidden="",
            responses=data["responses"],
            stages=[
                StageCell(
                    mean=c["mean"],
                    high_percent=c["high"],
                    hidden=c["hidden"],
                    concentrated=c["words"],
                    most=c["most"],
                )
                for c in data["stages"]
            ],
            barriers=privacy.Distribution(
                percents,
                concentrated=barriers["concentrated"],
                most=barriers["most"],
            ),
            top_barrier=data["top_barrier"],
        )
