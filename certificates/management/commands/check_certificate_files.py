"""Check every certificate's stored PDF against the SHA-256 recorded when it was issued.

    manage.py check_certificate_files [--json FILE]

After a restore (docs/deployment.md, "Backups") this proves the copy serves
the very files that were issued: the public verification page compares an
uploaded PDF with the same recorded hash. Exits 1 if any file is missing or
differs; `--json` writes {certificate number: {"sha256": of the stored file,
"verification_code": …, "file": its name in storage}} for scripts/restore-drill.sh to compare copies.
"""

import hashlib
import json

from django.core.management.base import BaseCommand, CommandError

from certificates.models import Certificate


class Command(BaseCommand):
    help = "Check each certificate's stored PDF against its recorded SHA-256."

    def add_arguments(self, parser):
        parser.add_argument(
            "--json", dest="json_path", help="write each number's SHA-256 to this file"
        )

    def handle(self, *args, json_path: str | None = None, **options):
        found: dict[str, dict[str, str]] = {}
        missing, differ = [], []
        rows = (
            Certificate.objects.exclude(pdf="")
            .order_by("pk")
            .values_list("number", "verification_code", "pdf", "pdf_sha256")
        )
        storage = Certificate._meta.get_field("pdf").storage
        for number, code, name, recorded in rows.iterator(chunk_size=500):
            digest = _sha256(storage, name)
            if digest is None:
                missing.append(number)
                continue
            found[number] = {"sha256": digest, "verification_code": code, "file": name}
            if digest != recorded:
                differ.append(number)
        if json_path:
            _write(json_path, found)
        matching = len(found) - len(differ)
        self.stdout.write(
            f"{matching + len(differ) + len(missing)} certificate PDFs: {matching} match "
            f"their recorded SHA-256, {len(differ)} differ, {len(missing)} missing"
        )
        if missing or differ:
            raise CommandError(
                "Not the issued files: "
                + ", ".join(
                    [
                        *(f"{n} missing" for n in missing),
                        *(f"{n} differs" for n in differ),
                    ][:20]
                )
            )


def _sha256(storage, name: str) -> str | None:
    if not storage.exists(name):
        return None
    digest = hashlib.sha256()
    with storage.open(name, "rb") as stored:
        for chunk in iter(lambda: stored.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _write(path: str, found: dict) -> None:
    with open(path, "w") as out:
        json.dump(found, out, indent=1, sort_keys=True)
