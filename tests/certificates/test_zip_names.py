"""The bulk ZIP keeps people's names as written: accents and other scripts survive,
paths and control characters do not (issue 13, item 15e)."""

import io
import zipfile

import pytest

from certificates.bulk import certificates_zip_stream, zip_entry_name
from certificates.models import Certificate
from certificates.services import certificate_issue
from tests.certificates.factories import completed_enrolment
from tests.courses.factories import make_course
from tests.people.factories import EmployeeFactory


def _named(holder: str) -> Certificate:
    return Certificate(number="CLH-2026-000074", holder_name=holder)


@pytest.mark.parametrize(
    ("holder", "entry"),
    [
        ("Agnieszka Woźniak", "CLH-2026-000074-Agnieszka-Woźniak.pdf"),
        ("Nguyễn Thị Hà", "CLH-2026-000074-Nguyễn-Thị-Hà.pdf"),
        ("李小龙", "CLH-2026-000074-李小龙.pdf"),
        ("प्रिया शर्मा", "CLH-2026-000074-प्रिया-शर्मा.pdf"),
        ("Zoë O'Brien-Smith", "CLH-2026-000074-Zoë-O-Brien-Smith.pdf"),
        # Decomposed input (e + combining acute) is stored composed.
        ("Rene\u0301e", "CLH-2026-000074-Renée.pdf"),
        ("../../etc/passwd", "CLH-2026-000074-etc-passwd.pdf"),
        ("a\\b\x00c:d", "CLH-2026-000074-a-b-c-d.pdf"),
        ("***", "CLH-2026-000074-certificate.pdf"),
    ],
)
def test_entry_names_keep_letters_of_every_script_and_never_a_path(holder, entry):
    assert zip_entry_name(_named(holder)) == entry


@pytest.mark.django_db
def test_the_zip_marks_unicode_names_as_utf8(org):
    course = make_course(title="Road safety", modules=1)
    employee = EmployeeFactory(
        org_unit=org["team_a"], first_name="Agnieszka", last_name="Woźniak"
    )
    certificate = certificate_issue(
        enrolment=completed_enrolment(employee.user, course), render=False
    )
    data = b"".join(certificates_zip_stream([certificate]))
    (info,) = zipfile.ZipFile(io.BytesIO(data)).infolist()
    assert info.filename == f"{certificate.number}-Agnieszka-Woźniak.pdf"
    assert info.flag_bits & 0x800  # the UTF-8 flag: unzip tools show "ź"
