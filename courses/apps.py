from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    """Learning content (Wagtail pages) and learners' progress through it."""

    name = "courses"
    verbose_name = _("Courses")
