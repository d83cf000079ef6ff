"""The Certificates menu in the Wagtail admin."""

from wagtail import hooks

from .viewsets import CertificatesViewSetGroup


@hooks.register("register_admin_viewset")
def register_certificate_viewsets():
    return CertificatesViewSetGroup()
