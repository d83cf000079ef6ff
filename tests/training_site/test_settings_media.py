"""MEDIA_STORAGE and its variables: read as production reads them, or a one-line refusal."""

import os
import subprocess
import sys
from pathlib import Path

from django.core.management import CommandError, call_command

import pytest

from tests.storage_emulators import unique_name
from training_site.settings.base import env_str
from training_site.settings.media import media_storage

ROOT = Path(__file__).resolve().parents[2]
AZURE = {
    "MEDIA_STORAGE": "azure",
    "AZURE_STORAGE_CONNECTION_STRING": (
        "DefaultEndpointsProtocol=https;AccountName=cityhall;"
        "AccountKey=c2VjcmV0LWtleQ==;EndpointSuffix=core.windows.net"
    ),
}
S3 = {"MEDIA_STORAGE": "s3", "S3_BUCKET": "city-training-media"}


def _production(args, env):
    keep = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("MEDIA_", "AZURE_", "S3_", "DJANGO_"))
    }
    return subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={
            **keep,
            **env,
            "DJANGO_SETTINGS_MODULE": "training_site.settings.production",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


def _read(env: dict[str, str]) -> dict:
    return media_storage(lambda name, default="": env.get(name, default))


def test_filesystem_is_the_default():
    assert _read({})["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert _read({"MEDIA_STORAGE": "filesystem"}) == _read({})


def test_azure_and_s3_name_private_storages():
    azure = _read(AZURE)
    assert azure["BACKEND"] == "lib.storage.AzureMediaStorage"
    assert azure["OPTIONS"]["azure_container"] == "media"
    assert azure["OPTIONS"]["overwrite_files"] is False
    s3 = _read({**S3, "S3_REGION": "ca-central-1"})
    assert s3["BACKEND"] == "lib.storage.S3MediaStorage"
    assert s3["OPTIONS"]["bucket_name"] == "city-training-media"
    assert s3["OPTIONS"]["region_name"] == "ca-central-1"
    # No keys: the machine's own credentials (an instance role) are used.
    assert s3["OPTIONS"]["access_key"] is None
    assert s3["OPTIONS"]["addressing_style"] == "auto"
    assert s3["OPTIONS"]["file_overwrite"] is False


@pytest.mark.parametrize(
    ("variable", "env"),
    [
        ("MEDIA_STORAGE", {"MEDIA_STORAGE": "nfs"}),
        ("AZURE_STORAGE_CONNECTION_STRING", {"MEDIA_STORAGE": "azure"}),
        (
            "AZURE_STORAGE_CONNECTION_STRING",
            {**AZURE, "AZURE_STORAGE_CONNECTION_STRING": "AccountKey=s3cr3t;junk"},
        ),
        ("AZURE_CONTAINER", {**AZURE, "AZURE_CONTAINER": "Media_Files"}),
        ("S3_BUCKET", {"MEDIA_STORAGE": "s3"}),
        ("S3_ENDPOINT_URL", {**S3, "S3_ENDPOINT_URL": "minio.internal:9000"}),
        ("S3_SECRET_ACCESS_KEY", {**S3, "S3_ACCESS_KEY_ID": "AKIAEXAMPLE"}),
        ("S3_ADDRESSING_STYLE", {**S3, "S3_ADDRESSING_STYLE": "sideways"}),
    ],
)
def test_a_bad_value_stops_the_start_with_one_line_naming_it(
    variable, env, production_env
):
    result = _production(["check"], {**production_env, **env})
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0, result.stderr
    assert result.stderr.startswith(f"ImproperlyConfigured: {variable} ")
    assert "s3cr3t" not in result.stderr  # a key is never repeated


def test_production_prepares_the_store_from_the_documented_variables(
    storage_emulators, production_env, tmp_path
):
    """Azurite, its connection string given as a file as Docker and systemd do."""
    env = storage_emulators("azure").media_env(unique_name())
    secret = tmp_path / "azure-connection-string"
    secret.write_text(env.pop("AZURE_STORAGE_CONNECTION_STRING") + "\n")
    env["AZURE_STORAGE_CONNECTION_STRING_FILE"] = str(secret)
    result = _production(["prepare_media_storage"], {**production_env, **env})
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout
        == f"Media storage Azure container {env['AZURE_CONTAINER']}: created\n"
    )


def test_s3_keys_may_be_files_too(monkeypatch, tmp_path):
    (tmp_path / "secret").write_text("wJalrXUtnFEMI/K7MDENG\n")
    monkeypatch.setenv("S3_ACCESS_KEY_ID", "AKIAEXAMPLE")
    monkeypatch.setenv("S3_SECRET_ACCESS_KEY_FILE", str(tmp_path / "secret"))
    monkeypatch.setenv("S3_BUCKET", "city-training-media")
    monkeypatch.setenv("MEDIA_STORAGE", "s3")
    options = media_storage(env_str)["OPTIONS"]
    assert (options["access_key"], options["secret_key"]) == (
        "AKIAEXAMPLE",
        "wJalrXUtnFEMI/K7MDENG",
    )


def test_the_prepare_command_names_what_failed(storage_emulators, settings):
    env = storage_emulators("s3").media_env("b1")  # too short for a bucket name
    settings.STORAGES = {**settings.STORAGES, "default": _read(env)}
    with pytest.raises(
        CommandError, match="Media storage .S3 bucket b1. is not usable"
    ):
        call_command("prepare_media_storage")
