"""*My team* skills reports: the people × skills matrix and its aggregate by unit.

Each view renders a page or, with `?format=csv|xlsx`, exports the same rows
(every page of them) through `reports.views.export_response`.
"""

from collections.abc import Iterator

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from skills import selectors
from skills.models import Level

from ..exports import Percent
from ..permissions import user_can_view_team_reports
from ..views import export_response

PEOPLE_PER_PAGE = 50
EXPORT_CHUNK = 500  # people per levels query while exporting


class SkillsReportFilterForm(forms.Form):
    """The report's GET parameters; an invalid one is dropped, never widened."""

    unit = forms.IntegerField(required=False, min_value=1)
    category = forms.IntegerField(required=False, min_value=1)
    sort = forms.ChoiceField(
        required=False,
        choices=[
            ("name", gettext_lazy("Name")),
            ("gap", gettext_lazy("Largest gap first")),
        ],
    )

    def params(self) -> dict:
        self.is_valid()
        data = self.cleaned_data
        return {
            "unit": data.get("unit"),
            "category": data.get("category"),
            "sort": data.get("sort") or "name",
        }


def _allowed_params(request) -> dict:
    if not user_can_view_team_reports(request.user):
        raise PermissionDenied
    return SkillsReportFilterForm(request.GET).params()


def _matrix(user, params: dict) -> selectors.SkillsMatrix:
    return selectors.skills_matrix(
        user=user,
        unit_id=params["unit"],
        category_id=params["category"],
        sort=params["sort"],
    )


MATRIX_HEADER = [
    gettext_lazy("Employee number"),
    gettext_lazy("Name"),
    gettext_lazy("Org unit"),
    gettext_lazy("Role profile"),
    gettext_lazy("Skill category"),
    gettext_lazy("Skill"),
    gettext_lazy("Target level"),
    gettext_lazy("Current level"),
    gettext_lazy("Confirmed"),
    gettext_lazy("Gap"),
]


def _matrix_rows(
    matrix: selectors.SkillsMatrix, total: int | None = None
) -> Iterator[list]:
    """One row per matrix cell (a person with no skills gets one row), in chunks."""
    yes, no = _("yes"), _("no")
    total = matrix.people.count() if total is None else total
    for start in range(0, total, EXPORT_CHUNK):
        chunk = matrix.people[start : start + EXPORT_CHUNK]
        for person, cells in matrix.rows(chunk):
            about = [
                person.employee_number,
                person.display_name,
                str(person.org_unit),
                str(person.role_profile or ""),
            ]
            if not cells:
                yield [*about, "", "", "", "", "", ""]
            for skill, cell in zip(matrix.skills, cells, strict=True):
                yield [
                    *about,
                    skill.category.name,
                    skill.name,
                    cell.target if cell.target is not None else "",
                    cell.level if cell.level is not None else "",
                    (yes if cell.confirmed else no) if cell.level is not None else "",
                    cell.gap,
                ]


def matrix_export(user, params: dict) -> tuple[list, Iterator[list]]:
    """The matrix as export rows, for a background job (see tasks.BUILDERS)."""
    return [str(h) for h in MATRIX_HEADER], _matrix_rows(_matrix(user, params))


def _cells_html(rows: list) -> list[tuple]:
    """Each row's cells as one piece of HTML: 2,500 cells through the template
    language cost some 300 ms, this way ~15 ms. Every value is an int or a
    translated constant escaped once, so the result is safe.
    """
    words = {
        key: escape(text)
        for key, text in {
            "target": _("target"),
            "met": _("meets target"),
            "no_target": _("no target for this role"),
            "not_rated": _("not rated"),
            "unconfirmed": _("unconfirmed"),
        }.items()
    }
    below = {
        gap: escape(
            ngettext("%(gap)s level below target", "%(gap)s levels below target", gap)
            % {"gap": gap}
        )
        for gap in range(1, max(Level.values) + 1)
    }
    not_rated = (
        f'<span aria-hidden="true">–</span>'
        f'<span class="visually-hidden">{words["not_rated"]}</span>'
    )
    mark = (
        '<span class="unconfirmed-mark" aria-hidden="true">*</span>'
        f'<span class="visually-hidden"> ({words["unconfirmed"]})</span>'
    )
    html_rows = []
    for person, cells in rows:
        parts = []
        for cell in cells:
            if not cell.target:
                css, about = "no-target", words["no_target"]
            elif cell.gap:
                css = "gap-1" if cell.gap == 1 else "gap-2"
                about = f"{words['target']} {cell.target}, {below[cell.gap]}"
            else:
                css, about = "gap-0", f"{words['target']} {cell.target}, {words['met']}"
            value = not_rated if cell.level is None else str(cell.level)
            if cell.level is not None and not cell.confirmed:
                value += mark
            if cell.gap:
                value += (
                    f' <span class="gap-text" aria-hidden="true">−{cell.gap}</span>'
                )
            parts.append(
                f'<td class="cell {css}">{value}'
                f'<span class="visually-hidden">; {about}</span></td>'
            )
        html_rows.append((person, mark_safe("".join(parts))))  # noqa: S308 (see above)
    return html_rows


@login_required
def team_skills(request):
    params = _allowed_params(request)
    matrix = _matrix(request.user, params)
    if request.GET.get("format"):
        count = matrix.people.count()
        exported = export_response(
            request,
            kind="team-skills",
            params=params,
            filename="team-skills",
            header=[str(h) for h in MATRIX_HEADER],
            rows_qs_or_callable=lambda: _matrix_rows(matrix, count),
            row_count=count * max(len(matrix.skills), 1),
        )
        if exported is not None:
            return exported
    page = Paginator(matrix.people, PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "reports/team/skills_matrix.html",
        {
            "matrix": matrix,
            "page_obj": page,
            "rows": _cells_html(matrix.rows(page.object_list)),
            "params": params,
            "query": _query_without_page(request),
            "sorts": SkillsReportFilterForm.base_fields["sort"].choices,
            "levels": Level,
        },
    )


def _units(user, params: dict) -> dict:
    return selectors.skills_by_unit(
        user=user, unit_id=params["unit"], category_id=params["category"]
    )


UNITS_HEADER = [
    gettext_lazy("Org unit code"),
    gettext_lazy("Org unit"),
    gettext_lazy("Skill category"),
    gettext_lazy("Skill"),
    gettext_lazy("People with this target"),
    gettext_lazy("% at or above target"),
]


def _units_rows(report: dict) -> Iterator[list]:
    fewer = _("fewer than %(n)s") % {"n": report["small_cell"]}
    for unit, _headcount, cells in report["rows"]:
        for skill, cell in zip(report["skills"], cells, strict=True):
            if not cell.people:  # nobody here has a target in this skill
                values = ["", ""]
            elif cell.hidden:
                values = [fewer, fewer]
            else:
                values = [cell.people, Percent(cell.percent)]
            yield [unit.code, unit.name, skill.category.name, skill.name, *values]


def units_export(user, params: dict) -> tuple[list, Iterator[list]]:
    """The aggregate as export rows, for a background job (see tasks.BUILDERS)."""
    return [str(h) for h in UNITS_HEADER], _units_rows(_units(user, params))


@login_required
def team_skills_units(request):
    params = _allowed_params(request)
    report = _units(request.user, params)
    exported = export_response(
        request,
        kind="team-skills-units",
        params=params,
        filename="team-skills-by-unit",
        header=[str(h) for h in UNITS_HEADER],
        rows_qs_or_callable=lambda: _units_rows(report),
        row_count=len(report["rows"]) * len(report["skills"]),
    )
    if exported is not None:
        return exported
    return render(
        request,
        "reports/team/skills_units.html",
        {**report, "params": params, "query": _query_without_page(request)},
    )


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("format", None)
    return query.urlencode()
