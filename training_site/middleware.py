"""Request middleware of our own."""

import time

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse

from people.permissions import user_can_access_admin


class IdleSessionTimeoutMiddleware:
    """End sessions after SESSION_COOKIE_AGE seconds without a request.

    Django only pushes a session's expiry forward when the session is saved.
    Saving on every request (SESSION_SAVE_EVERY_REQUEST) costs a write per page,
    so this touches the session at most once a minute: an active user stays
    signed in, an idle one is signed out within a minute of the limit.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            last_touch = request.session.get("_last_touch", 0)
            if now - last_touch >= settings.SESSION_IDLE_TOUCH_SECONDS:
                request.session["_last_touch"] = now
        return self.get_response(request)


class AdminAccessMiddleware:
    """A signed-in user without admin access is told so, not sent to sign in again.

    Wagtail answers them with a redirect to the login page, which reads as "your
    session ended". Anonymous visitors still go to sign in (Wagtail does that).
    """

    # Under /admin/, the pages Wagtail itself leaves open to everyone.
    OPEN = ("login/", "sprite/", "password_reset/", "jsi18n/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        prefix = reverse("wagtailadmin_home")
        path = request.path_info
        if (
            path.startswith(prefix)
            and not path[len(prefix) :].startswith(self.OPEN)
            and request.user.is_authenticated
            and not user_can_access_admin(request.user)
        ):
            return render(request, "training_site/admin_refused.html", status=403)
        return self.get_response(request)
