"""Who may do what with certificates. Views, admin hooks and templates ask these."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from people.permissions import user_can_view_employee
from people.roles import user_is_ld_admin

from .models import Certificate

AnyUser = AbstractBaseUser | AnonymousUser

REVOKE_PERMISSION = "certificates.revoke_certificate"
BULK_PERMISSION = "certificates.bulk_issue_certificate"


def user_can_download_certificate(user: AnyUser, certificate: Certificate) -> bool:
    """The holder, the holder's managers (anyone with them in scope), L&D admins."""
    if not user.is_authenticated or not user.is_active:
        return False
    if certificate.user_id == user.pk or user_is_ld_admin(user):
        return True
    employee = getattr(certificate.user, "employee", None)
    return employee is not None and user_can_view_employee(user, employee)


def user_can_revoke_certificate(
    user: AnyUser, certificate: Certificate | None = None
) -> bool:
    """L&D admins revoke; a revoked certificate cannot be revoked again."""
    if not (user.is_authenticated and user.has_perm(REVOKE_PERMISSION)):
        return False
    return certificate is None or certificate.revoked_at is None


def user_can_bulk_issue_certificates(user: AnyUser) -> bool:
    """L&D admins issue and download a course's certificates in bulk."""
    return user.is_authenticated and user.has_perm(BULK_PERMISSION)
