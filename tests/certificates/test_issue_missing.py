"""issue_missing_certificates: a completion whose certificate never followed gets one."""

import io

from django.core.management import call_command

import pytest

from certificates.models import Certificate
from courses.models import Enrolment
from courses.services import module_complete
from tests.courses.factories import modules_of

pytestmark = pytest.mark.django_db


def _run() -> str:
    out = io.StringIO()
    call_command("issue_missing_certificates", stdout=out)
    return out.getvalue()


def test_a_completion_whose_server_died_before_issuing_gets_its_certificate(
    employee, course, django_capture_on_commit_callbacks
):
    # No after-commit work runs: as when the app server dies right after the commit.
    for module in modules_of(course):
        module_complete(user=employee, module=module)
    enrolment = Enrolment.objects.get(user=employee, course_id=course.pk)
    assert enrolment.completed_at is not None
    assert not Certificate.objects.filter(user=employee).exists()

    # Outside a test's transaction the command's work commits as it goes.
    with django_capture_on_commit_callbacks(execute=True):
        assert "1 completed courses had no certificate" in _run()
    certificate = Certificate.objects.get(user=employee, course_id=course.pk)
    assert certificate.enrolment_id == enrolment.pk
    assert certificate.completed_at == enrolment.completed_at
    assert certificate.pdf  # rendered, as after a normal completion

    assert "0 completed courses had no certificate" in _run()
    assert Certificate.objects.filter(user=employee).count() == 1


def test_a_certificate_issued_as_usual_is_left_alone(certificate):
    assert "0 completed courses had no certificate" in _run()
    assert Certificate.objects.get() == certificate
