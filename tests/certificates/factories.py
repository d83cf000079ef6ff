"""Certificates in bulk for tests: completed enrolments without clicking through modules."""

from django.utils import timezone

from certificates.services import certificate_issue
from courses.models import Enrolment
from tests.people.factories import EmployeeFactory, UserFactory


def completed_enrolment(user, course, *, completed_at=None) -> Enrolment:
    return Enrolment.objects.create(
        user=user,
        course=course,
        completed_at=completed_at or timezone.now(),
        completion_snapshot={"course_title": course.title},
    )


def issued_certificates(course, unit, count: int, *, render: bool = False) -> list:
    """`count` people in `unit`, each with a certificate for `course` (PDFs not rendered)."""
    certificates = []
    for _ in range(count):
        user = UserFactory()
        EmployeeFactory(user=user, org_unit=unit, first_name=user.first_name)
        enrolment = completed_enrolment(user, course)
        certificates.append(certificate_issue(enrolment=enrolment, render=render))
    return certificates
