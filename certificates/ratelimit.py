"""A small per-client rate limit on the shared cache (fixed one-minute windows).

Keyed by the visitor's address: REMOTE_ADDR, or behind AXES_IPWARE_PROXY_COUNT
reverse proxies the address the farthest of them saw (lib.client_address). Without
that setting behind nginx, REMOTE_ADDR is nginx's, and every visitor would
share one budget.
"""

import functools
import time

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.shortcuts import render

from lib.client_address import client_address

WINDOW_SECONDS = 60


def wants_json(request) -> bool:
    """A verification request asking for JSON (`?format=json`) gets JSON, errors too."""
    return request.GET.get("format") == "json"


def _over_limit(request, *, scope: str, per_minute: int) -> bool:
    window = int(time.time() // WINDOW_SECONDS)
    key = f"ratelimit:{scope}:{client_address(request)}:{window}"
    # add() is a no-op when the key exists; incr() is atomic on Redis/Memcached.
    cache.add(key, 0, timeout=WINDOW_SECONDS * 2)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS * 2)
        count = 1
    return count > per_minute


def rate_limit(scope: str, *, setting: str, default: int):
    """Answer 429 with a friendly page once a client passes the limit for `scope`."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            per_minute = getattr(settings, setting, default)
            if _over_limit(request, scope=scope, per_minute=per_minute):
                if wants_json(request):
                    response = JsonResponse({"status": "rate_limited"}, status=429)
                else:
                    response = render(
                        request, "certificates/rate_limited.html", status=429
                    )
                response["Retry-After"] = str(WINDOW_SECONDS)
                return response
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
