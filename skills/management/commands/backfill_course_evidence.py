"""Record skills evidence for past course completions that have none yet."""

from django.core.management.base import BaseCommand

from skills.services import course_evidence_backfill


class Command(BaseCommand):
    help = (
        "Record course evidence for completions of courses with skill outcomes "
        "(after outcomes were added to a course, or if a signal failed). Idempotent."
    )

    def handle(self, *args, **options):
        looked_at = course_evidence_backfill()
        self.stdout.write(
            self.style.SUCCESS(f"Course evidence checked for {looked_at} completions.")
        )
