from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssignmentsConfig(AppConfig):
    """Mandatory training: assignments, due dates, reminders and report tallies."""

    name = "assignments"
    verbose_name = _("Mandatory training")

    def ready(self):
        from django.db.models.signals import post_delete, post_save, pre_save

        from courses.models import Enrolment
        from courses.signals import enrolment_progressed
        from people.models import Employee
        from people.signals import roster_applied

        from .signal_handlers import (
            expand_assignments_after_roster,
            note_unit_before_save,
            recount_after_employee_delete,
            recount_after_employee_save,
            sync_progress,
        )

        enrolment_progressed.connect(
            sync_progress, sender=Enrolment, dispatch_uid="assignments_progress"
        )
        roster_applied.connect(
            expand_assignments_after_roster, dispatch_uid="assignments_expand"
        )
        # Employees saved or deleted one at a time (the admin) keep the report
        # tallies right; bulk writes (roster imports) rebuild them instead.
        pre_save.connect(
            note_unit_before_save,
            sender=Employee,
            dispatch_uid="assignments_tally_unit",
        )
        post_save.connect(
            recount_after_employee_save,
            sender=Employee,
            dispatch_uid="assignments_tally_employee_save",
        )
        post_delete.connect(
            recount_after_employee_delete,
            sender=Employee,
            dispatch_uid="assignments_tally_employee_delete",
        )
