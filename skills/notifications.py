"""Telling an employee that their manager has reviewed their skills (email, text + HTML)."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from .models import SelfAssessment
from .selectors.assessments import review_items

logger = logging.getLogger(__name__)


def review_notify(*, self_assessment: SelfAssessment) -> bool:
    """Email the employee a summary of the review; False if they have no address."""
    employee = self_assessment.employee
    address = employee.email or employee.user.email
    if not address:
        return False
    items = review_items(self_assessment=self_assessment)
    reviewer = self_assessment.reviewed_by
    context = {
        "employee": employee,
        "reviewer_name": reviewer.get_full_name() or reviewer.get_username(),
        "items": items,
        "confirmed": sum(1 for i in items if i["manager"].level == i["self"].level),
        "adjusted": sum(1 for i in items if i["manager"].level != i["self"].level),
        "url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("skills:my-skills"),
    }
    subject = render_to_string("skills/email/review_done_subject.txt", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=render_to_string("skills/email/review_done.txt", context),
        to=[address],
    )
    message.attach_alternative(
        render_to_string("skills/email/review_done.html", context), "text/html"
    )
    try:
        message.send()
    except OSError:
        # The review is saved and shows on My skills; a mail outage must not undo it.
        logger.exception("Could not email review of %s", self_assessment.pk)
        return False
    return True
