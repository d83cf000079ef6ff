"""Grade timed knowledge checks whose time ran out. Run every few minutes (cron)."""

from django.core.management.base import BaseCommand

from courses.quizzes.services import attempts_close_expired


class Command(BaseCommand):
    help = (
        "Close and grade time-limited attempts past their deadline plus a short grace."
    )

    def handle(self, *args, **options):
        closed = attempts_close_expired()
        self.stdout.write(f"Closed {closed} expired attempt(s).")
