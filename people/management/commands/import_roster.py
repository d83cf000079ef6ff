"""Import the HR roster CSV: all rows or nothing. See docs/roster-import.md."""

import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from people.roster import RosterError, RosterFileError, RosterResult, roster_import


class Command(BaseCommand):
    help = (
        "Import the HR roster from a CSV file. Every row is checked first; if any "
        "row is wrong nothing is written and the command exits with status 1."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to the roster CSV (UTF-8).")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the file and report what would change, without writing.",
        )
        parser.add_argument(
            "--deactivate-missing",
            action="store_true",
            help="Deactivate active employees whom the file leaves out.",
        )
        parser.add_argument(
            "--allow-mass-deactivation",
            action="store_true",
            help="Allow deactivating more than 5%% of active employees at once.",
        )
        parser.add_argument(
            "--format",
            choices=["text", "json"],
            default="text",
            help="Output format (default: %(default)s).",
        )
        parser.add_argument(
            "--actor",
            metavar="USERNAME",
            help="Record the import as done by this user.",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        actor = None
        if options["actor"]:
            actor = get_user_model().objects.filter(username=options["actor"]).first()
            if actor is None:
                raise CommandError(f"No user with the username {options['actor']!r}.")
        try:
            result = roster_import(
                data=path.read_bytes(),
                actor=actor,
                filename=path.name,
                dry_run=options["dry_run"],
                deactivate_missing=options["deactivate_missing"],
                allow_mass_deactivation=options["allow_mass_deactivation"],
            )
        except OSError as exc:
            result = RosterResult(errors=[RosterError(0, "", str(path), str(exc))])
        except RosterFileError as exc:
            result = RosterResult(errors=[exc.as_error()])

        if options["format"] == "json":
            self.stdout.write(json.dumps(result.as_summary(), ensure_ascii=False))
        else:
            self._write_text(result, path, dry_run=options["dry_run"])
        if result.errors:
            raise CommandError(
                f"Roster rejected with {len(result.errors)} error(s); "
                "nothing was written."
            )

    def _write_text(self, result: RosterResult, path: Path, *, dry_run: bool) -> None:
        if result.errors:
            self.stdout.write(f"{path.name}: rejected, nothing was written.")
            for error in result.errors:
                self.stdout.write("  " + _error_line(error))
            return
        verb = "would be" if dry_run else "were"
        self.stdout.write(
            f"{path.name}: {result.row_count} rows"
            + (" (dry run: nothing was written)" if dry_run else "")
        )
        for label in ("created", "updated", "deactivated", "unchanged"):
            self.stdout.write(f"  {label:<12} {getattr(result, label):>7}")
        if result.units_created or result.units_updated:
            self.stdout.write(
                f"  org units: {result.units_created} {verb} created, "
                f"{result.units_updated} {verb} renamed or moved"
            )
        if result.applied:
            self.stdout.write(self.style.SUCCESS("Roster imported."))


def _error_line(error: RosterError) -> str:
    where = f"line {error.line}" if error.line else "file"
    if error.column:
        where += f", {error.column}"
        if error.value:
            where += f" {error.value!r}"
    return f"{where}: {error.message}"
