"""The URL map. Wagtail's page tree serves everything not matched above it."""

from django.conf import settings
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from courses import views as course_views
from people import views as people_views

from . import health, media, views
from .accounts_urls import admin_login_view

site_patterns = (
    [
        path("learning/", views.my_learning, name="my-learning"),
        path("certificates/", views.my_certificates, name="my-certificates"),
        path("profile/", people_views.my_profile, name="my-profile"),
    ],
    "training_site",
)

urlpatterns = [
    # Probes (docs/deployment.md, "Health checks"): no sign-in, no redirect to HTTPS.
    path("health/live/", health.live, name="health-live"),
    path("health/ready/", health.ready, name="health-ready"),
    path("accounts/sso/", include("training_site.sso.urls")),
    path("accounts/", include("training_site.accounts_urls")),
    # The admin signs in through the site's own login page (one login, one throttle).
    path("admin/login/", admin_login_view, name="admin-login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("my/", include(site_patterns)),
    path("my/", include("reports.urls")),
    path("learn/", include("courses.urls")),
    path("learn/assignments/", include("assignments.urls")),
    path("skills/", include("skills.urls")),
    # /my/changes/… (and the readiness pages): change names its own paths.
    path("", include("change.urls")),
    # /verify/… (public) and /certificates/…/download/ (signed in).
    path("", include("certificates.urls")),
]

# Only CMS images have a media URL; other files go through their own views.
urlpatterns += [
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media.cms_image),
]

urlpatterns += [
    # Course and module pages, served fast (see courses.views); Wagtail the rest.
    path("courses/<slug:course_slug>/", course_views.course_detail),
    path("courses/<slug:course_slug>/<slug:module_slug>/", course_views.module_detail),
    path("", include(wagtail_urls)),
]

handler403 = "training_site.views.permission_denied"
handler404 = "training_site.views.page_not_found"
