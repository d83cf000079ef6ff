"""/accounts/sso/oidc/…: where sign-in starts, and where the provider sends people back.

Register the callback's absolute URL as the app's redirect URI (docs/sso.md).
"""

from django.urls import path

from . import oidc

urlpatterns = [
    path("login/", oidc.OIDCLoginView.as_view(), name="oidc-login"),
    path("callback/", oidc.OIDCCallbackView.as_view(), name="oidc-callback"),
]
