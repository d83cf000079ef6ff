"""Load the default skills framework (about 20 skills, 5 categories, 8 role profiles)."""

from django.core.management.base import BaseCommand, CommandError

from skills.framework_defaults import framework_load_default


class Command(BaseCommand):
    help = (
        "Add the default skills framework: categories, skills, level descriptors and "
        "role targets. Only adds what is missing; safe to run again."
    )

    def handle(self, *args, **options):
        result = framework_load_default()
        if result.errors:
            for error in result.errors:
                self.stderr.write(f"line {error.line} {error.column}: {error.message}")
            raise CommandError("The default framework did not load.")
        self.stdout.write(
            self.style.SUCCESS(
                f"Skills framework: {result.created} skills added, "
                f"{result.unchanged} already there, "
                f"{result.categories_created} categories added."
            )
        )
