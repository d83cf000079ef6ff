from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    """The organisation: org units, role profiles, employees and who may see whom."""

    name = "people"
    verbose_name = _("People")
