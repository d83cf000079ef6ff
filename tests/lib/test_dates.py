"""Dates as people read them: the future is "in …", never "just now"."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from lib.dates import html_datetime, relative_date

TORONTO = ZoneInfo("America/Toronto")
NOW = datetime.datetime(2026, 12, 1, 15, 30, 12, 345678, tzinfo=TORONTO)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (NOW.date(), "today"),
        (datetime.date(2026, 12, 2), "in 1 day"),
        (datetime.date(2026, 12, 11), "in 10 days"),
        (datetime.date(2026, 11, 28), "3 days ago"),
        (datetime.date(2029, 12, 1), "in 3\xa0years"),
        (datetime.date(2026, 8, 1), "4\xa0months ago"),
        (NOW + datetime.timedelta(seconds=20), "just now"),
        (NOW + datetime.timedelta(hours=3), "in 3\xa0hours"),
        (NOW - datetime.timedelta(hours=3), "3\xa0hours ago"),
        (NOW + datetime.timedelta(days=10), "in 10 days"),
        (NOW - datetime.timedelta(days=3), "3 days ago"),
    ],
)
def test_relative_date(settings, value, expected):
    settings.TIME_ZONE = "America/Toronto"
    assert relative_date(value, now=NOW) == expected


def test_html_datetime_has_no_microseconds_and_is_local(settings):
    settings.TIME_ZONE = "America/Toronto"
    utc = NOW.astimezone(datetime.UTC)
    assert html_datetime(utc) == "2026-12-01T15:30:12-05:00"
    assert html_datetime(NOW.date()) == "2026-12-01"
