"""Certificates on shared media (Azurite, moto): the issued PDF lives in the store
and the download streams exactly those bytes, to the same people as on disk."""

import hashlib
import io
import zipfile

from django.core.management import CommandError, call_command
from django.urls import reverse

import pytest

from certificates.bulk import certificates_zip_stream
from tests.personas import LOGIN, OK, every_persona

NOT_FOUND = 404
DOWNLOAD = every_persona(
    NOT_FOUND, anonymous=LOGIN, employee=OK, manager=OK, ld_admin=OK
)


def test_an_issued_pdf_is_in_the_store_and_downloads_byte_for_byte(
    object_storage, employee, course, complete, persona_matrix
):
    certificate = complete(employee, course)
    name = certificate.pdf.name
    assert name.startswith("certificates/")
    assert object_storage.raw_names() == {name}
    stored = object_storage.raw_bytes(name)
    assert stored.startswith(b"%PDF")
    assert hashlib.sha256(stored).hexdigest() == certificate.pdf_sha256

    url = reverse("certificates:download", args=[certificate.verification_code])
    bodies = {}

    def download(client, persona):
        response = client.get(url)
        if response.status_code == OK:
            bodies[persona] = b"".join(response.streaming_content)
        return response

    persona_matrix(url, DOWNLOAD, request=download)
    assert set(bodies) == {"employee", "manager", "ld_admin"}
    assert {hashlib.sha256(body).hexdigest() for body in bodies.values()} == {
        certificate.pdf_sha256
    }


def test_the_file_check_reads_the_store(object_storage, employee, course, complete):
    certificate = complete(employee, course)
    call_command("check_certificate_files")  # raises if missing or different
    certificate.pdf.storage.delete(certificate.pdf.name)
    with pytest.raises(CommandError, match=f"{certificate.number} missing"):
        call_command("check_certificate_files")


def test_the_bulk_zip_streams_each_pdf_from_the_store(
    object_storage, employee, peer, course, complete
):
    issued = [complete(employee, course), complete(peer, course)]
    with zipfile.ZipFile(io.BytesIO(b"".join(certificates_zip_stream(issued)))) as zf:
        digests = {hashlib.sha256(zf.read(name)).hexdigest() for name in zf.namelist()}
    assert digests == {certificate.pdf_sha256 for certificate in issued}
