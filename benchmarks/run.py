"""Run every benchmarks/bench_*.py and print its figures.

Each benchmark measures its subject and a baseline in the same run (a bare
Django view, a bare WeasyPrint render, ...) and reports the ratio, so the
figures mean the same on a fast or a slow machine. Targets are printed beside
them; nothing here fails a build on wall-clock time.

    python benchmarks/run.py [name ...]     e.g. `python benchmarks/run.py pages`
"""

import importlib
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(selected: list[str]) -> int:
    workdir = Path(tempfile.mkdtemp(prefix="training-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "training_site.settings.test")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    import django
    from django.core.management import call_command

    django.setup()
    print(
        f"Setting up the benchmark database ({os.environ['DATABASE_URL'].split(':')[0]})"
    )
    call_command("migrate", verbosity=0)
    # Ratios hold on a busy machine, but say how busy it was.
    print("Load average (1, 5, 15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))

    modules = sorted(p.stem for p in (ROOT / "benchmarks").glob("bench_*.py"))
    if selected:
        modules = [m for m in modules if m.removeprefix("bench_") in selected]
    for name in modules:
        started = time.perf_counter()
        module = importlib.import_module(f"benchmarks.{name}")
        print(
            f"\n== {name.removeprefix('bench_')}: {module.__doc__.strip().splitlines()[0]}"
        )
        for figure in module.run():
            print("  " + figure.line())
        print(f"  ({time.perf_counter() - started:.1f} s)")
    print(
        "\nLoad average (1, 5, 15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
