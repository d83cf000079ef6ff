"""Admin listing columns: a plain column's cell reads as Wagtail's own."""

import re

from wagtail.admin.ui.tables import Column

from lib.admin_columns import PlainColumn


def _cell(column, value) -> str:
    column.accessor = lambda row: value
    html = column.render_cell_html({"x": value}, {"row": None, "table": None})
    return re.sub(r"\s+", "", str(html))


def test_a_plain_cell_is_wagtail_s_cell_without_its_template():
    for value in ["62%", "<b>hidden</b>", "", None, 7]:
        for classname in (None, "skill"):
            plain = _cell(PlainColumn("x", classname=classname), value)
            wagtail = _cell(Column("x", classname=classname), value)
            assert plain == wagtail, value
    assert _cell(PlainColumn("x"), "<b>") == "<td>&lt;b&gt;</td>"
