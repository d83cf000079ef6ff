"""The readiness dashboard's table rows: one tag per row, for pages of hundreds of units.

An organisation-wide dashboard has a row per unit (441 in the benchmark) in
three tables; written as template variables that is some 16,000 lookups, and
the template engine alone took longer than the page's 300 ms
(docs/change.md, "Performance"). Here each row is one string, every text in
it escaped as the template would.
"""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from change.stages import STAGES
from change.summaries import HIDDEN_TEXT, StageCell

register = template.Library()

# A hidden row's message spans the stages and the two columns beside them.
HEAT_SPAN = len(STAGES) + 2
BARRIER_SPAN = len(STAGES) + 1


def _texts(context) -> dict:
    """The row's words, translated and escaped once per page rather than per row."""
    cache = context.render_context
    if "readiness_rows" not in cache:
        cache["readiness_rows"] = {
            "at_high": escape(gettext("at 4–5")),
            "hidden": {key: escape(str(text)) for key, text in HIDDEN_TEXT.items()},
        }
    return cache["readiness_rows"]


# Numbers (ints and floats) are written as they are; every text goes through
# escape() first. So the rows are safe to mark so as a whole.
def _head(row) -> str:
    return f'<th scope="row" class="depth-{min(int(row.depth), 12)}">{escape(row.name)}</th>'


def _cell(cell: StageCell, texts: dict) -> str:
    if cell.hidden:
        return f'<td class="cell hidden-cell">{texts["hidden"][cell.hidden]}</td>'
    if cell.concentrated:
        return f'<td class="cell band-{int(cell.band)}">{escape(cell.text)}</td>'
    return (
        f'<td class="cell band-{int(cell.band)}">{float(cell.mean)}'
        f'<span class="d-block small">{int(cell.high_percent)}% {texts["at_high"]}'
        "</span></td>"
    )


@register.simple_tag(takes_context=True)
def heatmap_row(context, row) -> str:
    """Unit, responses, response rate and a cell per stage."""
    texts = _texts(context)
    summary = row.summary
    if summary.hidden:
        hidden = texts["hidden"][summary.hidden]
        cells = f'<td class="hidden-cell" colspan="{HEAT_SPAN}">{hidden}</td>'
    else:
        rate = "—" if row.response_rate is None else f"{int(row.response_rate)}%"
        stages = "".join(_cell(cell, texts) for cell in summary.stages)
        cells = f"<td>{int(summary.responses)}</td><td>{rate}</td>{stages}"
    return mark_safe(f"<tr>{_head(row)}{cells}</tr>")  # noqa: S308 (escaped above)


@register.simple_tag(takes_context=True)
def barrier_row(context, row) -> str:
    """Unit, the share held up at each stage and ready (or words), the action."""
    summary = row.summary
    barriers = summary.barriers
    if not barriers:
        hidden = _texts(context)["hidden"].get(summary.hidden, "")
        cells = f'<td colspan="{HEAT_SPAN}">{hidden}</td>'
    else:
        if barriers.concentrated:
            words = escape(summary.barrier_text)
            shares = f'<td colspan="{BARRIER_SPAN}">{words}</td>'
        else:
            shares = "".join(f"<td>{int(share)}%</td>" for share in summary.shares)
        cells = f"{shares}<td>{escape(row.action)}</td>"
    return mark_safe(f"<tr>{_head(row)}{cells}</tr>")  # noqa: S308 (escaped above)


@register.simple_tag
def funnel_row(row, figures=None) -> str:
    """Unit, affected, trained (and its share), ready, using (and its rate)."""
    trained = str(int(row.trained))
    if row.affected:
        trained += f" ({round(100 * row.trained / row.affected)}%)"
    ready = escape(row.summary.ready_text)
    using = "—"
    if figures is not None:
        using = str(int(figures.using))
        if figures.rate is not None:
            using += f" ({int(figures.rate)}%)"
    cells = (
        f"<td>{int(row.affected)}</td><td>{trained}</td><td>{ready}</td>"
        f"<td>{using}</td>"
    )
    return mark_safe(f"<tr>{_head(row)}{cells}</tr>")  # noqa: S308 (escaped above)
