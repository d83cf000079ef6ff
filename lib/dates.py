"""Dates as people read them and as HTML's `datetime` attribute accepts them."""

import datetime

from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.timesince import timesince, timeuntil
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def html_datetime(value: datetime.date | datetime.datetime) -> str:
    """The value as a valid HTML `datetime`: a date, or local time to the second."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        # HTML allows at most three digits of a second's fraction; Python's
        # isoformat() writes six, which the Nu checker rejects.
        return value.replace(microsecond=0).isoformat()
    return value.isoformat()


def relative_date(
    value: datetime.date | datetime.datetime, *, now: datetime.datetime | None = None
) -> str:
    """'in 10 days', '3 days ago', 'today': the future is never 'just now'."""
    now = timezone.localtime(now) if now else timezone.localtime()
    if isinstance(value, datetime.datetime):
        moment = value if timezone.is_aware(value) else timezone.make_aware(value)
        seconds = (moment - now).total_seconds()
        if abs(seconds) < 60:
            return _("just now")
        if abs(seconds) < 86400:
            if seconds > 0:
                return _("in %(time)s") % {"time": timeuntil(moment, now, depth=1)}
            return _("%(time)s ago") % {"time": timesince(moment, now, depth=1)}
        value = timezone.localtime(moment).date()
    # Whole days from today, like a due date is read; months and years past a month.
    days = (value - now.date()).days
    if days == 0:
        return _("today")
    if abs(days) < 31:
        if days > 0:
            return ngettext("in %(n)d day", "in %(n)d days", days) % {"n": days}
        return ngettext("%(n)d day ago", "%(n)d days ago", -days) % {"n": -days}
    midnight = datetime.datetime.combine(value, datetime.time())
    today = datetime.datetime.combine(now.date(), datetime.time())
    if days > 0:
        return _("in %(time)s") % {"time": timeuntil(midnight, today, depth=1)}
    return _("%(time)s ago") % {"time": timesince(midnight, today, depth=1)}


def command_date(value: str | None) -> datetime.date | None:
    """A management command's --date (YYYY-MM-DD), or None for today.

    Periodic commands take it to act as if today were that day (tests, backfills).
    """
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError("--date must look like 2026-11-26.") from error
