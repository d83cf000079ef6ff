"""The monthly completions chart labels a month with its whole year: "Dec 2026",
never "Dec 26", which reads as a date (issue 13, item 15b)."""

import re
from datetime import timedelta

from django.urls import reverse

import pytest

from tests.reports.builders import TODAY

TRAINING = reverse("reports:team-training")


@pytest.mark.django_db
def test_chart_labels_name_the_month_and_the_whole_year(client_for, personas, known):
    page = client_for(personas["manager"]).get(
        TRAINING, {"assignment": known["assignment"].pk}
    )
    chart = page.text.split('class="month-chart ', 1)[1].split("</figure>")[0]
    labels = re.findall(r'<span class="small">([^<]*[A-Za-z][^<]*)</span>', chart)
    months = sorted({(TODAY - timedelta(days=days)).replace(day=1) for days in (2, 20)})
    assert labels == [f"{month:%b %Y}" for month in months]
