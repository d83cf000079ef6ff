"""/accounts/sso/saml/…: the URLs the city's IdP is told about (docs/sso.md).

Every view answers 404 while SAML is not set up (SAML_IDP_METADATA_FILE/URL).
"""

from django.urls import path

from .saml import (
    AssertionConsumerServiceView,
    LoginView,
    LogoutServiceView,
    MetadataView,
    saml_session,
)

urlpatterns = [
    path("login/", saml_session(LoginView.as_view()), name="saml-login"),
    path(
        "acs/",
        saml_session(AssertionConsumerServiceView.as_view()),
        name="saml-acs",
    ),
    path("ls/", saml_session(LogoutServiceView.as_view()), name="saml-ls"),
    path("metadata/", MetadataView.as_view(), name="saml-metadata"),
]
