"""Store an uploaded package's files in media storage and record it; delete one."""

import hashlib
import tempfile
import uuid
import zipfile
from typing import BinaryIO

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Package
from .archive import PackageManifest, PackageRejected, read_package, unpacked_files


def package_limits() -> dict[str, int]:
    """PACKAGE_MAX_FILES and PACKAGE_MAX_UNPACKED_BYTES, as read_package takes them."""
    return {
        "max_files": settings.PACKAGE_MAX_FILES,
        "max_bytes": settings.PACKAGE_MAX_UNPACKED_BYTES,
    }


def package_inspect(upload: BinaryIO) -> tuple[PackageManifest, zipfile.ZipFile]:
    """read_package with this site's limits (PackageRejected says what is wrong)."""
    return read_package(upload, **package_limits())


def package_create(
    *, upload: BinaryIO, title: str = "", uploaded_by: AbstractBaseUser | None
) -> Package:
    """Check the ZIP, unpack it under a new folder, record it; PackageRejected if not.

    Nothing is recorded until every file is stored, and a refusal half-way
    deletes what was stored: a package is there whole or not at all.
    """
    manifest, archive = package_inspect(upload)
    package = Package(
        key=uuid.uuid4(),
        title=(title.strip() or manifest.title or _("Untitled package"))[:255],
        standard=manifest.standard,
        identifier=manifest.identifier[:500],
        launch=manifest.launch,
        launch_parameters=manifest.launch_parameters,
        mastery_score=manifest.mastery_score,
        file_count=manifest.file_count,
        unpacked_bytes=manifest.unpacked_bytes,
        sha256=_sha256(upload),
        uploaded_by=uploaded_by,
    )
    stored = []
    try:
        for info, member in unpacked_files(
            archive, max_bytes=package_limits()["max_bytes"]
        ):
            name = package.folder + info.filename
            # Copied through the checked reader into a seekable file (in memory
            # up to 8 MB, on disk above): object-store clients seek and rewind.
            with tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024) as spooled:
                while block := member.read(1024 * 1024):
                    spooled.write(block)
                spooled.seek(0)
                # Listed before saving: a save cut short may leave part of it.
                stored.append(name)
                saved = default_storage.save(name, File(spooled, name=info.filename))
                stored[-1] = saved
            if saved != name:
                raise PackageRejected(
                    _("%(name)s could not be stored under its own name.")
                    % {"name": info.filename}
                )
        package.save()
    except BaseException:
        for name in stored:
            default_storage.delete(name)  # a no-op for a name never written
        raise
    return package


def package_files(package: Package) -> list[str]:
    """Every stored file of `package`, as storage names."""
    names = []
    folders = [package.folder.rstrip("/")]
    while folders:
        folder = folders.pop()
        # With its slash: Azure lists "a/" as the folder a, "a" as nothing.
        subfolders, files = default_storage.listdir(folder + "/")
        # django-storages' Azure backend lists every file below, by full name.
        names += [
            name if name.startswith(f"{folder}/") else f"{folder}/{name}"
            for name in files
        ]
        folders += [f"{folder}/{name}" for name in subfolders]
    return names


def package_delete(*, package: Package) -> None:
    """Forget `package`, and delete its files once that is committed."""
    names = package_files(package)
    package.delete()
    transaction.on_commit(lambda: [default_storage.delete(name) for name in names])


def _sha256(upload: BinaryIO) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for block in iter(lambda: upload.read(1024 * 1024), b""):
        digest.update(block)
    upload.seek(0)
    return digest.hexdigest()
