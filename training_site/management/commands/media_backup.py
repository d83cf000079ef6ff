"""Copy every media file into a tar archive, from any storage backend.

    manage.py media_backup FILE.tar

scripts/backup.sh uses this when media lives in Azure Blob Storage or S3
(MEDIA_STORAGE), and `tar` on MEDIA_ROOT otherwise; the archives are alike, so
`media_restore` puts either back into a folder, a container or a bucket. Each
member is named as in storage and streamed, never held whole in memory.
"""

import tarfile

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.utils import timezone

from lib.storage import storage_walk


class Command(BaseCommand):
    help = "Write every media file into a tar archive."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="the .tar file to write")

    def handle(self, *args, archive: str, **options):
        count = 0
        with tarfile.open(archive, "w") as tar:
            for name in sorted(storage_walk(default_storage)):
                info = tarfile.TarInfo(name)
                info.size = default_storage.size(name)
                info.mtime = int(timezone.now().timestamp())
                info.mode = 0o640
                with default_storage.open(name, "rb") as stored:
                    tar.addfile(info, stored)
                count += 1
        self.stdout.write(f"{count} media files written to {archive}")
