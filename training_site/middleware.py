"""Request middleware of our own."""

import time

from django.conf import settings


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
