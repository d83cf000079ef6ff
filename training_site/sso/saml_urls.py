"""Stub until the SAML part lands."""

urlpatterns = []
