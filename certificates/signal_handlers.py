"""Receivers wired in CertificatesConfig.ready()."""

import logging

from django.db import connections

from courses.models import LearningPathPage

from .models import CertificateDesign
from .services import (
    certificate_issue,
    certificate_issue_for_path,
    design_default_ensure,
)
from .tasks import render_certificate

logger = logging.getLogger(__name__)


def issue_on_course_completed(sender, enrolment, **kwargs):
    """A course was completed: issue its certificate, and any learning path's it finishes."""
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


def render_on_issued(sender, certificate, render, **kwargs):
    """A certificate was issued: render its PDF in the background (inline when Immediate)."""
    if render:
        render_certificate.enqueue(certificate_id=certificate.pk)


def ensure_default_design(sender, using="default", **kwargs):
    """Recreate the default design after `migrate` or a test flush."""
    # `migrate certificates zero` also ends with post_migrate: no table, no design.
    if (
        CertificateDesign._meta.db_table
        in connections[using].introspection.table_names()
    ):
        design_default_ensure()
