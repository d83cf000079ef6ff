"""The Wagtail admin: designs (with a PDF preview), the register, revoking, bulk jobs."""

import io
import zipfile

from django.urls import reverse

import pytest

from certificates.models import BulkCertificateJob, Certificate, CertificateDesign
from certificates.rendering import render_certificate_pdf
from tests.certificates.factories import completed_enrolment, issued_certificates
from tests.certificates.pdf_helpers import pdf_text
from tests.courses.factories import make_course
from tests.personas import DASHBOARD, LOGIN, NO_ADMIN, OK, answers, every_persona

# An admin user without the permission is sent back to the dashboard.
ADMIN_ONLY_TRAINERS_TOO = every_persona(
    NO_ADMIN, anonymous=LOGIN, trainer=OK, ld_admin=OK
)
LD_ADMINS_ONLY = every_persona(
    NO_ADMIN, anonymous=LOGIN, trainer=DASHBOARD, ld_admin=OK
)

DESIGNS = "wagtailsnippets_certificates_certificatedesign"


def _design_form(**overrides) -> dict:
    return {
        "name": "Digital skills",
        "issuer": "City of Example",
        "heading": "Certificate of Achievement",
        "body": "has completed {course} on {date}.",
        "signatory_name": "Jordan Lee",
        "signatory_title": "Chief Digital Officer",
        "accent_colour": "#0b3d6b",
        "assignments-TOTAL_FORMS": "0",
        "assignments-INITIAL_FORMS": "0",
        "assignments-MIN_NUM_FORMS": "0",
        "assignments-MAX_NUM_FORMS": "1000",
        **overrides,
    }


def test_design_snippet_views_for_every_persona(persona_matrix):
    assert reverse("wagtailadmin_home") == "/admin/"  # where DASHBOARD sends
    default = CertificateDesign.objects.get(is_default=True)
    for name, args in [("list", []), ("add", []), ("edit", [default.pk])]:
        url = reverse(f"{DESIGNS}:{name}", args=args)
        persona_matrix(url, ADMIN_ONLY_TRAINERS_TOO)
    # Trainers author designs but never delete them.
    url = reverse(f"{DESIGNS}:delete", args=[default.pk])
    persona_matrix(url, LD_ADMINS_ONLY)


def test_a_trainer_creates_a_design_for_a_course(trainer, client_for):
    course = make_course(title="Open data")
    client = client_for(trainer)
    response = client.post(
        reverse(f"{DESIGNS}:add"),
        _design_form(
            **{
                "assignments-TOTAL_FORMS": "1",
                "assignments-0-page": str(course.pk),
                "assignments-0-ORDER": "1",
            }
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    design = CertificateDesign.objects.get(name="Digital skills")
    assert list(design.assignments.values_list("page_id", flat=True)) == [course.pk]


def test_a_bad_colour_or_placeholder_is_refused_in_the_form(trainer, client_for):
    response = client_for(trainer).post(
        reverse(f"{DESIGNS}:add"),
        _design_form(accent_colour="red;x:url(http://a)", body="hi {name}"),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "accent_colour" in errors and "body" in errors


def test_the_design_preview_is_the_pdf_with_sample_data(
    personas, client_for, persona_matrix
):
    default = CertificateDesign.objects.get(is_default=True)
    url = reverse(f"{DESIGNS}:preview_on_edit", args=[default.pk])
    refused = {p: v for p, v in ADMIN_ONLY_TRAINERS_TOO.items() if v != OK}
    persona_matrix(
        url, refused, method="post", data=_design_form(heading="Award of Learning")
    )
    for persona in [p for p, v in ADMIN_ONLY_TRAINERS_TOO.items() if v == OK]:
        client = client_for(personas[persona])
        posted = client.post(url, _design_form(heading="Award of Learning"))
        assert posted.json() == {"is_valid": True, "is_available": True}
        preview = client.get(url)
        assert preview["Content-Type"] == "application/pdf", persona
        text = pdf_text(preview.content)
        assert "Award of Learning" in text and "Alex Example" in text


def test_the_issued_register_and_revoke_for_every_persona(
    certificate, personas, client_for, persona_matrix
):
    persona_matrix(reverse("certificates_issued:index"), LD_ADMINS_ONLY)
    inspect = reverse("certificates_issued:inspect", args=[certificate.pk])
    persona_matrix(inspect, LD_ADMINS_ONLY)
    revoke = reverse("certificates_admin:revoke", args=[certificate.pk])
    persona_matrix(revoke, LD_ADMINS_ONLY)
    # Everyone but the L&D admin fails to revoke it.
    for persona in [p for p in personas if p != "ld_admin"]:
        client_for(personas[persona]).post(revoke, {"reason": "Nope"})
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_an_ld_admin_revokes_with_a_reason(certificate, ld_admin, client_for):
    client = client_for(ld_admin)
    listing = client.get(reverse("certificates_issued:index")).text
    revoke = reverse("certificates_admin:revoke", args=[certificate.pk])
    assert revoke in listing
    assert client.post(revoke, {"reason": ""}).status_code == 200
    response = client.post(revoke, {"reason": "Completed by someone else"})
    assert response["Location"] == reverse("certificates_issued:index")
    certificate.refresh_from_db()
    assert certificate.revocation_reason == "Completed by someone else"
    assert certificate.events.get(kind="revoked").actor == ld_admin
    # The PDF is not re-rendered: the file people hold still verifies, as revoked.
    assert certificate.events.filter(kind="rendered").count() == 1


def test_bulk_views_for_every_persona(persona_matrix, org):
    course = make_course(modules=1)
    job = BulkCertificateJob.objects.create(
        course_id=course.pk, status=BulkCertificateJob.Status.DONE
    )
    for url in [
        reverse("certificates_admin:bulk"),
        reverse("certificates_admin:job", args=[job.pk]),
        reverse("certificates_admin:zip", args=[job.pk]),
    ]:
        persona_matrix(url, LD_ADMINS_ONLY)
    before = BulkCertificateJob.objects.count()
    data = {"course": course.pk}
    refused = {p: v for p, v in LD_ADMINS_ONLY.items() if p != "ld_admin"}
    persona_matrix(
        reverse("certificates_admin:bulk"), refused, method="post", data=data
    )
    assert BulkCertificateJob.objects.count() == before


def test_bulk_issue_renders_the_missing_ones_in_a_unit_and_zips_them(
    org, ld_admin, employee, peer, client_for, django_capture_on_commit_callbacks
):
    course = make_course(title="Road safety", modules=1)
    team_a = issued_certificates(course, org["team_a"], 2)  # issued, not rendered
    completed_enrolment(employee, course)  # completed before certificates existed
    completed_enrolment(peer, course)  # team B: outside the chosen unit
    client = client_for(ld_admin)
    # The Immediate task backend runs the job inline, once the job row commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("certificates_admin:bulk"),
            {"course": course.pk, "org_unit": org["team_a"].pk},
        )
    job = BulkCertificateJob.objects.get()
    assert response["Location"] == reverse("certificates_admin:job", args=[job.pk])
    assert (job.status, job.total, job.done, job.issued) == ("done", 3, 3, 1)
    assert job.percent == 100
    alice = Certificate.objects.get(user=employee, course_id=course.pk)
    assert alice.events.get(kind="issued").actor == ld_admin
    assert not Certificate.objects.filter(user=peer).exists()
    for certificate in Certificate.objects.filter(course_id=course.pk):
        assert certificate.pdf_sha256, certificate

    page = client.get(reverse("certificates_admin:job", args=[job.pk])).text
    assert "3 of 3 completions processed" in page
    assert "Alice Arsenault" in page
    download = client.get(reverse("certificates_admin:zip", args=[job.pk]))
    assert download.streaming
    assert download["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    assert archive.testzip() is None
    names = sorted(archive.namelist())
    expected = sorted(
        [f"{c.number}-{c.holder_name.replace(' ', '-')}.pdf" for c in team_a]
        + [f"{alice.number}-Alice-Arsenault.pdf"]
    )
    assert names == expected
    alice.refresh_from_db()
    assert archive.read(
        f"{alice.number}-Alice-Arsenault.pdf"
    ) == render_certificate_pdf(alice)


def test_running_a_job_twice_changes_nothing(org, ld_admin):
    from certificates.bulk import bulk_job_run

    course = make_course(modules=1)
    issued_certificates(course, org["team_a"], 1)
    job = BulkCertificateJob.objects.create(created_by=ld_admin, course_id=course.pk)
    bulk_job_run(job=job)
    again = bulk_job_run(job=job)
    assert (again.status, again.done) == ("done", 1)
    assert Certificate.objects.count() == 1


@pytest.mark.parametrize("people", [2, 8])
def test_bulk_listing_queries_do_not_grow(
    people, org, ld_admin, client_for, django_assert_max_num_queries
):
    course = make_course(modules=1)
    issued_certificates(course, org["team_a"], people)
    job = BulkCertificateJob.objects.create(
        created_by=ld_admin, course_id=course.pk, status=BulkCertificateJob.Status.DONE
    )
    client = client_for(ld_admin)
    url = reverse("certificates_admin:job", args=[job.pk])
    client.get(url)
    with django_assert_max_num_queries(14):
        assert client.get(url).status_code == 200


def test_nobody_adds_or_edits_certificates_by_hand(certificate, ld_admin, client_for):
    from django.contrib.auth import get_user_model

    root = get_user_model().objects.create_superuser("root", "root@x.example", "pw")
    for user in (ld_admin, root):
        client = client_for(user)
        for url in [
            reverse("certificates_issued:add"),
            reverse("certificates_issued:edit", args=[certificate.pk]),
            reverse("certificates_issued:delete", args=[certificate.pk]),
        ]:
            assert answers(client.get(url), DASHBOARD), (user.username, url)


def test_the_certificates_menu_shows_each_role_its_own_items(
    trainer, ld_admin, client_for
):
    trainer_menu = client_for(trainer).get(reverse("wagtailadmin_home")).text
    admin_menu = client_for(ld_admin).get(reverse("wagtailadmin_home")).text
    assert reverse(f"{DESIGNS}:list") in trainer_menu
    for url in [
        reverse("certificates_issued:index"),
        reverse("certificates_admin:bulk"),
    ]:
        assert url not in trainer_menu
        assert url in admin_menu
