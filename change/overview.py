"""One line per initiative for the admin listing's export: aggregates only.

Every figure about answers is the top row ("Everyone affected") of the
readiness dashboard, read through `change.readiness.readiness`, so it has
passed the gatekeeper exactly as the dashboard shows it; a hidden figure is
exported as the reason the dashboard gives. Nothing here reads an answer.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.utils.translation import gettext as _

from .models import Initiative
from .readiness import readiness


@dataclass(frozen=True)
class InitiativeOverview:
    """What the listing's export says about one initiative."""

    affected: int
    trained_percent: int | None  # of the people affected today
    latest_closed_round: str
    response_rate: int | str  # whole percent, or why there is none
    ready: int | str  # whole percent, "80% or more", or why it is hidden


def initiative_overview(
    *, initiative: Initiative, today: date | None = None
) -> InitiativeOverview:
    """The listing's aggregates for one initiative: the readiness selector's queries.

    A constant number of queries per initiative, whatever the number of
    people, units or answers (those of `readiness`).
    """
    dashboard = readiness(initiative=initiative, unit_paths=None, today=today)
    top = dashboard.rows[0]  # "Everyone affected"
    summary = top.summary
    if dashboard.chosen is None:
        no_round = _("no closed round yet")
        return InitiativeOverview(
            affected=top.affected,
            trained_percent=_percent(top.trained, top.affected),
            latest_closed_round="",
            response_rate=no_round,
            ready=no_round,
        )
    if summary.hidden:
        rate: int | str = summary.hidden_text
    elif top.response_rate is None:
        rate = _("fewer than %(n)s invited") % {"n": settings.CHANGE_MIN_GROUP}
    else:
        rate = top.response_rate
    return InitiativeOverview(
        affected=top.affected,
        trained_percent=_percent(top.trained, top.affected),
        latest_closed_round=dashboard.chosen.name,
        response_rate=rate,
        ready=summary.ready if summary.ready is not None else summary.ready_text,
    )


def _percent(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None
