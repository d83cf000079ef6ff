"""The usual check-in schedule around a go-live, and the defaults a new initiative starts with."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext_lazy as _

# A new initiative's go-live until its author sets one: the baseline then has
# the six to eight weeks practice recommends (docs/change.md, "Rounds").
PROVISIONAL_LEAD_DAYS = 56
ROUND_DAYS = 14


@dataclass(frozen=True)
class RoundDates:
    name: str
    opens_on: date
    closes_on: date


def default_rounds(*, go_live: date, launch: date) -> list[RoundDates]:
    """Baseline at launch, before go-live, 30 and 90 days after: two weeks each.

    The baseline closes before the pre-go-live round opens; with go-live less
    than a month away it is short (at least the launch day).
    """
    before_opens = go_live - timedelta(days=ROUND_DAYS)
    baseline_closes = max(
        launch,
        min(launch + timedelta(days=ROUND_DAYS - 1), before_opens - timedelta(days=1)),
    )
    after = [(_("30 days after go-live"), 30), (_("90 days after go-live"), 90)]
    return [
        RoundDates(str(_("Baseline")), launch, baseline_closes),
        RoundDates(str(_("Before go-live")), before_opens, go_live - timedelta(days=1)),
        *(
            RoundDates(
                str(name),
                go_live + timedelta(days=days),
                go_live + timedelta(days=days + ROUND_DAYS - 1),
            )
            for name, days in after
        ),
    ]


def provisional_go_live(*, today: date) -> date:
    """The go-live a new initiative's form starts with."""
    return today + timedelta(days=PROVISIONAL_LEAD_DAYS)
