"""List views cost a fixed number of queries, whatever the number of certificates."""

import io
import zipfile

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from tests.certificates.factories import completed_enrolment
from tests.courses.factories import make_course


def _certificates_for(user, count):
    from certificates.services import certificate_issue

    for _ in range(count):
        course = make_course(modules=1, validity_months=12)
        certificate_issue(enrolment=completed_enrolment(user, course), render=False)


@pytest.mark.parametrize("count", [2, 10])
def test_my_certificates_queries_do_not_grow(
    count, employee, client, django_assert_max_num_queries
):
    _certificates_for(employee, count)
    client.force_login(employee)
    url = reverse("training_site:my-certificates")
    client.get(url)
    # Session, user, the certificates (3 today): nothing more per row.
    with django_assert_max_num_queries(4):
        response = client.get(url)
    assert response.status_code == 200
    assert response.text.count("Download PDF") == count


@pytest.mark.parametrize("count", [2, 10])
def test_my_learning_with_certificate_links_queries_do_not_grow(
    count, employee, client, django_assert_max_num_queries
):
    _certificates_for(employee, count)
    client.force_login(employee)
    url = reverse("training_site:my-learning")
    client.get(url)
    # My learning's own queries (8 today) plus one for every certificate link.
    with django_assert_max_num_queries(10):
        response = client.get(url)
    assert response.text.count("Certificate (PDF)") == count


def test_verification_takes_a_fixed_number_of_queries(
    employee, client, django_assert_max_num_queries
):
    _certificates_for(employee, 1)
    from certificates.models import Certificate

    code = Certificate.objects.get().verification_code
    url = reverse("certificates:verify", args=[code])
    with django_assert_max_num_queries(2):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(2):
        assert client.get(url, {"format": "json"}).status_code == 200


def test_the_bulk_zip_costs_the_same_for_2_and_8_certificates(
    org, ld_admin, client_for, django_capture_on_commit_callbacks
):
    from certificates.models import BulkCertificateJob
    from tests.certificates.factories import issued_certificates

    course = make_course(modules=1)
    job = BulkCertificateJob.objects.create(
        created_by=ld_admin, course_id=course.pk, status=BulkCertificateJob.Status.DONE
    )
    client = client_for(ld_admin)
    url = reverse("certificates_admin:zip", args=[job.pk])
    b"".join(client.get(url).streaming_content)
    counts, entries = [], []
    for more in (2, 6):
        # Rendered once issued (after commit), as in production: the ZIP only
        # renders a PDF that storage lost (four queries each).
        with django_capture_on_commit_callbacks(execute=True):
            issued_certificates(course, org["team_a"], more, render=True)
        with CaptureQueriesContext(connection) as queries:
            body = b"".join(client.get(url).streaming_content)
        counts.append(len(queries))
        entries.append(len(zipfile.ZipFile(io.BytesIO(body)).namelist()))
    assert entries == [2, 8]
    assert counts[0] == counts[1], counts


def test_the_issued_certificates_list_costs_the_same_for_3_and_30(
    org, ld_admin, client_for
):
    from tests.certificates.factories import issued_certificates

    course = make_course(modules=1)
    client = client_for(ld_admin)
    url = reverse("certificates_issued:index")
    client.get(url)
    counts = []
    for more in (3, 27):
        last = issued_certificates(course, org["team_a"], more)[-1]
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert last.number in response.text
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
