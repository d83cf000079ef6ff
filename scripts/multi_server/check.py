"""After the load: hold both app servers, the database and storage to what users saw.

    scripts/prod-env.sh .venv/bin/python scripts/multi_server/check.py \
        OBSERVED_JSON SERVER_A_URL SERVER_B_URL

Run by scripts/multi-server.sh once locust has stopped and the killed server
is back. Fails (exit 1) unless:
- every 5xx or broken connection was a request in flight when the server was
  killed (those are counted and listed by method);
- no row is duplicated or lost: one enrolment per person and course, one
  completion per person and module, one certificate per person and course, and
  every enrolment, completion, passed check and certificate a user saw is stored;
- every certificate's PDF is in shared storage with its recorded SHA-256, each
  file a user downloaded is one the site issued, and BOTH servers, asked
  directly, download it and confirm an upload of it as the file issued;
- the verification rate limit counts across both servers (the shared cache).
"""

import hashlib
import http.client
import io
import json
import os
import sys
import time
import uuid
from collections import Counter
from urllib.parse import urlsplit

import django

sys.path.insert(0, os.getcwd())
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.utils.module_loading import import_string  # noqa: E402

from django_tasks_db.models import DBTaskResult  # noqa: E402

from certificates.models import Certificate, CertificateEvent  # noqa: E402
from courses.models import Enrolment, ModuleCompletion, QuizAttempt  # noqa: E402

OBSERVED_FILE, SERVER_A, SERVER_B = sys.argv[1:4]
HOST = os.environ.get("MULTI_SERVER_HOST", "learning.city.example")
observed = json.load(open(OBSERVED_FILE))  # noqa: SIM115
failures: list[str] = []
ISSUED = "This file is exactly the certificate we issued."


def check(condition: bool, what: str) -> None:
    print(f"  {'ok  ' if condition else 'FAIL'} {what}")
    if not condition:
        failures.append(what)


# -- 1. errors: only the requests in flight at the kill -------------------------
print("== errors during the load")
killed_at = observed["killed_at"]
killed_server = observed.get("killed_server", "")
check(killed_at is not None, "one app server was killed during the load")
errors = [r for r in observed["requests"] if r["status"] >= 500 or r["status"] == 0]
# In flight at the kill: nginx had handed it to the killed server, before the kill
# or in the moment after it, when nginx still sent requests down connections
# the dead server's kernel had closed (nginx learns of that by using them).
GRACE = 1.0
in_flight = [
    r
    for r in errors
    if killed_at
    and killed_server
    and killed_server in r["upstream"]
    and r["start"] <= killed_at + GRACE
    and r["end"] >= killed_at
]
others = [r for r in errors if r not in in_flight]
by_method = Counter(r["method"] for r in in_flight)
print(
    f"  {len(observed['requests'])} requests; {len(errors)} answered 5xx or broke off;"
    f" {len(in_flight)} of them in flight at the kill ({dict(by_method) or 'none'})"
)
for r in errors[:30]:
    print(
        f"    {'in flight' if r in in_flight else 'OTHER    '} {r['method']} {r['name']}"
        f" -> {r['status']} via {r['upstream'] or '?'}, began"
        f" {r['start'] - (killed_at or 0):+.2f} s, ended {r['end'] - (killed_at or 0):+.2f} s"
        f" from the kill {r['error'][:80]}"
    )
check(not others, "no 5xx or broken request other than those in flight at the kill")
# nginx answers 502 for a request the dead server dropped; a 500 is the app's own.
from_the_app = [r for r in in_flight if r["status"] not in (0, 502, 503, 504)]
if from_the_app:
    print(
        f"  NOTE {len(from_the_app)} in flight at the kill were retried and then"
        " answered 500 by the other server: see its log"
    )

# -- 2. the scheduled jobs' repair, then the task queue drains -----------------
print("== background work")
# A completion saved just before its server died has no certificate yet: the
# 5-minute cron job (docs/deployment.md, step 6) issues it; run it now, once.
repair = io.StringIO()
call_command("issue_missing_certificates", stdout=repair)
repaired = int(repair.getvalue().split()[0])
print(f"  issue_missing_certificates: {repair.getvalue().strip()} {repaired}")
deadline = time.monotonic() + 120
pending = DBTaskResult.objects.filter(status__in=["READY", "RUNNING"])
while pending.exists() and time.monotonic() < deadline:
    time.sleep(0.5)
check(not pending.exists(), "db_worker finished every queued task within 120 s")
failed = DBTaskResult.objects.filter(status="FAILED")
for traceback in failed.values_list("traceback", flat=True)[:3]:
    print(traceback)
check(not failed.exists(), "no background task failed")

# -- 3. rows: none duplicated, none lost ----------------------------------------
print("== rows")


def duplicates(queryset, *fields) -> int:
    return queryset.values(*fields).annotate(n=Count("pk")).filter(n__gt=1).count()


check(
    duplicates(Enrolment.objects, "user", "course") == 0,
    "one enrolment per person and course",
)
check(
    duplicates(ModuleCompletion.objects, "enrolment__user", "module") == 0,
    "one completion per person and module",
)
current = Certificate.objects.filter(
    revoked_at__isnull=True, superseded_by__isnull=True
)
check(
    duplicates(current, "user", "course") == 0, "one certificate per person and course"
)

seen = observed["seen"]
usernames = {s["user"] for s in seen}
User = Enrolment._meta.get_field("user").related_model
user_ids = dict(
    User.objects.filter(username__in=usernames).values_list("username", "pk")
)
enrolled = set(Enrolment.objects.values_list("user_id", "course_id"))
completed = set(ModuleCompletion.objects.values_list("enrolment__user_id", "module_id"))
passed = set(QuizAttempt.objects.filter(passed=True).values_list("pk", "user_id"))
codes = set(Certificate.objects.values_list("verification_code", flat=True))


def stored_as_seen(s: dict) -> bool:
    uid = user_ids.get(s["user"])
    if s["kind"] == "enrolled":
        return (uid, s["course"]) in enrolled
    if s["kind"] == "completed":
        return (uid, s["module"]) in completed
    if s["kind"] == "passed":
        return (uid, s["module"]) in completed and (s["attempt"], uid) in passed
    return s["code"] in codes  # "certificate", "download"


lost = [s for s in seen if not stored_as_seen(s)]
kinds = Counter(s["kind"] for s in seen)
print(f"  users saw: {dict(kinds)}")
for s in lost[:10]:
    print(f"    lost: {s}")
check(not lost, "everything a user saw done is stored")

# A course whose modules are all complete is complete and has its certificate.
finished = Enrolment.objects.filter(completed_at__isnull=False)
without = finished.exclude(
    pk__in=current.filter(enrolment__isnull=False).values("enrolment")
).count()
print(f"  {finished.count()} courses completed, {current.count()} certificates issued")
check(finished.exists(), "employees completed courses during the load")
check(without == 0, "every completed course has its certificate")

# -- 4. storage: every PDF there, with its hash ---------------------------------
print("== certificate PDFs in shared storage")
missing, wrong = [], []
stored: dict[str, bytes] = {}
for certificate in current:
    if not certificate.pdf or not certificate.pdf.storage.exists(certificate.pdf.name):
        missing.append(certificate.number)
        continue
    with certificate.pdf.open("rb") as f:
        content = f.read()
    stored[certificate.verification_code] = content
    if hashlib.sha256(content).hexdigest() != certificate.pdf_sha256:
        wrong.append(certificate.number)
check(not missing, f"every certificate's PDF is stored (missing: {missing[:5]})")
check(not wrong, f"every stored PDF has its recorded SHA-256 (wrong: {wrong[:5]})")
issued_hashes = set(
    CertificateEvent.objects.filter(kind="rendered").values_list(
        "certificate__verification_code", "pdf_sha256"
    )
)
downloads = [s for s in seen if s["kind"] == "download"]
strange = [s for s in downloads if (s["code"], s["sha256"]) not in issued_hashes]
check(
    not strange,
    f"each of the {len(downloads)} files users downloaded is one the site issued",
)

# -- 5. both servers, asked directly -------------------------------------------


class Direct:
    """Requests straight to one app server, as nginx makes them, from `source`."""

    def __init__(self, base: str, source: str) -> None:
        address = urlsplit(base)
        self.conn = http.client.HTTPConnection(
            address.hostname, address.port, timeout=60, source_address=(source, 0)
        )
        self.cookies: dict[str, str] = {}

    def request(self, method, path, body=None, headers=None):
        headers = {"Host": HOST, "X-Forwarded-Proto": "https", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        content = response.read()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        return response.status, content


def session_of(user) -> str:
    """A signed-in session made here: it works on a server only if sessions are shared."""
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = next(
        path
        for path in settings.AUTHENTICATION_BACKENDS
        if hasattr(import_string(path), "get_user")
    )
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def upload_body(content: bytes, token: str) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"'
        f"\r\n\r\n{token}\r\n".encode(),
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
        f'filename="certificate.pdf"\r\nContent-Type: application/pdf\r\n\r\n'.encode(),
        content,
        f"\r\n--{boundary}--\r\n".encode(),
    ]
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


print("== every certificate from both servers directly")
refused: list[str] = []
for number, certificate in enumerate(current.select_related("user")):
    content = stored.get(certificate.verification_code)
    if content is None:
        continue
    code = certificate.verification_code
    # A loopback address of its own per certificate: the rate limit counts per address.
    source = f"127.0.{1 + number // 250}.{1 + number % 250}"
    cookie = session_of(certificate.user)
    for server in (SERVER_A, SERVER_B):
        holder = Direct(server, source)
        holder.cookies["sessionid"] = cookie
        status, pdf = holder.request("GET", f"/certificates/{code}/download/")
        if status != 200 or hashlib.sha256(pdf).hexdigest() != certificate.pdf_sha256:
            refused.append(f"{server} download {certificate.number}: {status}")
        visitor = Direct(server, source)
        status, _ = visitor.request("GET", f"/verify/{code}/")
        body, content_type = upload_body(content, visitor.cookies.get("csrftoken", ""))
        status, page = visitor.request(
            "POST",
            f"/verify/{code}/",
            body=body,
            headers={"Content-Type": content_type, "Origin": f"https://{HOST}"},
        )
        if status != 200 or ISSUED.encode() not in page:
            refused.append(f"{server} verify {certificate.number}: {status}")
for line in refused[:10]:
    print(f"    {line}")
check(
    not refused and bool(stored),
    f"both servers download and verify all {len(stored)} certificates (hash matches)",
)

# -- 6. the rate limit counts across both servers -------------------------------
print("== the verification rate limit across both servers")
limit = getattr(settings, "CERTIFICATE_VERIFY_RATE_LIMIT", 60)
code = next(iter(stored), "NO-CERTIFICATE")
# The limit counts in fixed one-minute windows: start early in one.
while time.time() % 60 > 40:
    time.sleep(0.5)
answers: Counter = Counter()
clients = {server: Direct(server, "127.0.9.1") for server in (SERVER_A, SERVER_B)}
for number in range(limit + 20):
    server = (SERVER_A, SERVER_B)[number % 2]
    status, _ = clients[server].request("GET", f"/verify/{code}/?format=json")
    answers[(server, status)] += 1
allowed = sum(n for (_, status), n in answers.items() if status != 429)
print(f"  {limit + 20} requests, alternating: {dict(answers)}")
check(
    allowed == limit, f"exactly {limit} answered across both servers, not {limit} each"
)
check(
    answers[(SERVER_A, 429)] > 0 and answers[(SERVER_B, 429)] > 0,
    "both servers refuse once the shared budget is spent",
)

if failures:
    print("\nmulti-server check FAILED:\n  " + "\n  ".join(failures))
    sys.exit(1)
summary = {
    "requests": len(observed["requests"]),
    "in_flight_failed": dict(by_method),
    "certificates": len(stored),
    "issued_late": repaired,
}
with open(os.environ.get("MULTI_SERVER_SUMMARY", os.devnull), "w") as f:
    json.dump(summary, f)
print(f"multi-server check passed: {json.dumps(summary)}")
