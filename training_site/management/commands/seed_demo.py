"""Fill the site with demo data and demo logins. Safe to run again."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from people.demo import DEMO_USERNAMES, people_demo_seed

DEFAULT_PASSWORD = "learning-hub-demo"  # noqa: S105 (demo only; refused in production)


class Command(BaseCommand):
    help = (
        "Create demo data and the demo accounts employee, manager, trainer and admin."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            default=DEFAULT_PASSWORD,
            help="Password for the four demo accounts (default: %(default)s).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with production settings (it creates known passwords).",
        )

    def handle(self, *args, password, force, **options):
        if settings.ENVIRONMENT == "production" and not force:
            raise CommandError(
                "seed_demo creates accounts with a known password and refuses to run "
                "with production settings. Pass --force if you really mean it."
            )
        people_demo_seed(password=password)
        self.stdout.write(self.style.SUCCESS("Demo data is ready. Sign in with:"))
        for username in DEMO_USERNAMES:
            self.stdout.write(f"  {username:<10} password: {password}")
