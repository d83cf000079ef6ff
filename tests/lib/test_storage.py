"""Media on Azure Blob Storage (Azurite) and S3 (moto): prepare, list, stash uploads."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command

import pytest

from lib.csv_import.upload import upload_stash, upload_take
from lib.storage import storage_walk
from tests.storage_emulators import unique_name
from training_site.settings.media import media_storage


def _on_fresh_name(object_storage, settings, storage_emulators) -> str:
    """Point media at a container or bucket that does not exist yet."""
    name = unique_name()
    env = storage_emulators(object_storage.kind).media_env(name)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": media_storage(lambda key, default="": env.get(key, default)),
    }
    return name


def test_prepare_creates_the_container_once(
    object_storage, settings, storage_emulators, capsys
):
    _on_fresh_name(object_storage, settings, storage_emulators)
    with pytest.raises(Exception, match="(?i)container|bucket"):
        default_storage.save("before.txt", ContentFile(b"x"))

    call_command("prepare_media_storage")
    assert "created" in capsys.readouterr().out
    name = default_storage.save("after.txt", ContentFile(b"kept"))
    call_command("prepare_media_storage")
    assert "ready" in capsys.readouterr().out
    # The second run neither emptied the container nor left its test file behind.
    assert list(storage_walk(default_storage)) == [name]
    assert default_storage.open(name, "rb").read() == b"kept"


def test_walk_gives_names_from_the_top_on_every_backend(object_storage):
    for name in ("certificates/2026/12/a.pdf", "certificates/2026/b.pdf", "top.txt"):
        default_storage.save(name, ContentFile(b"x"))
    assert sorted(storage_walk(default_storage, "certificates")) == [
        "certificates/2026/12/a.pdf",
        "certificates/2026/b.pdf",
    ]
    assert len(list(storage_walk(default_storage))) == 3
    assert list(storage_walk(default_storage, "nothing-here")) == []


def test_a_file_s_url_is_ours_never_the_blob_s(object_storage):
    name = default_storage.save("certificates/x.pdf", ContentFile(b"%PDF"))
    assert default_storage.url(name) == f"/media/{name}"
    assert str(object_storage.storage.__class__.__name__) in {
        "AzureMediaStorage",
        "S3MediaStorage",
    }


def test_a_stashed_upload_waits_in_the_store_and_is_taken_once(object_storage):
    data = "employee_number,name\n1001,Zoë Tremblay\n".encode()
    token, sha256 = upload_stash(folder="roster-uploads", data=data)
    assert object_storage.raw_names() == {f"roster-uploads/{token}.csv"}
    assert object_storage.raw_bytes(f"roster-uploads/{token}.csv") == data

    assert upload_take(folder="roster-uploads", token=token, sha256=sha256) == data
    assert object_storage.raw_names() == set()
    # A double click on Confirm finds nothing to apply.
    assert upload_take(folder="roster-uploads", token=token, sha256=sha256) is None
