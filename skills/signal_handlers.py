"""Receivers wired in SkillsConfig.ready()."""

import logging

from .services import course_evidence_record

logger = logging.getLogger(__name__)


def record_course_evidence(sender, enrolment, **kwargs):
    """A course was completed: its skill outcomes become course evidence."""
    try:
        course_evidence_record(enrolment=enrolment)
    except Exception:
        # The completion is already committed and must not fail with us;
        # `manage.py backfill_course_evidence` records whatever is missing later.
        logger.exception("Could not record course evidence for %s", enrolment.pk)
