"""Issue the certificate of every completed course that has none.

    manage.py issue_missing_certificates

A course completion commits first and its certificate is issued right after,
in the same request (courses.services.completion_evaluate, after commit). An
app server that dies between the two (killed, out of memory, a power cut)
leaves a completed course without its certificate; so does a failure while
issuing, which is logged and never fails the learner's completion. Run from
cron every 5 minutes (docs/deployment.md, step 6), this issues those: issuing
is idempotent, so it never makes a second certificate for one completion.
"""

from django.core.management.base import BaseCommand
from django.db.models import Exists, OuterRef

from certificates.models import Certificate
from certificates.services import certificate_issue
from courses.models import Enrolment


class Command(BaseCommand):
    help = "Issue the certificate of every completed course that has none."

    def handle(self, *args, **options):
        issued = Certificate.objects.filter(
            enrolment_id=OuterRef("pk"), completed_at=OuterRef("completed_at")
        )
        missing = (
            Enrolment.objects.filter(completed_at__isnull=False)
            .exclude(Exists(issued))
            .select_related("user")
            .order_by("pk")
        )
        count = 0
        for enrolment in missing.iterator(chunk_size=200):
            certificate_issue(
                enrolment=enrolment,
                reason="Course completed; issued by the scheduled check.",
            )
            count += 1
        self.stdout.write(f"{count} completed courses had no certificate: issued")
