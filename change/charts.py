"""The trend chart's geometry, drawn as inline SVG by the template (no script, no CDN)."""

from dataclasses import dataclass

HEIGHT = 160  # px for 100%
BAR = 48
GAP = 32


@dataclass(frozen=True)
class Bar:
    """One round's bar: where it goes and the words it carries."""

    x: int
    y: int
    height: int
    label: str  # the round
    value: str  # what the bar says, also for screen readers


def ready_bars(trend) -> list[Bar]:
    """One bar per closed round: the share with no barrier, or why there is none."""
    bars = []
    for index, (checkin_round, summary) in enumerate(trend):
        height = round(HEIGHT * (summary.ready_bound or 0) / 100)
        bars.append(
            Bar(
                x=GAP + index * (BAR + GAP),
                y=HEIGHT - height,
                height=height,
                label=checkin_round.name,
                value=summary.ready_text,
            )
        )
    return bars


def width(bars: list[Bar]) -> int:
    return GAP + len(bars) * (BAR + GAP)
