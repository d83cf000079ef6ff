"""A signed-in learner's module page under gunicorn, against a bare session-and-user view.

Both URLs are served by the same gunicorn (2 sync workers, DEBUG=False) in the
same run; the figure that matters is the ratio (goal >= 0.5: the module page
serves at least half as many requests per second as a view that only loads
the session and the user).
"""

import http.client
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from benchmarks.harness import Figure
from courses.models import ModulePage

ROOT = Path(__file__).resolve().parent.parent
SECONDS = 3
ROUNDS = 4
CONNECTIONS = 4


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _load(port: int, path: str, cookie: str) -> float:
    """Requests per second over SECONDS with CONNECTIONS keep-alive clients."""
    counts = [0] * CONNECTIONS
    deadline = time.monotonic() + SECONDS

    def client(i: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while time.monotonic() < deadline:
            conn.request("GET", path, headers={"Cookie": cookie, "Host": "127.0.0.1"})
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                raise RuntimeError(f"{path} answered {response.status}")
            counts[i] += 1
        conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / SECONDS


def run() -> list[Figure]:
    call_command("seed_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    user = get_user_model().objects.get(username="employee")
    module = (
        ModulePage.objects.live().filter(slug="mapping-the-service-journey").first()
    )
    client = Client()
    client.force_login(user)
    client.get(module.url)
    with CaptureQueriesContext(connection) as queries:
        client.get(module.url)
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    connection.close()  # SQLite: let the server processes have the file

    port = _free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "benchmarks.settings"}
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
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        _load(port, module.url, cookie)  # warm both workers
        # Alternate the two and keep each one's best round, so a burst of other
        # load on the machine does not land on one side of the ratio only.
        bare = page = 0.0
        for _ in range(ROUNDS):
            bare = max(bare, _load(port, "/__bench__/bare-user/", cookie))
            page = max(page, _load(port, module.url, cookie))
    finally:
        server.terminate()
        server.wait(timeout=10)
    return [
        Figure(
            "module page, signed in (gunicorn, 2 workers)",
            page,
            "req/s",
            "bare session+user view",
            bare,
            goal=">= 0.5x",
        ),
        Figure("queries per module page view", len(queries), "queries", goal="<= 8"),
    ]
