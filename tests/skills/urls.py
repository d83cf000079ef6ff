"""The site's URLs plus /skills/, for tests run before training_site.urls mounts skills."""

from django.urls import include, path

from training_site.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("skills/", include("skills.urls")), *site_urlpatterns]

handler403 = "training_site.views.permission_denied"
handler404 = "training_site.views.page_not_found"
