"""Receivers wired in CertificatesConfig.ready()."""

import logging

from django.db import connections

logger = logging.getLogger(__name__)


def issue_on_course_completed(sender, enrolment, **kwargs):
    """A course was completed: issue its certificate, and any learning path's it finishes."""
    from courses.models import LearningPathPage

    from .services import certificate_issue, certificate_issue_for_path

    try:
        certificate_issue(enrolment=enrolment)
        paths = (
            LearningPathPage.objects.live()
            .filter(path_courses__course_id=enrolment.course_id)
            .distinct()
        )
        for path in paths:
            certificate_issue_for_path(user=enrolment.user, path=path)
    except Exception:
        # The learner's completion is already committed and must not fail with
        # us; the bulk job issues whatever is missing later.
        logger.exception("Could not issue a certificate for enrolment %s", enrolment.pk)


def ensure_default_design(sender, using="default", **kwargs):
    """Recreate the default design after `migrate` or a test flush."""
    from .models import CertificateDesign
    from .services import design_default_ensure

    # `migrate certificates zero` also ends with post_migrate: no table, no design.
    if (
        CertificateDesign._meta.db_table
        in connections[using].introspection.table_names()
    ):
        design_default_ensure()
