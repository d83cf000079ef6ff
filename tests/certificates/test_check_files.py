"""check_certificate_files: after a restore, are these the very PDFs that were issued?"""

import hashlib
import io
import json

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    out = io.StringIO()
    call_command("check_certificate_files", *args, stdout=out)
    return out.getvalue()


def test_issued_files_match_and_are_listed_with_their_hash(certificate, tmp_path):
    listing = tmp_path / "certificates.json"
    assert "1 certificate PDFs: 1 match" in _run("--json", str(listing))
    stored = certificate.pdf.open("rb").read()
    assert json.loads(listing.read_text()) == {
        certificate.number: {
            "sha256": hashlib.sha256(stored).hexdigest(),
            "verification_code": certificate.verification_code,
            "file": certificate.pdf.name,
        }
    }


def test_a_changed_file_fails_and_is_named(certificate):
    storage, name = certificate.pdf.storage, certificate.pdf.name
    data = storage.open(name, "rb").read()
    storage.delete(name)
    storage.save(name, io.BytesIO(data + b"\n% edited\n"))
    with pytest.raises(CommandError, match=f"{certificate.number} differs"):
        _run()


def test_a_missing_file_fails_and_is_named(certificate):
    certificate.pdf.storage.delete(certificate.pdf.name)
    with pytest.raises(CommandError, match=f"{certificate.number} missing"):
        _run()
