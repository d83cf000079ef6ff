"""wagtail-lms's URLs and Wagtail's, plus the same bare session-and-user view as ours."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls


@login_required
def bare_with_user(request):
    # Loads the session and the user, like every signed-in page, and nothing else.
    return HttpResponse(f"ok {request.user.pk}")


urlpatterns = [
    path("__bench__/bare-user/", bare_with_user),
    path("admin/", include(wagtailadmin_urls)),
    path("lms/", include("wagtail_lms.urls")),
    path("", include(wagtail_urls)),
]
