from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingSiteConfig(AppConfig):
    """The site itself: home page, accounts, roles, navigation and dashboards."""

    name = "training_site"
    verbose_name = _("Training site")

    def ready(self):
        from django.contrib.auth.signals import user_logged_out
        from django.db import models
        from django.db.models.signals import post_migrate

        from wagtail.admin.ui.fields import register_display_class

        from certificates.attested_skills import skills_provider_connect
        from lib.admin_fields import LocalDateTimeDisplay
        from skills.selectors import course_skill_names

        from . import signal_handlers

        # Every inspect view in the admin shows times in Toronto time, not UTC.
        register_display_class(models.DateTimeField, display_class=LocalDateTimeDisplay)

        # Certificates and skills may not import each other; the site joins them,
        # so a certificate lists the skills its course builds.
        skills_provider_connect(course_skill_names)

        # Sent once per app; ours is first in INSTALLED_APPS but site_sync
        # creates every app's permissions itself, so the order does not matter.
        post_migrate.connect(
            signal_handlers.sync_site_after_migrate,
            sender=self,
            dispatch_uid="training_site.site_sync",
        )
        user_logged_out.connect(
            signal_handlers.say_signed_out, dispatch_uid="training_site.signed_out"
        )
