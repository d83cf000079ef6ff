"""Simultaneous identical usage posts and imports: one set of rows, true counts, no error.

Threads, each with its own connection, released together. The initiative's row
lock makes them take turns on PostgreSQL (SQLite's IMMEDIATE transactions do
the same), so exactly one reports the days as new. SQLite needs a database file.
"""

import json
from datetime import timedelta

from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from change.models import UsageDay
from change.usage import usage_import
from change.usage.tokens import usage_token_create
from tests.change.factories import InitiativeFactory
from tests.concurrency import all_at_once
from tests.people.factories import EmployeeFactory

SIMULTANEOUS = 6

pytestmark = pytest.mark.skipif(
    connection.vendor == "sqlite"
    and connection.settings_dict["TEST"].get("NAME") in (None, "", ":memory:"),
    reason="SQLite in memory cannot show locking: set TEST_DB_NAME",
)


@pytest.fixture
def crew(org):
    initiative = InitiativeFactory(units=[org["team_a"]], slug="rollout")
    people = [EmployeeFactory(org_unit=org["team_a"]) for _ in range(30)]
    days = [timezone.localdate() - timedelta(days=n) for n in range(1, 4)]
    return initiative, [(p, d) for p in people for d in days]


@pytest.mark.django_db(transaction=True)
def test_simultaneous_identical_posts_store_each_day_once(crew):
    initiative, pairs = crew
    _token, raw = usage_token_create(initiative=initiative, name="sync", actor=None)
    body = json.dumps(
        {
            "usage": [
                {
                    "employee_number": p.employee_number,
                    "date": d.isoformat(),
                    "count": 2,
                }
                for p, d in pairs
            ]
        }
    )
    url = reverse("change:usage-api", args=[initiative.slug])

    def post():
        response = Client().post(
            url,
            body,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {raw}",
        )
        return response.status_code, response.json()

    answers = all_at_once([post] * SIMULTANEOUS)
    assert {status for status, _body in answers} == {200}
    assert sorted(body["created"] for _status, body in answers) == [0] * (
        SIMULTANEOUS - 1
    ) + [len(pairs)]
    assert all(body["updated"] == 0 for _status, body in answers)
    assert UsageDay.objects.filter(initiative=initiative, count=2).count() == len(pairs)


@pytest.mark.django_db(transaction=True)
def test_simultaneous_imports_of_one_file_store_each_day_once(crew):
    initiative, pairs = crew
    lines = ["employee_number,date,active"]
    lines += [f"{p.employee_number},{d:%Y-%m-%d},yes" for p, d in pairs]
    data = ("\n".join(lines) + "\n").encode()

    results = all_at_once(
        [lambda: usage_import(initiative=initiative, data=data)] * SIMULTANEOUS
    )
    assert all(result.applied and not result.errors for result in results)
    assert sorted(result.created for result in results) == [0] * (SIMULTANEOUS - 1) + [
        len(pairs)
    ]
    assert UsageDay.objects.filter(initiative=initiative, count=1).count() == len(pairs)
