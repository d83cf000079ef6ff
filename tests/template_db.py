"""Migrate the test database once, then copy it to every worker and every later run.

Building the schema runs some 230 migrations: about 15 s per database on a quiet
machine, far more on a loaded one, and `make test` needs one database per
pytest-xdist worker plus one for the browser tests. So the first process to need
it migrates a *template* (under a file lock, in a child `manage.py migrate`) and
every process then copies it:

- SQLite: the template is a file in `/dev/shm/training-test-db-<uid>/`
  (or `$TEST_DB_CACHE`), copied into the worker's
  in-memory database with SQLite's backup API just before Django migrates it;
- PostgreSQL: the template is a database named after its key, and each worker's
  test database is created from it (`CREATE DATABASE … TEMPLATE …`).

Django then runs `migrate` as it always does and finds nothing to apply; the
`post_migrate` set-up (site, groups, the default certificate design) runs as
usual. The template's key hashes every migration file of every installed app, the
project modules those migrations import, the engine and the database server, so
any change to the schema builds a new one. `--reuse-db`, `--create-db` and
`--nomigrations` keep pytest-django's own behaviour.
"""

import ast
import fcntl
import hashlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.db import connections

ROOT = Path(__file__).resolve().parents[1]
# In memory-backed /dev/shm where there is one: migrating into a file on disk
# waits for a sync at every migration's commit. The folder is the user's own
# (mode 0700); checkouts share it safely, since the key covers everything that
# decides the schema.
SHM = Path("/dev/shm")  # noqa: S108 (a folder of our own inside it, mode 0700)
CACHE = Path(
    os.environ.get("TEST_DB_CACHE")
    or (
        SHM / f"training-test-db-{os.getuid()}"
        if SHM.is_dir()
        else ROOT / ".cache" / "test-db"
    )
)
PROJECT_APPS = {path.name for path in ROOT.iterdir() if (path / "apps.py").exists()}


def _migration_files() -> list[Path]:
    files = []
    for config in apps.get_app_configs():
        folder = Path(config.path) / "migrations"
        if folder.is_dir():
            files.extend(sorted(folder.glob("*.py")))
    return files


def _project_modules_imported_by(files: list[Path]) -> set[Path]:
    # A data migration that calls project code (a search key, the site set-up)
    # builds a different database when that code changes.
    modules = set()
    for file in files:
        for node in ast.walk(ast.parse(file.read_bytes())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module]
            for name in names:
                if name.split(".")[0] not in PROJECT_APPS:
                    continue
                path = ROOT.joinpath(*name.split("."))
                for candidate in (path.with_suffix(".py"), path / "__init__.py"):
                    if candidate.exists():
                        modules.add(candidate)
    return modules


def template_key(settings_dict: dict) -> str:
    """A short hash of everything that decides what `migrate` builds."""
    files = _migration_files()
    digest = hashlib.sha256()
    digest.update(settings_dict["ENGINE"].encode())
    digest.update(f"{settings_dict.get('HOST')}:{settings_dict.get('PORT')}".encode())
    for file in [*files, *sorted(_project_modules_imported_by(files))]:
        digest.update(str(file.relative_to(file.anchor)).encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


@contextmanager
def _locked(name: str) -> Iterator[None]:
    CACHE.mkdir(mode=0o700, parents=True, exist_ok=True)
    with open(CACHE / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _migrate(database_url: str) -> None:
    """`manage.py migrate` in a child process, with the test settings."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "training_site.settings.test",
        "DATABASE_URL": database_url,
    }
    env.pop("TEST_DB_NAME", None)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--run-syncdb", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )


def _sqlite_template(key: str) -> Path:
    path = CACHE / f"sqlite-{key}.sqlite3"
    with _locked(path.stem):
        if not path.exists():
            building = path.with_suffix(".building")
            building.unlink(missing_ok=True)
            _migrate(f"sqlite:///{building}")
            with sqlite3.connect(building) as db:
                # One self-contained file: no WAL or shared-memory file beside it.
                db.execute("PRAGMA journal_mode=DELETE")
            building.rename(path)
    return path


def _restore_before_migrate(connection, template: Path) -> None:
    """Fill the in-memory test database from `template` when `migrate` starts."""
    original = connection.prepare_database

    def prepare_database():
        connection.prepare_database = original
        connection.ensure_connection()
        source = sqlite3.connect(f"file:{template}?mode=ro", uri=True)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        original()

    connection.prepare_database = prepare_database


def _postgres_template(connection, key: str) -> str:
    settings = connection.settings_dict
    name = f"{settings['NAME']}_tpl_{key}"[:63]
    with _locked(f"postgres-{settings.get('PORT') or 5432}-{key}"):
        with connection._nodb_cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone():
                return name
            building = f"{name[:54]}_building"
            cursor.execute(f'DROP DATABASE IF EXISTS "{building}"')
            cursor.execute(f'CREATE DATABASE "{building}"')
        user, password = settings["USER"], settings["PASSWORD"]
        host, port = settings["HOST"], settings["PORT"]
        _migrate(f"postgres://{user}:{password}@{host}:{port}/{building}")
        with connection._nodb_cursor() as cursor:
            # Published under its final name only once complete.
            cursor.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')
    return name


def use_templates(aliases) -> None:
    """Make each test database in `aliases` a copy of its migrated template."""
    for alias in aliases:
        connection = connections[alias]
        key = template_key(connection.settings_dict)
        if connection.vendor == "sqlite" and connection.creation.is_in_memory_db(
            connection.creation._get_test_db_name()
        ):
            _restore_before_migrate(connection, _sqlite_template(key))
        elif connection.vendor == "postgresql":
            test = connection.settings_dict.setdefault("TEST", {})
            test["TEMPLATE"] = _postgres_template(connection, key)
