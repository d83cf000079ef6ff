"""Twenty simultaneous issues of one completion: one certificate, the same for everyone.

PostgreSQL only: SQLite serialises writers, so it cannot show a race.
"""

from django.db import connection

import pytest

from certificates.models import Certificate
from certificates.services import certificate_issue, certificate_pdf_ensure
from courses.models import Enrolment
from courses.services import module_complete
from tests.certificates.factories import completed_enrolment
from tests.concurrency import all_at_once
from tests.courses.factories import make_course, modules_of

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]

THREADS = 20


@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_issues_of_one_completion(employee):
    """The completion signal delivered many times at once (a retried task, say)."""
    course = make_course(modules=1)
    enrolment = completed_enrolment(employee, course)
    # all_at_once fails the test if any call raised.
    results = all_at_once(
        [
            lambda: (
                certificate_issue(
                    enrolment=Enrolment.objects.get(pk=enrolment.pk), render=False
                ).verification_code
            )
        ]
        * THREADS
    )
    assert Certificate.objects.count() == 1
    assert len(results) == THREADS
    assert set(results) == {Certificate.objects.get().verification_code}
    assert Certificate.objects.get().events.filter(kind="issued").count() == 1


@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_last_module_completions_issue_one_certificate(employee):
    course = make_course(modules=2)
    first, last = modules_of(course)
    module_complete(user=employee, module=first)
    all_at_once([lambda: module_complete(user=employee, module=last)] * THREADS)
    certificate = Certificate.objects.get()
    assert certificate.enrolment_id == Enrolment.objects.get(user=employee).pk
    assert certificate.pdf_sha256  # rendered once, after commit
    assert certificate.events.filter(kind="rendered").count() == 1


@pytest.mark.django_db(transaction=True)
def test_simultaneous_asks_for_an_unrendered_pdf_render_it_once(
    object_storage, employee
):
    """A download on each server and the worker's render task, all at once."""
    course = make_course(modules=1)
    certificate = certificate_issue(
        enrolment=completed_enrolment(employee, course), render=False
    )

    def ask():
        fresh = Certificate.objects.get(pk=certificate.pk)
        return certificate_pdf_ensure(certificate=fresh).pdf_sha256

    results = all_at_once([ask] * 4)
    certificate.refresh_from_db()
    assert set(results) == {certificate.pdf_sha256}
    assert certificate.events.filter(kind="rendered").count() == 1
    assert object_storage.raw_names() == {certificate.pdf.name}
