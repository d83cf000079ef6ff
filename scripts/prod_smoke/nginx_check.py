"""Requests through nginx with deploy/nginx/training.conf (scripts/prod-smoke.sh).

    python nginx_check.py HTTPS_PORT HTTP_PORT HOST

TLS ends at nginx (a certificate made for the run); nginx passes the scheme,
the client address and a request id to the app. Fails unless pages answer
over HTTPS, plain HTTP redirects to it, the health URL answers over plain
HTTP, the app echoes nginx's request id, an upload over the limit is refused
by nginx, and media is not served from disk.
"""

import http.client
import re
import ssl
import sys

HTTPS_PORT, HTTP_PORT, HOST = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
failures: list[str] = []


def ask(
    method: str, path: str, *, tls: bool = True, body: bytes | None = None, headers=None
):
    if tls:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        conn = http.client.HTTPSConnection(
            "127.0.0.1", HTTPS_PORT, context=context, timeout=60
        )
    else:
        conn = http.client.HTTPConnection("127.0.0.1", HTTP_PORT, timeout=60)
    conn.request(method, path, body=body, headers={"Host": HOST, **(headers or {})})
    response = conn.getresponse()
    response.read()
    print(f"{'https' if tls else 'http'} {method} {path} -> {response.status}")
    return response


def check(condition: bool, what: str) -> None:
    if not condition:
        failures.append(what)


home = ask("GET", "/")
check(home.status == 200, "the home page answers over HTTPS")
check("nginx" in (home.getheader("Server") or ""), "nginx is in front")
ids = {ask("GET", "/verify/").getheader("X-Request-ID") for _ in range(2)}
check(
    len(ids) == 2 and all(re.fullmatch(r"[0-9a-f]{32}", i or "") for i in ids),
    f"each response carries nginx's own request id: {ids}",
)
forged = ask("GET", "/verify/", headers={"X-Request-ID": "client-made-this-up"})
check(forged.getheader("X-Request-ID") != "client-made-this-up", "nginx sets the id")
# Over HTTPS the app sees X-Forwarded-Proto: https, so it does not redirect.
check(ask("GET", "/accounts/login/").status == 200, "sign-in answers over HTTPS")
plain = ask("GET", "/my/learning/", tls=False)
check(
    plain.status == 301
    and plain.getheader("Location") == f"https://{HOST}/my/learning/",
    "plain HTTP redirects to HTTPS",
)
check(ask("GET", "/health/ready/", tls=False).status == 200, "health over plain HTTP")
big = ask(
    "POST",
    "/verify/",
    body=b"x" * (22 * 1024 * 1024),
    headers={"Content-Type": "application/octet-stream"},
)
check(
    big.status == 413 and "nginx" in (big.getheader("Server") or ""),
    "nginx refuses a body over 21 MB",
)
check(ask("GET", "/media/certificates/").status == 404, "media is not listed or served")

if failures:
    print("nginx check failed:\n  " + "\n  ".join(failures))
    sys.exit(1)
print("nginx check passed")
