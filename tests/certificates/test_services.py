"""Issuing: exactly once per completion, with a snapshot, a code and a number."""

import re
from datetime import date, timedelta

from django.utils import timezone

import pytest

from certificates.attested_skills import skills_provider_connect
from certificates.models import (
    Certificate,
    CertificateDesign,
    CertificateDesignAssignment,
    CertificateEvent,
)
from certificates.services import (
    CertificateError,
    add_months,
    certificate_issue,
    certificate_issue_for_path,
    certificate_revoke,
    design_default_ensure,
)
from courses.models import (
    CourseIndexPage,
    Enrolment,
    LearningPathCourse,
    LearningPathPage,
)
from tests.courses.factories import make_course


def test_completing_a_course_issues_one_certificate_with_a_snapshot(
    employee, course, complete
):
    certificate = complete(employee, course)
    enrolment = Enrolment.objects.get(user=employee, course=course)
    assert certificate.enrolment_id == enrolment.pk
    assert certificate.completed_at == enrolment.completed_at
    assert certificate.holder_name == "Alice Arsenault"
    assert certificate.title == "Cybersecurity essentials"
    assert certificate.hours == pytest.approx(1.5)
    assert certificate.skills == []
    assert certificate.expires_on is None
    assert certificate.issuer == "City Learning Hub"
    assert certificate.design.is_default
    assert certificate.design_snapshot["heading"] == "Certificate of Completion"
    # Rendered after commit, in the task: stored with its SHA-256.
    assert certificate.pdf.name.endswith(".pdf")
    assert re.fullmatch(r"[0-9a-f]{64}", certificate.pdf_sha256)
    kinds = list(certificate.events.values_list("kind", flat=True))
    assert kinds == ["issued", "rendered"]


def test_the_snapshot_does_not_change_when_the_course_or_person_does(
    certificate, course, employee
):
    type(course).objects.filter(pk=course.pk).update(title="Renamed course")
    employee.employee.first_name = "Alicia"
    employee.employee.save()
    certificate.refresh_from_db()
    assert certificate.title == "Cybersecurity essentials"
    assert certificate.holder_name == "Alice Arsenault"


def test_issuing_again_returns_the_same_certificate(certificate):
    enrolment = Enrolment.objects.get(pk=certificate.enrolment_id)
    again = certificate_issue(enrolment=enrolment)
    assert again.pk == certificate.pk
    assert Certificate.objects.count() == 1


def test_the_unique_constraint_holds_even_without_the_lookup(certificate):
    """The database refuses a second certificate for the same completion."""
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(
            user=certificate.user,
            enrolment_id=certificate.enrolment_id,
            course_id=certificate.course_id,
            completed_at=certificate.completed_at,
            verification_code="x" * 32,
            holder_name="x",
            title="x",
            hours=1,
            issuer="x",
        )


def test_an_incomplete_enrolment_gets_no_certificate(employee, course):
    enrolment = Enrolment.objects.create(user=employee, course=course)
    with pytest.raises(CertificateError) as error:
        certificate_issue(enrolment=enrolment)
    assert error.value.code == "not_completed"


def test_codes_are_long_random_and_not_the_primary_key(employee, complete):
    certificates = [complete(employee, make_course(modules=1)) for _ in range(3)]
    codes = {c.verification_code for c in certificates}
    assert len(codes) == 3
    for certificate in certificates:
        # token_urlsafe(24): 24 random bytes = 192 bits, 32 URL-safe characters.
        assert re.fullmatch(r"[A-Za-z0-9_-]{32}", certificate.verification_code)
        assert certificate.verification_code != str(certificate.pk)
        year = timezone.localdate().year
        assert certificate.number == f"CLH-{year}-{certificate.pk:06d}"


def test_expiry_follows_the_courses_validity(employee, complete):
    course = make_course(modules=1, validity_months=12)
    certificate = complete(employee, course)
    completed_on = timezone.localdate(certificate.completed_at)
    assert certificate.expires_on == add_months(completed_on, 12)


def test_add_months_clamps_to_the_end_of_the_month():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2026, 11, 15), 14) == date(2028, 1, 15)


def test_status_follows_dates_revocation_and_supersession(certificate):
    today = timezone.localdate()
    assert certificate.status_on(today) == "valid"
    certificate.expires_on = today + timedelta(days=60)
    assert certificate.status_on(today) == "expiring"
    certificate.expires_on = today - timedelta(days=1)
    assert certificate.status_on(today) == "expired"
    certificate.superseded_by_id = certificate.pk
    assert certificate.status_on(today) == "superseded"
    certificate.revoked_at = timezone.now()
    assert certificate.status_on(today) == "revoked"


def test_a_course_uses_its_chosen_design(employee, complete, course):
    design = CertificateDesign.objects.create(name="Digital", heading="Digital badge")
    CertificateDesignAssignment.objects.create(design=design, page=course)
    certificate = complete(employee, course)
    assert certificate.design == design
    assert certificate.design_snapshot["heading"] == "Digital badge"


def test_exactly_one_default_design_exists_and_is_recreated(db):
    from django.db import IntegrityError, transaction

    default = design_default_ensure()
    assert CertificateDesign.objects.filter(is_default=True).count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        CertificateDesign.objects.create(name="Second", is_default=True)
    CertificateDesign.objects.all().delete()
    again = design_default_ensure()
    assert again.is_default and again.pk != default.pk


def test_unknown_placeholders_are_refused(db):
    from django.core.exceptions import ValidationError

    design = CertificateDesign(name="Typo", body="completed {cours} on {date}")
    with pytest.raises(ValidationError) as error:
        design.full_clean()
    assert "body" in error.value.message_dict


def _reset_and_complete_again(enrolment, complete, user, course):
    """Recertification: the enrolment is reopened and the course completed again."""
    enrolment.completions.all().delete()
    Enrolment.objects.filter(pk=enrolment.pk).update(completed_at=None)
    return complete(user, course)


def test_a_second_completion_supersedes_the_first_certificate(
    employee, ld_admin, complete
):
    course = make_course(modules=1, validity_months=12)
    first = complete(employee, course)
    enrolment = Enrolment.objects.get(pk=first.enrolment_id)
    second = _reset_and_complete_again(enrolment, complete, employee, course)
    first.refresh_from_db()
    assert second.pk != first.pk
    assert first.superseded_by == second
    assert first.status == "superseded"
    assert second.status == "valid"
    event = first.events.get(kind="superseded")
    assert second.number in event.reason
    # A new enrolment after the old one was deleted supersedes too.
    Enrolment.objects.filter(pk=enrolment.pk).delete()
    third = complete(employee, course)
    second.refresh_from_db()
    assert second.superseded_by == third


def test_nothing_is_e_mailed(certificate, mailoutbox):
    assert mailoutbox == []


def test_revoking_needs_a_reason_and_happens_once(certificate, ld_admin):
    with pytest.raises(CertificateError) as error:
        certificate_revoke(certificate=certificate, actor=ld_admin, reason="  ")
    assert error.value.code == "reason_required"
    certificate_revoke(
        certificate=certificate, actor=ld_admin, reason="Issued in error"
    )
    certificate.refresh_from_db()
    assert certificate.status == "revoked"
    assert certificate.revoked_by == ld_admin
    with pytest.raises(CertificateError) as error:
        certificate_revoke(certificate=certificate, actor=ld_admin, reason="Again")
    assert error.value.code == "already_revoked"
    event = certificate.events.get(kind="revoked")
    assert (event.actor, event.reason) == (ld_admin, "Issued in error")


def test_events_are_append_only(certificate):
    event = certificate.events.first()
    event.reason = "rewritten"
    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(ValueError):
        event.delete()
    assert CertificateEvent.objects.get(pk=event.pk).reason != "rewritten"


def test_completing_every_course_of_a_path_issues_the_path_certificate(
    employee, complete
):
    first = make_course(title="Data basics", modules=1, duration_minutes=60)
    second = make_course(
        title="Data stories", modules=1, duration_minutes=30, validity_months=24
    )
    path = LearningPathPage(title="Data path", slug="data-path")
    path.path_courses = [
        LearningPathCourse(course=first, sort_order=0),
        LearningPathCourse(course=second, sort_order=1),
    ]
    CourseIndexPage.objects.get().add_child(instance=path)
    complete(employee, first)
    assert not Certificate.objects.filter(learning_path=path).exists()
    last = complete(employee, second)
    path_certificate = Certificate.objects.get(learning_path=path)
    assert path_certificate.title == "Data path"
    assert path_certificate.hours == pytest.approx(1.5)
    assert path_certificate.completed_at == last.completed_at
    assert path_certificate.expires_on == add_months(
        timezone.localdate(last.completed_at), 24
    )
    # Idempotent: asking again returns the same one.
    assert certificate_issue_for_path(user=employee, path=path) == path_certificate


@pytest.fixture
def fake_skills_provider():
    """Certificates read attested skills from whatever provider is connected."""
    previous = skills_provider_connect(lambda *, page_ids: ["Phishing awareness"])
    yield
    skills_provider_connect(previous)


def test_the_skills_hook_fills_the_snapshot(
    employee, course, complete, fake_skills_provider
):
    assert complete(employee, course).skills == ["Phishing awareness"]


def test_without_a_provider_a_certificate_lists_no_skills(employee, course, complete):
    previous = skills_provider_connect(None)
    try:
        assert complete(employee, course).skills == []
    finally:
        skills_provider_connect(previous)
