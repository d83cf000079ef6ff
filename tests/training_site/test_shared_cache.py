"""Two app servers and one Redis: the verification rate limit counts for both.

Each server is its own `manage.py runserver` process on a copy of the test
database, both with CACHE_URL pointing at a Redis started for the test. Without
the shared cache each server would let 60 a minute through, 120 in all.
"""

import http.client
import shutil
import subprocess
import time
from pathlib import Path

from django.db import connection

import pytest

from tests.servers import app_server, free_port

pytestmark = pytest.mark.skipif(
    shutil.which("redis-server") is None,
    reason="redis-server is not installed (Debian package redis-server, "
    "scripts/sysdeps.sh test installs it)",
)

LIMIT = 60  # CERTIFICATE_VERIFY_RATE_LIMIT's default


@pytest.fixture
def redis_url():
    port = free_port(26000)
    server = subprocess.Popen(  # noqa: S603 (Debian's redis-server)
        [
            shutil.which("redis-server"),
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--daemonize",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=30)


def _database_url(tmp_path: Path) -> str:
    """The migrated test database, for another process: a copy on SQLite."""
    if connection.vendor == "sqlite":
        copy = tmp_path / "db.sqlite3"
        with connection.cursor() as cursor:
            cursor.execute("VACUUM INTO %s", [str(copy)])
        return f"sqlite:///{copy}"
    db = connection.settings_dict
    return (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/"
        f"{db['NAME']}"
    )


# Time left in the clock minute needed to send every request within it.
MARGIN_SECONDS = 15


def _verify_statuses(ports: list[int], requests: int) -> dict[int, list[int]]:
    """GET a verification page `requests` times, alternating between the servers."""
    connections = {
        port: http.client.HTTPConnection("127.0.0.1", port) for port in ports
    }
    statuses: dict[int, list[int]] = {port: [] for port in ports}
    for n in range(requests):
        port = ports[n % len(ports)]
        connections[port].request("GET", "/verify/NO-SUCH-CODE/")
        response = connections[port].getresponse()
        response.read()
        statuses[port].append(response.status)
    return statuses


@pytest.mark.django_db(transaction=True)
def test_the_verification_limit_is_shared_by_two_app_servers(redis_url, tmp_path):
    env = {"DATABASE_URL": _database_url(tmp_path), "CACHE_URL": redis_url}
    ports = [free_port(23000), free_port(24000)]
    with app_server(port=ports[0], env=env), app_server(port=ports[1], env=env):
        # The limit counts per clock minute: start early enough in one to
        # finish within it (90 requests take a few seconds, even on a loaded
        # machine).
        remaining = 60 - time.time() % 60
        if remaining < MARGIN_SECONDS:
            time.sleep(remaining + 0.1)
        minute = int(time.time() // 60)
        statuses = _verify_statuses(ports, LIMIT + 30)
        assert int(time.time() // 60) == minute, (
            f"the requests took over {MARGIN_SECONDS} s"
        )
    answered = [s for per_server in statuses.values() for s in per_server if s != 429]
    assert len(answered) == LIMIT
    assert set(answered) == {404}  # an unknown code, not an error
    for per_server in statuses.values():  # both refuse once the shared count is full
        assert 429 in per_server and 404 in per_server
