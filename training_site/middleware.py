"""Request middleware of our own."""

import time

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from lib.request_limits import max_body_bytes, max_upload_bytes, megabytes
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


class RequestSizeLimitMiddleware:
    """Refuse a body above the view's limit with 413, before anything reads it.

    Listed before CsrfViewMiddleware, whose check reads the whole POST body.
    The limit is the view's own (lib.request_limits) or MAX_REQUEST_BYTES; the
    length is the one the client declares, which is all Django will ever read.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length <= max_body_bytes(view_func):
            return None
        limit = megabytes(max_upload_bytes(view_func))
        message = _(
            "That upload is too large: this page takes files of up to %(limit)s, "
            "and yours was %(size)s. Nothing was saved."
        ) % {"limit": limit, "size": megabytes(length)}
        if request.path_info.startswith("/api/") or "json" in request.headers.get(
            "Accept", ""
        ):
            return JsonResponse({"error": message}, status=413)
        context = {"message": message, "back_url": request.get_full_path()}
        return render(request, "413.html", context, status=413)
