"""gunicorn servers on 127.0.0.1 and the load that measures them (wrk, or Python threads).

Shared by `bench_learner_pages` and `benchmarks/peer/compare.py`. Servers run
with 2 sync workers on a free port below Linux's ephemeral range, and stop with
the process that started them: on `serving`'s exit, and (PR_SET_PDEATHSIG) even
if that process is killed outright.
"""

import contextlib
import ctypes
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

SECONDS = 2  # per page per round, with wrk
REQUESTS = 300  # per page per round, with Python threads
CONNECTIONS = 16
# Below Linux's ephemeral range (32768-60999), so the port cannot collide with a
# client socket's.
PORTS = range(20_000, 32_768)
_PR_SET_PDEATHSIG = 1


def free_port() -> int:
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
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))
    if not rate:  # every request outlasted the run: no figure at all
        raise RuntimeError(f"{path}: no answer within {SECONDS} s\n{result.stdout}")
    return rate


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


def warm(port: int, path: str, cookie: str, *, each: int = 4) -> None:
    """Ask for `path` a few times on two connections at once, waiting as long as it takes.

    A worker's first requests import and compile what the page needs, which on a
    busy machine can outlast a whole timed run; this makes sure both workers
    have done so before anything is timed.
    """
    errors = []

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for _ in range(each):
            headers = {"Host": "127.0.0.1", **({"Cookie": cookie} if cookie else {})}
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                errors.append(f"{path} answered {response.status}")
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise RuntimeError(errors[0])


load = _load_wrk if shutil.which("wrk") else _load_threads
LOADER = "wrk" if load is _load_wrk else "Python threads"


def _die_with_parent() -> None:
    # Runs in the child before exec: the kernel sends SIGTERM to it when the
    # benchmark's process dies, however it dies.
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def gunicorn(
    port: int,
    *,
    app: str = "training_site.wsgi:application",
    python: str = sys.executable,
    cwd: Path,
    env: dict[str, str],
) -> subprocess.Popen:
    """Start gunicorn (2 sync workers) on 127.0.0.1:`port` and wait until it answers."""
    server = subprocess.Popen(
        [
            python,
            "-m",
            "gunicorn",
            app,
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
        cwd=cwd,
        env={**os.environ, **env},
        # Safe here: prctl only, and no thread of ours runs while a server starts.
        preexec_fn=_die_with_parent,
    )
    for _ in range(100):
        if server.poll() is not None:
            raise RuntimeError(
                f"gunicorn on port {port} exited with {server.returncode}"
            )
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.1)
    stop(server)
    raise RuntimeError("gunicorn did not start")


def stop(server: subprocess.Popen) -> None:
    """Stop a server, waiting for its workers; kill it if it does not stop."""
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


@contextlib.contextmanager
def stopped_on_signal() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into SystemExit, so `finally` blocks stop the servers."""

    def leave(signum, frame):
        raise SystemExit(128 + signum)

    previous = {
        sig: signal.signal(sig, leave) for sig in (signal.SIGTERM, signal.SIGHUP)
    }
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
