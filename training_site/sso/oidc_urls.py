"""Stub until the OpenID Connect part lands."""

urlpatterns = []
