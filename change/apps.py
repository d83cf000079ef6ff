from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChangeConfig(AppConfig):
    """Change initiatives: affected people, readiness check-ins, suggested actions."""

    name = "change"
    verbose_name = _("Change initiatives")
