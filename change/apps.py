from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChangeConfig(AppConfig):
    """Change initiatives: affected people, readiness check-ins, suggested actions."""

    name = "change"
    verbose_name = _("Change initiatives")

    def ready(self):
        from people.signals import roster_applied

        from .signal_handlers import refresh_readiness_after_roster

        roster_applied.connect(
            refresh_readiness_after_roster, dispatch_uid="change_readiness_roster"
        )
