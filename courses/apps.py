from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    """Learning content (Wagtail pages) and learners' progress through it."""

    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from django.db.models.signals import post_delete

        from wagtail.signals import page_published, page_unpublished, post_page_move

        from people.signals import roster_applied

        from .signal_handlers import content_changed, expand_assignments_after_roster

        roster_applied.connect(
            expand_assignments_after_roster, dispatch_uid="courses_expand_assignments"
        )
        for signal in (page_published, page_unpublished, post_page_move, post_delete):
            signal.connect(content_changed, dispatch_uid="courses_content_changed")
