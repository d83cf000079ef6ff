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

import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from benchmarks.harness import Figure
from courses.models import ModulePage

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 5
SECONDS = 2  # per page per round, with wrk
REQUESTS = 300  # per page per round, with Python threads
CONNECTIONS = 16
# Below Linux's ephemeral range (32768-60999), so the port cannot collide with a
# client socket's.
PORTS = range(20_000, 32_768)
# Measured again on a server with persistent connections: name -> page.
KEPT = {"session_kept": "session", "module_kept": "module"}


def _free_port() -> int:
    start = PORTS.start + os.getpid() % len(PORTS)
    for port in [*range(start, PORTS.stop), *range(PORTS.start, start)]:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port below 32768")


def _load_wrk(port: int, path: str, cookie: str) -> float:
    """Requests per second over SECONDS with `wrk`."""
    result = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{SECONDS}s",
            *(["-H", f"Cookie: {cookie}"] if cookie else []),
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    # wrk counts redirects and errors as requests too; a benchmark of a 302 or
    # a 500 would be meaningless.
    if "Non-2xx" in result.stdout or "Socket errors" in result.stdout:
        raise RuntimeError(f"{path}: not every answer was 200\n{result.stdout}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))


def _load_threads(port: int, path: str, cookie: str) -> float:
    """Requests per second for REQUESTS requests from CONNECTIONS threads."""
    remaining = iter(range(REQUESTS))
    lock = threading.Lock()

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while True:
            with lock:
                if next(remaining, None) is None:
                    break
            headers = {"Host": "127.0.0.1", **({"Cookie": cookie} if cookie else {})}
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                raise RuntimeError(f"{path} answered {response.status}")
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(CONNECTIONS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return REQUESTS / (time.perf_counter() - started)


def _gunicorn(port: int, *, conn_max_age: int = 0) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "DB_CONN_MAX_AGE": str(conn_max_age),
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "training_site.wsgi:application",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--no-control-socket",
            "--access-logfile",
            "/dev/null",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise RuntimeError("gunicorn did not start")


def run() -> list[Figure]:
    call_command("seed_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    user = get_user_model().objects.get(username="employee")
    module = (
        ModulePage.objects.live().filter(slug="mapping-the-service-journey").first()
    )
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
    connection.close()  # SQLite: let the server processes have the file

    load = _load_wrk if shutil.which("wrk") else _load_threads
    port = _free_port()
    server = _gunicorn(port)
    # The same pages from a second server that keeps its database connections
    # (production's default, DB_CONN_MAX_AGE=60), in the same rounds.
    kept_port = _free_port()  # the first server holds its port by now
    kept = _gunicorn(kept_port, conn_max_age=60)
    rates: dict[str, list[float]] = {name: [] for name in [*pages, *KEPT]}
    try:
        for name, path in pages.items():  # warm both workers' caches
            load(port, path, cookies[name])
            if name in ("session", "module"):
                load(kept_port, path, cookies[name])
        for _ in range(ROUNDS):
            for name, path in pages.items():
                rates[name].append(load(port, path, cookies[name]))
            for name, page in KEPT.items():
                rates[name].append(load(kept_port, pages[page], cookies[page]))
    finally:
        for process in (server, kept):
            process.terminate()
            process.wait(timeout=10)
    rate = {name: statistics.median(values) for name, values in rates.items()}
    loader = "wrk" if load is _load_wrk else "Python threads"
    where = f"gunicorn -w 2, {loader} -c{CONNECTIONS}, median of {ROUNDS}"
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
