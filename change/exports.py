"""The readiness dashboard as CSV: the aggregates on screen, never an answer."""

import csv

from django.http import HttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from lib.safe_csv import neutralise

from .readiness import CATEGORIES, Readiness, Row
from .stages import STAGES


def _category(category: int | None) -> str:
    return _("Ready") if category is None else str(STAGES[category - 1].name)


def readiness_header() -> list[str]:
    return [
        _("Unit"),
        _("Affected"),
        _("Trained"),
        _("Invited"),
        _("Responses (about)"),
        _("Response rate %"),
        *(
            column
            for stage in STAGES
            for column in (
                _("%(stage)s mean") % {"stage": stage.name},
                _("%(stage)s %% at 4-5") % {"stage": stage.name},
            )
        ),
        *(_("Barrier: %(c)s %%") % {"c": _category(c)} for c in CATEGORIES),
        _("Most common barrier"),
        _("Suggested action"),
        _("Hidden because"),
    ]


def readiness_row(row: Row) -> list:
    summary = row.summary
    stages = [
        value
        for cell in summary.stages or [None] * len(STAGES)
        for value in (
            (cell.mean, cell.high_percent) if cell and not cell.hidden else ("", "")
        )
    ]
    barriers = summary.barriers
    if barriers is None:
        shares = [""] * len(CATEGORIES)
    elif barriers.concentrated:
        shares = [_("most") if c == barriers.most else "" for c in CATEGORIES]
    else:
        shares = [barriers.percents[c] for c in CATEGORIES]
    top = summary.top_barrier
    return [
        row.name,
        row.affected,
        row.trained,
        row.invited,
        summary.responses if summary.responses is not None else "",
        row.response_rate if row.response_rate is not None else "",
        *stages,
        *shares,
        _category(top) if top else "",
        row.action,
        summary.hidden_text,
    ]


def readiness_csv(dashboard: Readiness) -> HttpResponse:
    """The chosen round's rows as a CSV download."""
    chosen = dashboard.chosen.name if dashboard.chosen else "none"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = slugify(f"readiness {dashboard.initiative.slug} {chosen}")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    writer = csv.writer(response)
    writer.writerow(readiness_header())
    for row in dashboard.rows:
        writer.writerow([neutralise(value) for value in readiness_row(row)])
    return response
