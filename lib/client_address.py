"""The visitor's address, through the reverse proxies the settings say are there.

One rule for everything keyed by address: failed-login lockouts (django-axes,
through AXES_CLIENT_IP_CALLABLE) and the certificate-verification rate limit.
"""

from django.conf import settings


def client_address(request) -> str:
    """REMOTE_ADDR, or behind AXES_IPWARE_PROXY_COUNT proxies the address the
    outermost of them saw.

    Each proxy appends the address it received the request from to
    X-Forwarded-For, so with N proxies the N-th entry from the end is the one
    the outermost proxy saw: what the visitor wrote into the header comes
    before it and is never believed. With no proxy set, the header is ignored.
    """
    proxies = getattr(settings, "AXES_IPWARE_PROXY_COUNT", None) or 0
    if proxies:
        forwarded = [
            address.strip()
            for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if address.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
