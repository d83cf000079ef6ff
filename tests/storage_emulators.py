"""The real Azure Blob (Azurite) and S3 (moto) servers, for tests of shared media.

Each starts through its script in scripts/ (the same one a person or the
multi-server test uses), on a free loopback port below 32768, and is stopped
when the `with` ends. `media_env` gives the variables docs/deployment.md
documents for it, so the tests configure storage exactly as production does.
"""

import os
import shutil
import subprocess
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.servers import free_port, wait_until_serving

ROOT = Path(__file__).resolve().parents[1]
AZURITE = ROOT / "node_modules" / ".bin" / "azurite-blob"
MOTO = ROOT / ".venv" / "bin" / "moto_server"
# Azurite's published development account (not a secret).
AZURITE_ACCOUNT = "devstoreaccount1"
AZURITE_KEY = (
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/"
    "KBHBeksoGMGw=="
)
KINDS = ("azure", "s3")


@dataclass(frozen=True)
class Emulator:
    kind: str
    port: int

    def media_env(self, name: str) -> dict[str, str]:
        """The MEDIA_STORAGE variables for container/bucket `name` on this server."""
        if self.kind == "azure":
            return {
                "MEDIA_STORAGE": "azure",
                "AZURE_STORAGE_CONNECTION_STRING": (
                    f"DefaultEndpointsProtocol=http;AccountName={AZURITE_ACCOUNT};"
                    f"AccountKey={AZURITE_KEY};"
                    f"BlobEndpoint=http://127.0.0.1:{self.port}/{AZURITE_ACCOUNT};"
                ),
                "AZURE_CONTAINER": name,
            }
        return {
            "MEDIA_STORAGE": "s3",
            "S3_BUCKET": name,
            "S3_ENDPOINT_URL": f"http://127.0.0.1:{self.port}",
            "S3_ACCESS_KEY_ID": "testing",
            "S3_SECRET_ACCESS_KEY": "testing",
            "S3_REGION": "us-east-1",
        }


def unique_name() -> str:
    """A fresh container or bucket name (both accept it)."""
    return f"t-{uuid.uuid4().hex[:20]}"


def require(kind: str) -> None:
    """Skip when the emulator is not installed, except in CI, where it must be."""
    binary = AZURITE if kind == "azure" else MOTO
    if binary.exists() and (kind != "azure" or shutil.which("node")):
        return
    message = f"{binary} is missing: run `make install-dev`"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@contextmanager
def emulator(kind: str, scratch: Path) -> Iterator[Emulator]:
    """Azurite ("azure") or moto ("s3") serving until the block ends."""
    require(kind)
    port = free_port(24000 if kind == "azure" else 26000)
    if kind == "azure":
        command = [str(ROOT / "scripts" / "start-azurite.sh"), str(port), str(scratch)]
    else:
        command = [str(ROOT / "scripts" / "start-moto.sh"), str(port)]
    server = subprocess.Popen(  # noqa: S603 (our own scripts)
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        wait_until_serving(port, server)
        if kind == "s3":
            # moto builds its S3 service on the first request: pay for it here.
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=60).close()
        yield Emulator(kind=kind, port=port)
    finally:
        server.terminate()
        server.communicate(timeout=30)


@dataclass(frozen=True)
class ObjectStorage:
    """One fresh, prepared container or bucket that Django's media now goes to."""

    kind: str
    name: str
    storage: object  # the django-storages instance behind default_storage

    def raw_names(self) -> set[str]:
        """Every blob's or object's name, listed by the SDK, not django-storages."""
        if self.kind == "azure":
            return {blob.name for blob in self.storage.client.list_blobs()}
        return {item.key for item in self.storage.bucket.objects.all()}

    def raw_bytes(self, name: str) -> bytes:
        """One blob's or object's bytes, read by the SDK."""
        if self.kind == "azure":
            return self.storage.client.download_blob(name).readall()
        return self.storage.bucket.Object(name).get()["Body"].read()
