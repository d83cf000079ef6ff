"""A double click on SQLite: ten requests at once at a real server, and no 500.

The in-memory test database is shared by every thread of a live server in this
process, so it cannot show SQLite's locking. This test copies the migrated test
database (with its seeded course and learner) into a file, serves that file from
its own `manage.py runserver` process (threaded, as `make run` serves it) and
fires the requests from threads, released together.
"""

import http.client
import json
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse

import pytest

from tests.courses.factories import make_course, make_quiz_module, modules_of
from tests.servers import free_port, wait_until_serving

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's own locking"
)

SIMULTANEOUS = 10
CSRF = "a" * 32  # an unmasked CSRF secret, sent as both cookie and header


def _post_all_at_once(port: int, path: str, body: str, session: str) -> list[int]:
    """POST `body` to `path` from SIMULTANEOUS threads at once; their status codes."""
    barrier = threading.Barrier(SIMULTANEOUS)
    statuses: list[int] = []

    def post():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        try:
            barrier.wait()
            conn.request(
                "POST",
                path,
                body=body,
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": f"sessionid={session}; csrftoken={CSRF}",
                    "X-CSRFToken": CSRF,
                },
            )
            statuses.append(conn.getresponse().status)
        finally:
            conn.close()

    threads = [threading.Thread(target=post) for _ in range(SIMULTANEOUS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def _form_body(questions: list[dict]) -> str:
    """The right answers to every question, urlencoded as the attempt form posts."""
    from urllib.parse import urlencode

    pairs = []
    for q in questions:
        if q["type"] == "short":
            pairs.append((f"q_{q['id']}", q["accepted"][0]))
        else:
            pairs += [(f"q_{q['id']}", o["key"]) for o in q["options"] if o["correct"]]
    return urlencode(pairs)


@pytest.mark.django_db(transaction=True)
def test_simultaneous_submits_and_completions_on_a_sqlite_file(
    employee, tmp_path: Path
):
    course = make_course(modules=2)
    quiz = make_quiz_module(course)
    first = modules_of(course)[0]
    client = Client()
    client.force_login(employee)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    db_file = tmp_path / "db.sqlite3"
    with connection.cursor() as cursor:
        cursor.execute("VACUUM INTO %s", [str(db_file)])

    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "training_site.settings.test",
        "DATABASE_URL": f"sqlite:///{db_file}",
    }
    env.pop("TEST_DB_NAME", None)
    server = subprocess.Popen(  # noqa: S603 (our own manage.py)
        [
            sys.executable,
            "manage.py",
            "runserver",
            "--noreload",
            "--skip-checks",
            f"127.0.0.1:{port}",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_until_serving(port, server)
        # A double-clicked "Start": ten requests, one attempt.
        starts = _post_all_at_once(
            port, reverse("courses:quiz-start", args=[quiz.pk]), "", session
        )
        with sqlite3.connect(db_file) as db:
            attempts = db.execute(
                "SELECT id, questions FROM courses_quizattempt"
            ).fetchall()
        assert len(attempts) == 1
        attempt_id, questions = attempts[0]
        answers_body = _form_body(json.loads(questions))
        # Autosaves from several tabs on a busy machine.
        saves = _post_all_at_once(
            port,
            reverse("courses:attempt-save", args=[attempt_id]),
            answers_body,
            session,
        )
        # A double-clicked "Submit answers": ten requests, one graded attempt.
        submits = _post_all_at_once(
            port,
            reverse("courses:attempt-submit", args=[attempt_id]),
            answers_body,
            session,
        )
        completions = _post_all_at_once(
            port, reverse("courses:complete-module", args=[first.pk]), "", session
        )
    finally:
        server.terminate()
        errors = server.communicate(timeout=30)[1].decode()
    assert server.returncode is not None  # stopped, not left behind

    assert saves == [200] * SIMULTANEOUS, errors
    assert (starts, submits, completions) == ([302] * SIMULTANEOUS,) * 3, errors
    assert "database is locked" not in errors
    with sqlite3.connect(db_file) as db:
        graded = db.execute(
            "SELECT count(*), sum(passed), sum(score) FROM courses_quizattempt"
            " WHERE finished_at IS NOT NULL"
        ).fetchone()
        answers = db.execute("SELECT count(*) FROM courses_quizanswer").fetchone()[0]
        done = db.execute(
            "SELECT count(*) FROM courses_modulecompletion WHERE module_id = ?",
            [first.pk],
        ).fetchone()[0]
    assert graded == (1, 1, 100)
    assert answers == len(json.loads(questions))
    assert done == 1
