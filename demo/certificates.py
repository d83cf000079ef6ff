"""Demo certificates for `seed_demo`. Idempotent: nothing is issued twice."""

from django.db import transaction

from certificates.models import Certificate
from certificates.services import (
    certificate_issue,
    certificate_issue_for_path,
    certificate_pdf_ensure,
    design_default_ensure,
)
from courses.models import Enrolment, LearningPathPage


def certificates_demo_seed() -> int:
    """Make sure every demo completion has its certificate and PDF; return how many were new.

    Completing courses in the demo already issues certificates (the signal);
    this catches completions seeded before certificates existed.
    """
    design_default_ensure()
    before = Certificate.objects.count()
    with transaction.atomic():
        for enrolment in Enrolment.objects.completed().select_related("user__employee"):
            certificate_issue(enrolment=enrolment, render=False)
        users = {e.user for e in Enrolment.objects.completed().select_related("user")}
        for path in LearningPathPage.objects.live():
            for user in users:
                certificate_issue_for_path(user=user, path=path, render=False)
    for certificate in Certificate.objects.filter(pdf_sha256=""):
        certificate_pdf_ensure(certificate=certificate)
    return Certificate.objects.count() - before
