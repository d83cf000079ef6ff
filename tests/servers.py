"""Real servers for tests that need another process: free ports, waiting, stopping."""

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings


def free_port(start: int = 21000) -> int:
    """A free port below the ephemeral range, so no outgoing connection holds it."""
    for port in range(start + os.getpid() % 5000, 32000):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port")


def wait_until_serving(port: int, server: subprocess.Popen) -> None:
    """Return once `server` accepts connections on `port` (30 s at most)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert server.poll() is None, server.stderr.read().decode()
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError("the server did not start within 30 s")


@contextmanager
def app_server(*, port: int, env: dict[str, str]):
    """`manage.py runserver` with the test settings and `env`; stopped afterwards."""
    server = subprocess.Popen(  # noqa: S603 (our own manage.py)
        [
            sys.executable,
            "manage.py",
            "runserver",
            "--noreload",
            "--skip-checks",
            f"127.0.0.1:{port}",
        ],
        cwd=Path(settings.BASE_DIR),
        env={
            **{k: v for k, v in os.environ.items() if k != "TEST_DB_NAME"},
            "DJANGO_SETTINGS_MODULE": "training_site.settings.test",
            **env,
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_until_serving(port, server)
        yield server
    finally:
        server.terminate()
        server.communicate(timeout=30)
