"""The demo seed gives every completion its certificate, once."""

from certificates.models import Certificate, CertificateEvent
from demo.certificates import certificates_demo_seed
from tests.certificates.factories import completed_enrolment
from tests.courses.factories import make_course


def test_demo_seed_issues_missing_certificates_once(employee, peer):
    course = make_course(modules=1)
    completed_enrolment(employee, course)
    completed_enrolment(peer, course)
    assert certificates_demo_seed() == 2
    assert all(c.pdf_sha256 for c in Certificate.objects.all())
    events = CertificateEvent.objects.count()
    assert certificates_demo_seed() == 0
    assert CertificateEvent.objects.count() == events
