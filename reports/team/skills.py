"""*My team* skills reports: the people × skills matrix and its aggregate by unit.

Both are `TeamReportView`s: with `?format=csv|xlsx` they export the same rows
(every page of them) as the page shows.
"""

from collections.abc import Iterator

from django.core.paginator import Paginator
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from skills import selectors
from skills.models import Level

from ..exports import Percent
from .base import TeamReportView
from .forms import SkillsReportFilterForm

PEOPLE_PER_PAGE = 50
EXPORT_CHUNK = 500  # people per levels query while exporting


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


class TeamSkillsReportView(TeamReportView):
    """People × skills, coloured by the gap to their role's target."""

    template_name = "reports/team/skills_matrix.html"
    filter_form_class = SkillsReportFilterForm
    export_kind = "team-skills"
    export_filename = "team-skills"
    export_headings = [
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
    people_count: int | None = None  # counted once per request, for both uses

    def get_report(self) -> selectors.SkillsMatrix:
        return selectors.skills_matrix(
            user=self.user,
            unit_id=self.params["unit"],
            category_id=self.params["category"],
            sort=self.params["sort"],
        )

    def export_count(self) -> int:
        self.people_count = self.report.people.count()
        return self.people_count * max(len(self.report.skills), 1)

    def export_rows(self) -> Iterator[list]:
        return _matrix_rows(self.report, self.people_count)

    def get_context_data(self) -> dict:
        matrix = self.report
        page = Paginator(matrix.people, PEOPLE_PER_PAGE).get_page(
            self.request.GET.get("page")
        )
        return {
            "matrix": matrix,
            "page_obj": page,
            "rows": _cells_html(matrix.rows(page.object_list)),
            "sorts": SkillsReportFilterForm.base_fields["sort"].choices,
            "levels": Level,
        }


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


class TeamSkillsUnitsReportView(TeamReportView):
    """Per org unit, the share of people at or above their target in each skill."""

    template_name = "reports/team/skills_units.html"
    filter_form_class = SkillsReportFilterForm
    export_kind = "team-skills-units"
    export_filename = "team-skills-by-unit"
    export_headings = [
        gettext_lazy("Org unit code"),
        gettext_lazy("Org unit"),
        gettext_lazy("Skill category"),
        gettext_lazy("Skill"),
        gettext_lazy("People with this target"),
        gettext_lazy("% at or above target"),
    ]

    def get_report(self) -> dict:
        return selectors.skills_by_unit(
            user=self.user,
            unit_id=self.params["unit"],
            category_id=self.params["category"],
        )

    def export_count(self) -> int:
        return len(self.report["rows"]) * len(self.report["skills"])

    def export_rows(self) -> Iterator[list]:
        return _units_rows(self.report)

    def get_context_data(self) -> dict:
        return self.report
