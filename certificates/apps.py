from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    """Certificate designs, issued certificates, rendering and public verification."""

    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        from django.db.models.signals import post_migrate

        from courses.signals import course_completed

        from . import signal_handlers
        from .signals import certificate_issued

        course_completed.connect(
            signal_handlers.issue_on_course_completed,
            dispatch_uid="certificates.issue_on_course_completed",
        )
        certificate_issued.connect(
            signal_handlers.render_on_issued,
            dispatch_uid="certificates.render_on_issued",
        )
        post_migrate.connect(
            signal_handlers.ensure_default_design,
            sender=self,
            dispatch_uid="certificates.default_design",
        )
