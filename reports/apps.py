from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """*My team*, the organisation-wide admin reports and spreadsheet exports."""

    name = "reports"
    verbose_name = _("Reports")
