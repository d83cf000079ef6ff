"""Fill the site with demo data and demo logins. Safe to run again."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from certificates.models import Certificate
from demo.assignments import assignments_demo_seed
from demo.certificates import certificates_demo_seed
from demo.change import adoption_demo_seed, change_demo_seed
from demo.courses import courses_demo_seed
from demo.people import DEMO_USERNAMES, MAX_HEADCOUNT, MIN_HEADCOUNT, people_demo_seed
from demo.skills import skills_demo_seed

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
        parser.add_argument(
            "--employees",
            type=int,
            metavar="N",
            help=(
                "Instead of the 300-person demo city, generate an organisation of N "
                "people (about 50 divisions for 40,000), for load testing. Running "
                "again with the same N changes nothing; another N adds that plan's "
                "missing units and people and never deletes anyone."
            ),
        )

    def handle(self, *args, password, force, employees, **options):
        if settings.ENVIRONMENT == "production" and not force:
            raise CommandError(
                "seed_demo creates accounts with a known password and refuses to run "
                "with production settings. Pass --force if you really mean it."
            )
        if employees is not None and not MIN_HEADCOUNT <= employees <= MAX_HEADCOUNT:
            raise CommandError(
                f"--employees must be between {MIN_HEADCOUNT} and {MAX_HEADCOUNT}."
            )
        started = time.monotonic()
        result = people_demo_seed(password=password, employees=employees)
        self.stdout.write(
            f"Organisation: created {result.people_created:,} people and "
            f"{result.units_created:,} units in {time.monotonic() - started:.1f} s "
            f"({result.people_total:,} people, {result.units_total:,} units, "
            f"{result.max_depth} levels deep)."
        )
        started = time.monotonic()
        courses_demo_seed()
        self.stdout.write(
            f"Courses: published and progress seeded in {time.monotonic() - started:.1f} s."
        )
        started = time.monotonic()
        assigned = assignments_demo_seed()
        self.stdout.write(
            f"Mandatory training: {assigned:,} people newly assigned "
            f"in {time.monotonic() - started:.1f} s."
        )
        started = time.monotonic()
        new = certificates_demo_seed()
        self.stdout.write(
            f"Certificates: {Certificate.objects.count()} issued ({new} new) "
            f"in {time.monotonic() - started:.1f} s."
        )
        started = time.monotonic()
        skills = skills_demo_seed()
        self.stdout.write(
            f"Skills: framework loaded, {skills['people_rated']} people rated "
            f"in {time.monotonic() - started:.1f} s."
        )
        started = time.monotonic()
        answers = change_demo_seed()
        self.stdout.write(
            f"Change initiatives: {answers} check-in answers written "
            f"in {time.monotonic() - started:.1f} s."
        )
        started = time.monotonic()
        usage = adoption_demo_seed()
        self.stdout.write(
            f"Adoption: {usage} days of tool usage written "
            f"in {time.monotonic() - started:.1f} s."
        )
        self.stdout.write(self.style.SUCCESS("Demo data is ready. Sign in with:"))
        for username in DEMO_USERNAMES:
            self.stdout.write(f"  {username:<10} password: {password}")
