from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChangeConfig(AppConfig):
    """Change initiatives: affected people, readiness check-ins, suggested actions."""

    name = "change"
    verbose_name = _("Change initiatives")

    def ready(self):
        from people.signals import employee_changed, roster_applied

        from .signal_handlers import (
            refresh_adoption_after_employee_change,
            refresh_adoption_after_roster,
            refresh_readiness_after_roster,
        )

        roster_applied.connect(
            refresh_readiness_after_roster, dispatch_uid="change_readiness_roster"
        )
        roster_applied.connect(
            refresh_adoption_after_roster, dispatch_uid="change_adoption_roster"
        )
        employee_changed.connect(
            refresh_adoption_after_employee_change,
            dispatch_uid="change_adoption_employee",
        )
