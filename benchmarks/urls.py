"""The site's URLs plus bare views that serve as baselines."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import path

from training_site.urls import urlpatterns as site_urlpatterns


def bare(request):
    return HttpResponse("ok")


@login_required
def bare_with_user(request):
    # Loads the session and the user, like every signed-in page, and nothing else.
    return HttpResponse(f"ok {request.user.pk}")


urlpatterns = [
    path("__bench__/bare/", bare),
    path("__bench__/bare-user/", bare_with_user),
    *site_urlpatterns,
]
