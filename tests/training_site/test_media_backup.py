"""Media backups from Azure Blob Storage or S3: an archive that restores anywhere."""

import tarfile

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

import pytest

from lib.storage import storage_walk

FILES = {
    "certificates/2026/12/CERT-1.pdf": b"%PDF-1.7 one",
    "original_images/crew.png": b"\x89PNG crew",
    "exports/team-skills.xlsx": b"PK workbook",
}


def test_a_store_s_files_back_up_and_restore_into_a_folder_byte_for_byte(
    object_storage, settings, tmp_path, capsys
):
    for name, data in FILES.items():
        default_storage.save(name, ContentFile(data))
    archive = tmp_path / "media.tar"
    call_command("media_backup", str(archive))
    assert "3 media files written" in capsys.readouterr().out
    with tarfile.open(archive) as tar:
        assert sorted(tar.getnames()) == sorted(FILES)

    # The restore drill restores a copy into a folder on the drill machine.
    settings.MEDIA_ROOT = str(tmp_path / "restored")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    call_command("media_restore", str(archive))
    assert "3 media files restored" in capsys.readouterr().out
    restored = {name: default_storage.open(name, "rb").read() for name in FILES}
    assert restored == FILES


def test_a_restore_refuses_storage_that_holds_files(object_storage, tmp_path):
    archive = tmp_path / "media.tar"
    call_command("media_backup", str(archive))  # an empty store: an empty archive
    call_command("media_restore", "--check-empty")
    default_storage.save("certificates/live.pdf", ContentFile(b"%PDF live"))
    for args in (["--check-empty"], [str(archive)]):
        with pytest.raises(CommandError, match="not empty"):
            call_command("media_restore", *args)
    assert list(storage_walk(default_storage)) == ["certificates/live.pdf"]


def test_a_tar_of_media_root_restores_into_a_store(object_storage, tmp_path):
    """scripts/backup.sh tars MEDIA_ROOT with ./ names; they restore as they were."""
    folder = tmp_path / "media"
    (folder / "certificates").mkdir(parents=True)
    (folder / "certificates" / "CERT-2.pdf").write_bytes(b"%PDF two")
    archive = tmp_path / "media.tar"
    with tarfile.open(archive, "w") as tar:
        tar.add(folder, arcname=".")
    call_command("media_restore", str(archive))
    assert object_storage.raw_bytes("certificates/CERT-2.pdf") == b"%PDF two"
