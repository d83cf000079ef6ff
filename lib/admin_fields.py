"""How the Wagtail admin's inspect views show our model fields."""

from django.utils import formats, timezone

from wagtail.admin.ui.components import Component


class LocalDateTimeDisplay(Component):
    """A date and time in the site's time zone (Toronto), as listings show it.

    Wagtail's inspect view formats a datetime with `|localize`, which skips the
    conversion to local time that plain template output does: it showed UTC.
    """

    def __init__(self, value):
        self.value = value

    def render_html(self, parent_context=None) -> str:
        if self.value is None:
            return ""
        value = (
            timezone.localtime(self.value)
            if timezone.is_aware(self.value)
            else self.value
        )
        return formats.date_format(value, "DATETIME_FORMAT")
