"""Module and course pages under gunicorn, side by side with a bare hello and a bare session-and-user view.

All four URLs are served by one gunicorn (2 sync workers, DEBUG=False, on
127.0.0.1) in one run, in alternating rounds, so a burst of other load on the
machine lands on every side of a ratio alike. The figures that matter are the
ratios: module page >= 0.5x and course page >= 0.4x the requests per second of
a view that only loads the session and the user (`benchmarks/urls.py`; the
bare views exist only in the benchmark's URLconf). Load comes from `wrk`
(Debian's, installed by `scripts/sysdeps.sh test`) or, without it, from Python
threads sending a fixed number of requests.
"""

import os
import statistics
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from benchmarks.harness import Figure
from benchmarks.servers import (
    CONNECTIONS,
    LOADER,
    free_port,
    gunicorn,
    load,
    stop,
    warm,
)
from courses.models import ModulePage

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 5
# Measured again on a server with persistent connections: name -> page.
KEPT = {"session_kept": "session", "module_kept": "module"}


def _gunicorn(port: int, *, conn_max_age: int = 0):
    env = {
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "DB_CONN_MAX_AGE": str(conn_max_age),
    }
    return gunicorn(port, cwd=ROOT, env=env)


MODULE_SLUG = "mapping-the-service-journey"  # the third of its course's six


def learner_pages() -> tuple[dict[str, str], dict[str, str], dict[str, int]]:
    """Seed the demo; the pages measured, the cookie each is asked with and its queries."""
    call_command("seed_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    user = get_user_model().objects.get(username="employee")
    module = ModulePage.objects.live().filter(slug=MODULE_SLUG).first()
    pages = {
        "hello": "/__bench__/bare/",
        "session": "/__bench__/bare-user/",
        "module": module.url,
        "course": module.get_parent().url,
    }
    signed_in = Client()
    signed_in.force_login(user)
    cookie = f"sessionid={signed_in.cookies['sessionid'].value}"
    # The hello view is asked without a cookie: Django's floor, with no session.
    cookies = {name: "" if name == "hello" else cookie for name in pages}
    queries = {}
    with override_settings(ROOT_URLCONF="benchmarks.urls"):
        for name, path in pages.items():
            client = Client() if name == "hello" else signed_in
            assert client.get(path).status_code == 200, path
            with CaptureQueriesContext(connection) as captured:
                client.get(path)
            queries[name] = len(captured)
    return pages, cookies, queries


def run() -> list[Figure]:
    pages, cookies, queries = learner_pages()
    connection.close()  # SQLite: let the server processes have the file

    port = free_port()
    server = _gunicorn(port)
    # The same pages from a second server that keeps its database connections
    # (production's default, DB_CONN_MAX_AGE=60), in the same rounds.
    kept_port = free_port()  # the first server holds its port by now
    kept = _gunicorn(kept_port, conn_max_age=60)
    rates: dict[str, list[float]] = {name: [] for name in [*pages, *KEPT]}
    try:
        for name, path in pages.items():  # warm both workers' caches
            warm(port, path, cookies[name])
            load(port, path, cookies[name])
            if name in ("session", "module"):
                warm(kept_port, path, cookies[name])
                load(kept_port, path, cookies[name])
        for _ in range(ROUNDS):
            for name, path in pages.items():
                rates[name].append(load(port, path, cookies[name]))
            for name, page in KEPT.items():
                rates[name].append(load(kept_port, pages[page], cookies[page]))
    finally:
        for process in (server, kept):
            stop(process)
    rate = {name: statistics.median(values) for name, values in rates.items()}
    where = f"gunicorn -w 2, {LOADER} -c{CONNECTIONS}, median of {ROUNDS}"
    return [
        Figure(f"bare hello view, no session ({where})", rate["hello"], "req/s"),
        Figure(
            "bare session+user view",
            rate["session"],
            "req/s",
            "hello",
            rate["hello"],
        ),
        Figure(
            "module page, signed in",
            rate["module"],
            "req/s",
            "bare session+user",
            rate["session"],
            goal=">= 0.5x",
        ),
        Figure(
            "course page, signed in",
            rate["course"],
            "req/s",
            "bare session+user",
            rate["session"],
            goal=">= 0.4x",
        ),
        Figure("module page ÷ hello", rate["module"], "req/s", "hello", rate["hello"]),
        Figure("course page ÷ hello", rate["course"], "req/s", "hello", rate["hello"]),
        Figure(
            "module page, connections kept (DB_CONN_MAX_AGE=60)",
            rate["module_kept"],
            "req/s",
            "DB_CONN_MAX_AGE=0",
            rate["module"],
        ),
        Figure(
            "bare session+user view, connections kept",
            rate["session_kept"],
            "req/s",
            "DB_CONN_MAX_AGE=0",
            rate["session"],
        ),
        *(
            Figure(
                f"queries per request: {name}",
                count,
                "queries",
                goal="<= 8" if name in ("module", "course") else "",
            )
            for name, count in queries.items()
        ),
    ]
