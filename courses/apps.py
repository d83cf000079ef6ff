from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    """Learning content (Wagtail pages) and learners' progress through it."""

    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from people.signals import roster_applied

        from .signal_handlers import expand_assignments_after_roster

        roster_applied.connect(
            expand_assignments_after_roster, dispatch_uid="courses_expand_assignments"
        )
