"""Real requests against the production server that scripts/prod-smoke.sh started.

    python requests.py BASE_URL HOST SEED_JSON_FILE PHASE

Each persona signs in through the login form and asks for its pages; any 5xx,
a page answering other than expected, or a static file missing from the
manifest fails the run. Requests carry `X-Forwarded-Proto: https`, as the
reverse proxy in front of gunicorn sends it. PHASE "pages" also has the
employee finish the course; PHASE "certificate" (after db_worker rendered the
certificate) checks its verification and download.
"""

import http.client
import json
import os
import re
import sys
from html import unescape
from urllib.parse import urlencode, urlsplit

BASE, HOST, SEED_FILE, PHASE = sys.argv[1:5]
SEED = json.loads(open(SEED_FILE).read().strip().splitlines()[-1])  # noqa: SIM115
PASSWORD = os.environ["SMOKE_PASSWORD"]
LOGIN = "login"  # a redirect to the login page
failures: list[str] = []


class Browser:
    """One visitor: cookies kept across requests, as a browser keeps them."""

    def __init__(self, who: str, *, proxied: bool = True) -> None:
        self.who = who
        self.proxied = proxied
        self.cookies: dict[str, str] = {}
        address = urlsplit(BASE)
        self.conn = http.client.HTTPConnection(address.hostname, address.port)

    def request(self, method: str, path: str, fields: dict | None = None):
        headers = {"Host": HOST}
        if self.proxied:
            headers["X-Forwarded-Proto"] = "https"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if method == "POST":
            fields = {
                "csrfmiddlewaretoken": self.cookies.get("csrftoken", ""),
                **(fields or {}),
            }
            body = urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://{HOST}"
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        content = response.read()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        return response, content

    def expect(self, path: str, expected, method: str = "GET", fields=None) -> bytes:
        response, content = self.request(method, path, fields)
        status, location = response.status, response.getheader("Location", "")
        if expected == LOGIN:
            ok = status == 302 and location.startswith("/accounts/login/")
        elif isinstance(expected, tuple):
            ok = status in expected
        else:
            ok = status == expected
        where = f"{self.who}: {method} {path}"
        print(f"{where} -> {status} {location}".rstrip())
        if status >= 500 or not ok:
            failures.append(f"{where}: expected {expected}, got {status} {location}")
            if status >= 500:
                print(content.decode(errors="replace")[:2000])
        return content

    def sign_in(self, username: str) -> None:
        self.expect("/accounts/login/", 200)
        self.expect(
            "/accounts/login/",
            302,
            method="POST",
            fields={"username": username, "password": PASSWORD},
        )


def check_static(page: bytes) -> None:
    """The stylesheets the page links exist under their hashed (manifest) names."""
    links = re.findall(rb'href="(/static/[^"]+\.css)"', page)
    if not links:
        failures.append("the home page links no stylesheet under /static/")
    for link in links:
        path = unescape(link.decode())
        if not re.search(r"\.[0-9a-f]{12}\.css$", path):
            failures.append(f"{path}: not a hashed name, so no manifest was used")
        Browser("static").expect(path, 200)


course, modules = SEED["course"]["url"], SEED["modules"]
if PHASE == "pages":
    anonymous = Browser("anonymous")
    check_static(anonymous.expect("/", (200, 302)))
    anonymous.expect("/health/live/", 200)
    # A load balancer probes over plain HTTP: answered, not redirected to HTTPS.
    Browser("probe", proxied=False).expect("/health/ready/", 200)
    ready = anonymous.expect("/health/ready/", 200)
    print("  ", ready.decode())
    anonymous.expect("/my/learning/", LOGIN)
    anonymous.expect(course, (200, 302))
    anonymous.expect("/verify/", 200)
    anonymous.expect("/verify/NO-SUCH-CODE/", 404)
    anonymous.expect("/admin/", (302,))

    division_report = "/admin/reports/org/training-by-division/"
    pages = {
        "employee": {"/my/team/": 403, "/admin/": 403},
        "manager": {"/my/team/": 200, "/admin/": 403},
        "trainer": {
            "/admin/": 200,
            "/admin/pages/": (200, 302),
            division_report: (403, 302),
        },
        "ld_admin": {"/my/team/": 200, "/admin/": 200, division_report: 200},
    }
    for role, own_pages in pages.items():
        browser = Browser(role)
        browser.sign_in(SEED["people"][role])
        check_static(browser.expect("/", 200))
        browser.expect("/my/learning/", 200)
        browser.expect("/my/certificates/", 200)
        browser.expect(course, 200)
        browser.expect(modules[0]["url"], 200)
        browser.expect("/verify/", 200)
        for path, expected in own_pages.items():
            browser.expect(path, expected)
        if role == "employee":
            # Finishing the course issues a certificate, rendered by db_worker.
            browser.expect(f"/learn/enrol/{SEED['course']['id']}/", 302, method="POST")
            for module in modules:
                browser.expect(
                    f"/learn/modules/{module['id']}/complete/", 302, method="POST"
                )
            browser.expect("/my/learning/", 200)
else:
    employee = Browser("employee")
    employee.sign_in(SEED["people"]["employee"])
    page = employee.expect("/my/certificates/", 200)
    codes = re.findall(rb'href="/verify/([^/"]+)/"', page)
    if not codes:
        failures.append("employee: no certificate on My certificates")
    for code in {c.decode() for c in codes}:
        employee.expect(f"/certificates/{code}/download/", 200)
        Browser("anonymous").expect(f"/verify/{code}/", 200)
        facts = Browser("anonymous").expect(f"/verify/{code}/?format=json", 200)
        print("  ", facts.decode())

if failures:
    print("\nFAILED:\n  " + "\n  ".join(failures))
    sys.exit(1)
print(f"phase {PHASE}: every request answered as expected")
