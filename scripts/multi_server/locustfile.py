"""Employees taking courses through nginx while one app server dies (multi-server.sh).

    locust -f scripts/multi_server/locustfile.py --headless -u 50 -r 10 -t 120s \
        --host https://127.0.0.1:PORT

Each simulated employee signs in with the login form, browses the catalogue,
enrols on each course (twice, as a double click does), completes its lesson,
passes its knowledge check, downloads the certificate the course issues and
verifies it, then keeps browsing. MULTI_SERVER_KILL_PGID names the process
group of one app server: it is sent SIGKILL MULTI_SERVER_KILL_AFTER seconds
into the run. At the end the file MULTI_SERVER_OBSERVED holds what the
employees saw (completions, certificates, downloaded files' SHA-256) and every
request with its start and end, for check.py to hold the database to.
"""

import hashlib
import json
import os
import re
import signal
import time

import gevent
import urllib3
from locust import HttpUser, between, events, task
from requests.adapters import HTTPAdapter

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)

SEED = json.loads(open(os.environ["MULTI_SERVER_SEED"]).read().splitlines()[-1])  # noqa: SIM115
PASSWORD = os.environ["MULTI_SERVER_PASSWORD"]
HOST = os.environ.get("MULTI_SERVER_HOST", "learning.city.example")
OBSERVED = os.environ["MULTI_SERVER_OBSERVED"]
KILL_PGID = int(os.environ.get("MULTI_SERVER_KILL_PGID", "0"))
KILL_AFTER = float(os.environ.get("MULTI_SERVER_KILL_AFTER", "60"))
KILL_SERVER = os.environ.get("MULTI_SERVER_KILL_ADDRESS", "")

employees = iter(SEED["employees"])
requests_log: list[dict] = []
seen: list[dict] = []
killed: dict = {}


@events.request.add_listener
def log_request(request_type, name, response_time, response, exception, **kwargs):
    end = time.time()
    requests_log.append(
        {
            "method": request_type,
            "name": name,
            "start": end - response_time / 1000,
            "end": end,
            "status": getattr(response, "status_code", 0) or 0,
            # Which app servers nginx tried (multi-server.sh adds the header).
            "upstream": getattr(response, "headers", {}).get("X-Upstream", ""),
            "error": str(exception) if exception else "",
        }
    )


def _kill_one_server():
    gevent.sleep(KILL_AFTER)
    killed["at"] = time.time()
    os.killpg(KILL_PGID, signal.SIGKILL)
    print(f"killed app server (process group {KILL_PGID}) at {KILL_AFTER:.0f} s")


@events.test_start.add_listener
def start_killer(environment, **kwargs):
    if KILL_PGID:
        gevent.spawn(_kill_one_server)


@events.quitting.add_listener
def write_observed(environment, **kwargs):
    with open(OBSERVED, "w") as f:
        json.dump(
            {
                "killed_at": killed.get("at"),
                "killed_server": KILL_SERVER,
                "requests": requests_log,
                "seen": seen,
            },
            f,
        )


class FromAddress(HTTPAdapter):
    """Connections from one loopback address: each employee is a client of their own."""

    def __init__(self, address: str) -> None:
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


class Employee(HttpUser):
    wait_time = between(0.5, 2)

    def on_start(self):
        self.username = next(employees)
        number = SEED["employees"].index(self.username) + 1
        # nginx passes this address on (X-Forwarded-For): the rate limit and
        # the sign-in lockouts count per employee, as they would per device.
        self.client.mount("https://", FromAddress(f"127.0.2.{number}"))
        self.client.verify = False
        self.client.headers.update(
            {"Host": HOST, "Origin": f"https://{HOST}", "Referer": f"https://{HOST}/"}
        )
        self.journey = self.steps()

    @task
    def next_step(self):
        next(self.journey)

    # -- requests ---------------------------------------------------------------

    def call(self, method, path, name=None, expect=(200,), data=None, **kwargs):
        """One request: a status outside `expect` (or any 5xx) is a failure."""
        if method == "POST":
            data = {
                "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", ""),
                **(data or {}),
            }
        with self.client.request(
            method,
            path,
            name=name or path,
            data=data,
            allow_redirects=False,
            catch_response=True,
            **kwargs,
        ) as response:
            if response.status_code not in expect:
                response.failure(f"{response.status_code}, expected {expect}")
            else:
                response.success()
        return response

    def follow(self, response, name):
        location = response.headers.get("Location", "")
        if response.status_code == 302 and location.startswith("/"):
            return self.call("GET", location, name=name)
        return response

    def note(self, kind, **facts):
        seen.append({"kind": kind, "user": self.username, **facts})

    # -- the journey: one request a step, with a think time between --------------

    def steps(self):
        self.call("GET", "/accounts/login/")
        yield
        signed_in = self.call(
            "POST",
            "/accounts/login/",
            expect=(302,),
            data={"username": self.username, "password": PASSWORD},
        )
        while signed_in.status_code != 302:  # a failed sign-in tries again
            yield
            self.call("GET", "/accounts/login/")
            signed_in = self.call(
                "POST",
                "/accounts/login/",
                expect=(302,),
                data={"username": self.username, "password": PASSWORD},
            )
        yield
        for course in SEED["courses"]:
            yield from self.take(course)
        while True:  # done: keep browsing
            for path, name in (
                ("/my/learning/", None),
                (SEED["catalogue"], "catalogue"),
                (SEED["courses"][0]["url"], "course page"),
                (SEED["courses"][0]["lesson"]["url"], "lesson page"),
                ("/my/certificates/", None),
            ):
                self.call("GET", path, name=name)
                yield

    def take(self, course):
        self.call("GET", SEED["catalogue"], name="catalogue")
        yield
        self.call("GET", course["url"], name="course page")
        yield
        enrol = f"/learn/enrol/{course['id']}/"
        # A double click: two enrolments at once must make one.
        first = self.call("POST", enrol, name="enrol", expect=(302,))
        self.call("POST", enrol, name="enrol (again)", expect=(302,))
        if first.status_code == 302:
            self.note("enrolled", course=course["id"])
        yield
        self.call("GET", course["lesson"]["url"], name="lesson page")
        yield
        done = self.call(
            "POST",
            f"/learn/modules/{course['lesson']['id']}/complete/",
            name="complete lesson",
            expect=(302,),
        )
        if done.status_code == 302:
            self.note("completed", module=course["lesson"]["id"])
        self.follow(done, "check page")
        yield
        started = self.call(
            "POST",
            f"/learn/modules/{course['check']['id']}/quiz/start/",
            name="quiz start",
            expect=(302,),
        )
        attempt = self.follow(started, "quiz attempt")
        fields = set(re.findall(r'name="(q_[^"]+)"', attempt.text or ""))
        match = re.search(
            r"/learn/attempts/(\d+)/", started.headers.get("Location", "")
        )
        yield
        if match:
            submitted = self.call(
                "POST",
                f"/learn/attempts/{match[1]}/submit/",
                name="quiz submit",
                expect=(302,),
                data={**dict.fromkeys(fields, SEED["answer"]), "confirm": "1"},
            )
            result = self.follow(submitted, "quiz result")
            if submitted.status_code == 302 and result.status_code == 200:
                self.note("passed", module=course["check"]["id"], attempt=int(match[1]))
        yield
        page = self.call("GET", "/my/certificates/")
        codes = set(re.findall(r'href="/verify/([^/"]+)/"', page.text or ""))
        for code in codes:
            self.note("certificate", code=code)
        yield
        for code in sorted(codes - getattr(self, "downloaded", set())):
            pdf = self.call("GET", f"/certificates/{code}/download/", name="download")
            if pdf.status_code == 200 and pdf.content.startswith(b"%PDF"):
                self.note(
                    "download",
                    code=code,
                    sha256=hashlib.sha256(pdf.content).hexdigest(),
                )
                self.downloaded = getattr(self, "downloaded", set()) | {code}
            yield
            # Each employee has a budget of their own (60 a minute): never 429.
            self.call("GET", f"/verify/{code}/?format=json", name="verify (json)")
            yield
