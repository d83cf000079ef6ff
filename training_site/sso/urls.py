"""/accounts/sso/…: each protocol's own views (docs/sso.md lists the URLs to register)."""

from django.urls import include, path

app_name = "sso"

urlpatterns = [
    path("oidc/", include("training_site.sso.oidc_urls")),
    path("saml/", include("training_site.sso.saml_urls")),
]
