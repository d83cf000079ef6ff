"""CSV downloads: the readiness aggregates on screen (never an answer), the change load."""

import csv

from django.http import HttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from lib.safe_csv import neutralise
from people.models import OrgUnit

from .adoption import Adoption, AdoptionRow
from .load import ChangeLoad
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
        _("Using"),
        _("Adoption rate %"),
        _("Trained and using"),
        _("Trained, not using"),
        _("Using without training"),
        _("Not ready and not using"),
    ]


def readiness_row(row: Row) -> list:
    summary = row.summary
    stages = [
        value
        for cell in summary.stages or [None] * len(STAGES)
        for value in (
            ("", "")
            if cell is None or cell.hidden
            else (cell.text, "")
            if cell.concentrated
            else (cell.mean, cell.high_percent)
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


def adoption_columns(figures: AdoptionRow | None) -> list:
    """The adoption columns, as the dashboard shows them; empty without usage data."""
    if figures is None:
        return [""] * 6
    return [
        figures.using,
        figures.rate if figures.rate is not None else "",
        figures.trained_using.text,
        figures.trained_not_using.text,
        figures.using_untrained.text,
        figures.not_ready_not_using.text,
    ]


def readiness_csv(dashboard: Readiness, adoption: Adoption) -> HttpResponse:
    """The chosen round's rows, with their adoption figures, as a CSV download."""
    chosen = dashboard.chosen.name if dashboard.chosen else "none"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = slugify(f"readiness {dashboard.initiative.slug} {chosen}")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    writer = csv.writer(response)
    writer.writerow(readiness_header())
    for row, figures in adoption.rows:
        values = [*readiness_row(row), *adoption_columns(figures)]
        writer.writerow([neutralise(value) for value in values])
    return response


def change_load_csv(load: ChangeLoad, *, parent: OrgUnit | None) -> HttpResponse:
    """The change-load table as on screen: one row per unit, one column per month."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    where = parent.code if parent is not None else "all"
    name = slugify(f"change load {where} {load.months[0]:%Y-%m}")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Unit"),
            _("HR code"),
            *(f"{month:%Y-%m}" for month in load.months),
            _("Months over the limit of %(limit)s") % {"limit": load.limit},
        ]
    )
    for row in load.rows:
        writer.writerow(
            [
                neutralise(value)
                for value in (
                    row.unit.name,
                    row.unit.code,
                    *(cell.count for cell in row.cells),
                    " ".join(f"{cell.month:%Y-%m}" for cell in row.over),
                )
            ]
        )
    return response
