"""Send the day's training reminders and managers' weekly digests. Run daily (cron).

It also counts the report tallies for the new day, so that the first person
to open the organisation-wide report does not wait for it.
"""

from django.core.management.base import BaseCommand

from assignments.reminders import reminders_send
from assignments.tallies import tallies_rebuild
from lib.dates import command_date


class Command(BaseCommand):
    help = (
        "Add newcomers to assignments, re-open expiring completions, and queue the "
        "reminder e-mails due today (14 days, 3 days, overdue; one e-mail per "
        "person) and the weekly "
        "manager digests, then count the report tallies for today. Safe to run "
        "more than once a day: it sends nothing twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            help="Act as if today were this date (YYYY-MM-DD), for tests or a backfill.",
        )

    def handle(self, *args, **options):
        today = command_date(options["date"])
        counts = reminders_send(today=today)
        self.stdout.write(
            "Assigned {assigned} newcomer(s), re-opened {reopened} for "
            "recertification.\n"
            "Queued reminders: {due_14} due in 14 days, {due_3} due in 3 days, "
            "{overdue} overdue; {digests} manager digest(s).\n"
            "Learner e-mails: {emails} (one per person, listing all their reminders).\n"
            "Skipped {skipped_no_email} without an e-mail address.".format(**counts)
        )
        self.stdout.write(f"Report tallies counted again: {tallies_rebuild():,} rows.")
