from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SkillsConfig(AppConfig):
    """The skills framework, role targets, assessments and gaps."""

    name = "skills"
    verbose_name = _("Skills")

    def ready(self):
        from wagtail.admin.panels import InlinePanel

        from courses.models import CoursePage
        from courses.signals import course_completed

        from . import signal_handlers

        # Courses stay unaware of skills: the outcomes panel is added from here,
        # before Wagtail first builds (and caches) the page's edit handler.
        if not any(
            getattr(panel, "relation_name", None) == "skill_outcomes"
            for panel in CoursePage.content_panels
        ):
            CoursePage.content_panels = [
                *CoursePage.content_panels,
                InlinePanel(
                    "skill_outcomes",
                    label=_("Skill outcomes"),
                    heading=_("Skills this course builds"),
                    help_text=_(
                        "Completing the course records this level as course "
                        "evidence for each skill."
                    ),
                ),
            ]
            if hasattr(
                CoursePage, "get_edit_handler"
            ):  # set by wagtail.admin's ready()
                CoursePage.get_edit_handler.cache_clear()
        course_completed.connect(
            signal_handlers.record_course_evidence,
            dispatch_uid="skills.record_course_evidence",
        )
