from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SkillsConfig(AppConfig):
    """The skills framework, role targets, assessments and gaps."""

    name = "skills"
    verbose_name = _("Skills")
