"""Create the media container (Azure), bucket (S3) or folder if it is missing.

    manage.py prepare_media_storage

django-storages writes into a container or bucket but never creates one. Run
this once per deployment step (docs/deployment.md, step 3); a second run, or
one on another host at the same moment, changes nothing. It then writes,
reads back and deletes a small file, so wrong credentials fail here and not on
the first certificate.
"""

import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError

from lib.storage import storage_prepare


class Command(BaseCommand):
    help = "Create the media container, bucket or folder if missing, then test it."

    def handle(self, *args, **options):
        where = _describe(default_storage)
        try:
            created = storage_prepare(default_storage)
            _round_trip(default_storage)
        except Exception as error:  # any backend's own error, reported in one line
            raise CommandError(
                f"Media storage ({where}) is not usable: {type(error).__name__}: {error}"
            ) from error
        self.stdout.write(f"Media storage {where}: {'created' if created else 'ready'}")


def _describe(storage) -> str:
    for attribute, label in (
        ("azure_container", "Azure container"),
        ("bucket_name", "S3 bucket"),
        ("location", "folder"),
    ):
        if value := getattr(storage, attribute, None):
            return f"{label} {value}"
    return type(storage).__name__


def _round_trip(storage) -> None:
    name = storage.save(f"health/prepare-{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    try:
        with storage.open(name, "rb") as stored:
            if stored.read() != b"ok":
                raise RuntimeError("a file written did not read back the same")
    finally:
        storage.delete(name)
