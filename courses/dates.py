"""Calendar arithmetic shared by courses and the apps above it."""

import calendar
from datetime import date, datetime

from django.utils import timezone


def add_months(day: date, months: int) -> date:
    """`day` plus whole months, clamped to the month's end (31 Jan + 1 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def completion_valid_on(
    *, completed_at: datetime | None, validity_months: int | None, today: date
) -> bool:
    """Whether a completion still counts on `today`: it lasts through its expiry date."""
    if completed_at is None:
        return False
    if not validity_months:
        return True
    return add_months(timezone.localdate(completed_at), validity_months) >= today
