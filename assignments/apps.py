from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssignmentsConfig(AppConfig):
    """Mandatory training: assignments, due dates, reminders and report tallies."""

    name = "assignments"
    verbose_name = _("Mandatory training")

    def ready(self):
        from courses.models import Enrolment
        from courses.signals import enrolment_progressed
        from people.models import Employee
        from people.signals import employee_changed, roster_applied

        from .signal_handlers import (
            expand_assignments_after_roster,
            recount_after_employee_change,
            sync_progress,
        )

        enrolment_progressed.connect(
            sync_progress, sender=Enrolment, dispatch_uid="assignments_progress"
        )
        roster_applied.connect(
            expand_assignments_after_roster, dispatch_uid="assignments_expand"
        )
        # One employee saved or deleted in the admin recounts the report
        # tallies of their units; a roster import rebuilds them instead.
        employee_changed.connect(
            recount_after_employee_change,
            sender=Employee,
            dispatch_uid="assignments_tally_employee",
        )
