"""Put the files of a media archive back into media storage, which must be empty.

    manage.py media_restore FILE.tar
    manage.py media_restore --check-empty

The archive is `media_backup`'s or a `tar` of MEDIA_ROOT (scripts/backup.sh).
Refuses a storage that already holds files, so a backup is never mixed into
live media; `--check-empty` only makes that check (scripts/restore.sh runs it
before touching the database). Creates the container or bucket if missing.
"""

import tarfile

from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError

from lib.storage import storage_prepare, storage_walk


class Command(BaseCommand):
    help = "Restore a media archive into empty media storage."

    def add_arguments(self, parser):
        parser.add_argument("archive", nargs="?", help="the .tar file to read")
        parser.add_argument(
            "--check-empty", action="store_true", help="only check it is empty"
        )

    def handle(self, *args, archive: str | None, check_empty: bool, **options):
        storage_prepare(default_storage)
        if next(storage_walk(default_storage), None) is not None:
            raise CommandError("Media storage is not empty: restore into an empty one.")
        if check_empty:
            return
        if not archive:
            raise CommandError("Name the archive to restore.")
        count = 0
        with tarfile.open(archive, "r") as tar:
            for member in tar:
                if not member.isfile():
                    continue
                name = member.name.removeprefix("./")
                saved = default_storage.save(name, File(tar.extractfile(member)))
                if saved != name:
                    raise CommandError(f"{name} was stored as {saved}")
                count += 1
        self.stdout.write(f"{count} media files restored from {archive}")
