"""Our course and module pages against wagtail-lms's, side by side (`make bench-peer`).

The peer is the one other Wagtail LMS, wagtail-lms 0.11.1. It is installed in
its own virtualenv (.cache/peer-venv, made once and reused) with the same
Wagtail, Django and gunicorn versions as ours, so the comparison is between the
two apps, not two framework versions. Its project (`peer_site/`) gets the same
course as our benchmark's: our demo course's six modules become six published
H5P lesson pages holding our rendered lessons, and a learner who is not staff is
enrolled with the same two lessons complete as our demo employee.

Both sites are served at once, each by gunicorn -w 2 on 127.0.0.1 with SQLite
and DEBUG off, twice over: with a new database connection per request (as the
issue measured) and with connections kept (production's default for ours), and
measured in alternating rounds (course, module/lesson, and a bare
session-and-user view on each side, with the same load helper as `make bench`),
so a burst of other load lands on every side alike. Prints requests per second,
queries per request and ours ÷ peer. Not part of CI: it installs packages and
takes about five minutes.

    python benchmarks/peer/compare.py [ROUNDS]
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

PEER = "wagtail-lms==0.11.1"
VENV = ROOT / ".cache" / "peer-venv"
ROUNDS = 5
# What is measured on each side, in the order of every round: ours, then the peer's.
ORDER = [("course", "course"), ("module", "lesson"), ("session", "session")]
# Each side is served twice at once, as the issue measured it (a new database
# connection per request) and as production runs ours (connections kept, ours'
# default there); the peer gets the same setting as ours in each.
MODES = {
    "a new database connection per request (CONN_MAX_AGE=0)": 0,
    "connections kept (CONN_MAX_AGE=60)": 60,
}


def _requirements() -> list[str]:
    # The peer asks for django>=4.2 and wagtail>=6.0; pin ours, so the two
    # sites differ only in the LMS.
    return [
        PEER,
        *(f"{name}=={version(name)}" for name in ("wagtail", "Django", "gunicorn")),
    ]


def peer_python() -> str:
    """The peer's virtualenv's python, made and installed once (pip runs only when the pins change)."""
    python = VENV / "bin" / "python"
    stamp = VENV / ".installed"
    wanted = " ".join(_requirements())
    if python.exists() and stamp.exists() and stamp.read_text() == wanted:
        return str(python)
    print(f"Installing {wanted} into {VENV.relative_to(ROOT)}", flush=True)
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(VENV)], check=True)
    subprocess.run(
        [str(python), "-m", "pip", "install", "-qq", *_requirements()],
        check=True,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    stamp.write_text(wanted)
    return str(python)


def _load_average() -> str:
    return "Load average (1, 5, 15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def _course_spec() -> dict:
    """Our benchmark course as the peer's setup script reads it (see peer_setup.py)."""
    from django.contrib.auth import get_user_model

    from benchmarks.bench_learner_pages import MODULE_SLUG
    from courses.models import ModuleCompletion, ModulePage

    module = ModulePage.objects.live().get(slug=MODULE_SLUG)
    course = module.get_parent().specific
    modules = list(ModulePage.objects.live().child_of(course).order_by("path"))
    employee = get_user_model().objects.get(username="employee")
    return {
        "title": course.title,
        "slug": course.slug,
        "description": course.description,
        "modules": [
            {
                "title": m.title,
                "slug": m.slug,
                "intro": "",
                "blocks": [child.render() for child in m.body],
            }
            for m in modules
        ],
        "measured": [m.pk for m in modules].index(module.pk),
        "completed": ModuleCompletion.objects.filter(
            enrolment__user=employee, enrolment__course=course
        ).count(),
    }


def _setup(workdir: Path, python: str) -> tuple[dict, dict]:
    """Both databases: ours seeded as `make bench` seeds it, the peer's from our course."""
    from django.core.management import call_command
    from django.db import connection

    from benchmarks.bench_learner_pages import learner_pages

    call_command("migrate", verbosity=0)
    pages, cookies, queries = learner_pages()
    spec = workdir / "course.json"
    spec.write_text(json.dumps(_course_spec()))
    connection.close()  # SQLite: let the server processes have the file
    ours = {"pages": pages, "cookies": cookies, "queries": queries}
    env = {
        "DJANGO_SETTINGS_MODULE": "peer_site.settings",
        "PEER_DB": str(workdir / "peer.sqlite3"),
    }
    made = subprocess.run(
        [python, str(HERE / "peer_setup.py"), str(spec)],
        cwd=HERE,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
    )
    if made.returncode:
        raise RuntimeError(f"the peer's set-up failed:\n{made.stderr}")
    peer = json.loads(made.stdout)
    peer["env"] = env
    peer["cookies"] = dict.fromkeys(peer["pages"], peer["cookie"])
    return ours, peer


def _servers(
    ours: dict, peer: dict, *, python: str, conn_max_age: int, into: list
) -> dict:
    """Start one server per side with these connection settings: {side: port}."""
    from benchmarks.servers import free_port, gunicorn

    ours_port = free_port()
    ours_env = {
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "DB_CONN_MAX_AGE": str(conn_max_age),
    }
    into.append(gunicorn(ours_port, cwd=ROOT, env=ours_env))
    peer_port = free_port()  # the servers before hold their ports by now
    peer_env = {**peer["env"], "PEER_CONN_MAX_AGE": str(conn_max_age)}
    into.append(
        gunicorn(
            peer_port,
            app="peer_site.wsgi:application",
            python=python,
            cwd=HERE,
            env=peer_env,
        )
    )
    return {"ours": ours_port, "peer": peer_port}


def _measure(ours: dict, peer: dict, *, python: str, rounds: int) -> dict:
    """Requests per second for each (mode, side, page), one figure per round."""
    from benchmarks.servers import load, stop, warm

    sites = {"ours": ours, "peer": peer}
    rates: dict[tuple[str, str, str], list[float]] = {}
    servers: list = []
    try:
        asks = []  # (mode, side, page, port, path, cookie) in the order of every round
        for mode, conn_max_age in MODES.items():
            ports = _servers(
                ours, peer, python=python, conn_max_age=conn_max_age, into=servers
            )
            for pair in ORDER:
                for side, name in zip(sites, pair, strict=True):
                    site = sites[side]
                    path, cookie = site["pages"][name], site["cookies"][name]
                    asks.append((mode, side, name, ports[side], path, cookie))
        for *_key, port, path, cookie in asks:  # warm every worker's caches
            warm(port, path, cookie)
            load(port, path, cookie)
        print(f"Measuring: {rounds} alternating rounds", flush=True)
        for _ in range(rounds):
            for *key, port, path, cookie in asks:
                rates.setdefault(tuple(key), []).append(load(port, path, cookie))
    finally:
        for server in servers:
            stop(server)
    return rates


def _report(rates: dict, ours: dict, peer: dict, *, rounds: int) -> None:
    from benchmarks.servers import CONNECTIONS, LOADER

    rate = {key: statistics.median(values) for key, values in rates.items()}
    print(
        f"\n== ours vs {PEER}: gunicorn -w 2 each, SQLite, DEBUG off, "
        f"{LOADER} -c{CONNECTIONS}, median of {rounds} alternating rounds"
    )
    for mode in MODES:
        print(f"\n  {mode}")
        print(
            f"  {'page':<18} {'ours req/s':>10} {'peer req/s':>10} {'ours÷peer':>9}"
            "   queries ours / peer"
        )
        for ours_name, peer_name in ORDER:
            mine, theirs = (
                rate[(mode, "ours", ours_name)],
                rate[(mode, "peer", peer_name)],
            )
            label = (
                ours_name if ours_name == peer_name else f"{ours_name} / {peer_name}"
            )
            print(
                f"  {label:<18} {mine:>10.1f} {theirs:>10.1f} {mine / theirs:>8.2f}x"
                f"   {ours['queries'][ours_name]} / {peer['queries'][peer_name]}"
            )
        for ours_name, peer_name in ORDER[:2]:
            print(
                f"  {ours_name} ÷ own session+user view: ours "
                f"{rate[(mode, 'ours', ours_name)] / rate[(mode, 'ours', 'session')]:.2f}x,"
                f" peer {rate[(mode, 'peer', peer_name)] / rate[(mode, 'peer', 'session')]:.2f}x"
            )
        course = rate[(mode, "ours", "course")] / rate[(mode, "peer", "course")]
        print(f"  course page, ours ÷ peer: {course:.2f}x  [goal: >= 2x]")
    print("\n  every round (req/s):")
    for (mode, side, name), values in rates.items():
        print(
            f"    {MODES[mode]:>2} {side} {name:<8} "
            + " ".join(f"{v:7.1f}" for v in values)
        )


def main(rounds: int) -> int:
    print(_load_average(), flush=True)
    python = peer_python()
    workdir = Path(tempfile.mkdtemp(prefix="training-bench-peer-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "training_site.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'ours.sqlite3'}"
    import django

    from benchmarks.servers import stopped_on_signal

    django.setup()
    with stopped_on_signal():
        try:
            print("Setting up both databases", flush=True)
            ours, peer = _setup(workdir, python)
            rates = _measure(ours, peer, python=python, rounds=rounds)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
    _report(rates, ours, peer, rounds=rounds)
    print(_load_average())
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else ROUNDS))
