"""Template filters for dates: one way to write them, valid in HTML."""

import datetime

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils import timezone

from lib.dates import html_datetime as _html_datetime

register = template.Library()


@register.filter(expects_localtime=False)
def html_datetime(value):
    """`<time datetime="{{ value|html_datetime }}">`: never microseconds."""
    if not value:
        return ""
    return _html_datetime(value)


@register.filter(expects_localtime=False)
def calendar_date(value):
    """ "12 Dec 2026", and for a moment "12 Dec 2026 14:05" in local time."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return date_filter(value, "j M Y H:i")
    return date_filter(value, "j M Y")
