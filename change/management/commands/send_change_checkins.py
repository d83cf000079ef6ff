"""Send the day's change check-in invitations and reminders. Run daily (cron)."""

from django.core.management.base import BaseCommand

from change.reminders import MAX_REMINDERS, REMINDER_GAP_DAYS, checkins_send
from change.tasks import (
    adoption_results_refresh_stale,
    readiness_results_refresh_stale,
)
from lib.dates import command_date


class Command(BaseCommand):
    help = (
        "For every open check-in round of an active change initiative, invite the "
        "affected people who have not been invited, and remind those who have not "
        f"answered (at most {MAX_REMINDERS} times, {REMINDER_GAP_DAYS} days apart). "
        "Safe to run more than once a day: it sends nothing twice. Then queues "
        "the readiness results of every initiative a round of which has closed "
        "since they were last computed, and the adoption figures of every "
        "initiative with usage data (the 30-day window moves daily)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            help="Act as if today were this date (YYYY-MM-DD), for tests or a backfill.",
        )

    def handle(self, *args, **options):
        today = command_date(options["date"])
        counts = checkins_send(today=today)
        counts["results"] = readiness_results_refresh_stale(today=today)
        counts["adoption"] = adoption_results_refresh_stale(today=today)
        self.stdout.write(
            "Open rounds: {rounds}. Queued {invited} invitation(s) and {reminded} "
            "reminder(s). Skipped {skipped_no_email} without an e-mail "
            "address. Queued {results} readiness result refresh(es). Queued "
            "{adoption} adoption figure refresh(es).".format(**counts)
        )
