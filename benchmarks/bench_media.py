"""Shared media: a certificate download and a CSV upload's stash, on Azurite and moto against a folder.

The same views and files are timed with media on Azure Blob Storage (Azurite,
Microsoft's emulator) and on S3 (moto), each against media in a local folder,
in turns in one run. The ratio is what the store's round trips add on
loopback; a real store adds its network's latency to each of them.
"""

import tempfile
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client, override_settings
from django.urls import reverse

from benchmarks.bench_certificates import _certificate
from benchmarks.harness import Figure, paired_ms
from certificates.services import certificate_render
from lib.csv_import.upload import upload_stash, upload_take
from lib.storage import storage_prepare
from tests.storage_emulators import emulator, unique_name
from training_site.settings.media import media_storage

CSV = b"employee_number,date\n" + b"".join(
    f"E{n:05d},2026-11-{n % 28 + 1:02d}\n".encode() for n in range(20_000)
)


def _actions(storages: dict, folder: str, client: Client, url: str, pdf: bytes):
    """The download and the stash round trip, each run with media on `storages`."""

    def within(action: Callable[[], None]) -> Callable[[], None]:
        def run():
            with override_settings(STORAGES=storages, MEDIA_ROOT=folder):
                action()

        return run

    def download():
        assert b"".join(client.get(url).streaming_content) == pdf

    def stash():
        token, sha256 = upload_stash(folder="roster-uploads", data=CSV)
        assert upload_take(folder="roster-uploads", token=token, sha256=sha256) == CSV

    return within(download), within(stash)


def run() -> list[Figure]:
    certificate = _certificate()
    client = Client()
    client.force_login(certificate.user)
    url = reverse("certificates:download", args=[certificate.verification_code])
    figures = []
    with tempfile.TemporaryDirectory() as scratch:
        for kind in ("azure", "s3"):
            with emulator(kind, Path(scratch) / kind) as server:
                env = server.media_env(unique_name())
                store = {
                    **settings.STORAGES,
                    "default": media_storage(lambda k, d="", e=env: e.get(k, d)),
                }
                disk = {
                    **settings.STORAGES,
                    "default": {
                        "BACKEND": "django.core.files.storage.FileSystemStorage"
                    },
                }
                folder = str(Path(scratch) / f"{kind}-folder")
                with override_settings(STORAGES=store):
                    storage_prepare(default_storage)
                    certificate_render(certificate=certificate)
                    pdf = default_storage.open(certificate.pdf.name).read()
                with override_settings(STORAGES=disk, MEDIA_ROOT=folder):
                    # The same name in the folder, so one record serves both.
                    default_storage.save(certificate.pdf.name, ContentFile(pdf))
                on_store = _actions(store, folder, client, url, pdf)
                on_disk = _actions(disk, folder, client, url, pdf)
                for what, subject, baseline in (
                    (
                        f"certificate download ({len(pdf) // 1024} KB)",
                        *on_store[:1],
                        *on_disk[:1],
                    ),
                    (
                        f"CSV stash and take ({len(CSV) // 1024} KB)",
                        on_store[1],
                        on_disk[1],
                    ),
                ):
                    ms, base_ms = paired_ms(subject, baseline, repeat=15)
                    figures.append(
                        Figure(f"{what}, {kind}", ms, "ms", "a local folder", base_ms)
                    )
    return figures
