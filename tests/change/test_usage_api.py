"""POST /api/change/<slug>/usage/: tokens, every answer, idempotency, query counts."""

import json
import re
from datetime import date, timedelta
from pathlib import Path
from unittest.mock import patch

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from change.models import UsageDay, UsageToken
from change.usage import api, usage_import
from change.usage.tokens import usage_token_create, usage_token_revoke
from tests.change.factories import InitiativeFactory
from tests.people.factories import EmployeeFactory
from tests.personas import every_persona

YESTERDAY = timezone.localdate() - timedelta(days=1)


@pytest.fixture
def rollout(org, employee, manager):
    """Road Crew A's rollout (Alice and Bob), with a token; another initiative."""
    ours = InitiativeFactory(units=[org["team_a"]], slug="rollout")
    token, raw = usage_token_create(initiative=ours, name="Nightly sync", actor=None)
    return {"initiative": ours, "token": token, "raw": raw}


def _url(slug="rollout"):
    return reverse("change:usage-api", args=[slug])


def _post(body, *, raw=None, slug="rollout", client=None, **headers):
    if raw is not None:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return (client or Client()).post(
        _url(slug), data, content_type="application/json", **headers
    )


def _item(person, day=YESTERDAY, **value):
    return {
        "employee_number": person.employee_number,
        "date": day.isoformat(),
        **(value or {"count": 3}),
    }


def test_good_items_are_stored_and_the_answer_counts_them(rollout, employee, manager):
    alice, bob = employee.employee, manager.employee
    body = {
        "usage": [
            _item(alice, count=3),
            _item(bob, active=True),
            _item(bob, YESTERDAY - timedelta(days=1), active=False),
        ]
    }
    # A session-less client that checks CSRF, as another system is.
    response = _post(body, raw=rollout["raw"], client=Client(enforce_csrf_checks=True))
    assert response.status_code == 200
    assert response.json() == {"created": 3, "updated": 0, "unchanged": 0}
    stored = dict(
        UsageDay.objects.values_list("employee__employee_number", "count").order_by(
            "day"
        )
    )
    assert stored == {bob.employee_number: 1, alice.employee_number: 3}
    assert UsageDay.objects.filter(count=0).count() == 1


def test_posting_the_same_items_again_changes_and_writes_nothing(rollout, employee):
    body = {"usage": [_item(employee.employee, count=3)]}
    _post(body, raw=rollout["raw"])
    with CaptureQueriesContext(connection) as queries:
        again = _post(body, raw=rollout["raw"])
    assert again.json() == {"created": 0, "updated": 0, "unchanged": 1}
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if UsageDay._meta.db_table in q["sql"]
        and q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []
    changed = _post({"usage": [_item(employee.employee, count=5)]}, raw=rollout["raw"])
    assert changed.json() == {"created": 0, "updated": 1, "unchanged": 0}
    assert UsageDay.objects.get().count == 5


def test_one_bad_item_refuses_them_all_and_names_each_problem(rollout, employee, peer):
    alice = employee.employee
    body = {
        "usage": [
            _item(alice),
            _item(peer.employee),  # not affected
            {
                "employee_number": alice.employee_number,
                "date": "2026-13-01",
                "count": 1,
            },
            _item(alice, YESTERDAY + timedelta(days=2)),
            _item(alice, count=-1),
            _item(alice, count="lots"),
            {"employee_number": alice.employee_number, "date": "2026-03-02"},
            "not an object",
            _item(alice, active="maybe"),
        ]
    }
    response = _post(body, raw=rollout["raw"])
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert [(e["index"], e["field"]) for e in errors] == [
        (1, "employee_number"),
        (2, "date"),
        (3, "date"),
        (4, "count"),
        (5, "count"),
        (6, "count"),
        (7, ""),
        (8, "active"),
    ]
    assert "not affected by this initiative" in errors[0]["message"]
    assert "in the future" in errors[2]["message"]
    assert response.json()["error_count"] == 8
    assert not UsageDay.objects.exists()


def test_the_same_person_and_day_twice_names_the_first_item(rollout, employee):
    alice = employee.employee
    response = _post(
        {"usage": [_item(alice, count=1), _item(alice, count=2)]}, raw=rollout["raw"]
    )
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["index"] == 1
    assert error["message"] == (
        f"Employee {alice.employee_number} has usage for "
        f"{YESTERDAY.isoformat()} twice: also on item 0."
    )
    assert not UsageDay.objects.exists()


@pytest.mark.parametrize(
    ("authorization", "given"),
    [
        (None, False),
        ("Basic dXNlcjpwYXNz", False),
        ("Bearer ", False),
        ("Bearer usage_not-a-token", True),
        ("Bearer something-else", True),
    ],
)
def test_a_missing_or_wrong_token_is_401_with_a_bearer_challenge(
    rollout, employee, authorization, given
):
    headers = {"HTTP_AUTHORIZATION": authorization} if authorization else {}
    response = _post({"usage": [_item(employee.employee)]}, **headers)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert ('error="invalid_token"' in response["WWW-Authenticate"]) is given
    assert "error" in response.json()
    assert not UsageDay.objects.exists()


def test_a_revoked_token_is_401(rollout, employee):
    usage_token_revoke(token=rollout["token"])
    response = _post({"usage": [_item(employee.employee)]}, raw=rollout["raw"])
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert not UsageDay.objects.exists()


def test_a_token_of_another_initiative_is_403_and_an_unknown_address_404(
    rollout, employee, org
):
    other = InitiativeFactory(units=[org["team_a"]], slug="other")
    _token, other_raw = usage_token_create(initiative=other, name="x", actor=None)
    response = _post({"usage": [_item(employee.employee)]}, raw=other_raw)
    assert response.status_code == 403
    assert _post({"usage": []}, raw=other_raw, slug="nowhere").status_code == 404
    assert not UsageDay.objects.exists()


def test_a_use_is_stamped_on_the_token(rollout, employee):
    assert rollout["token"].last_used_at is None
    _post({"usage": [_item(employee.employee)]}, raw=rollout["raw"])
    rollout["token"].refresh_from_db()
    assert rollout["token"].last_used_at is not None


def test_get_is_405(rollout):
    response = Client().get(_url(), HTTP_AUTHORIZATION=f"Bearer {rollout['raw']}")
    assert response.status_code == 405
    assert response["Allow"] == "POST"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"not json", "The body is not JSON."),
        (b"\xff\xfe", "The body is not JSON."),
        ([1, 2], 'The body must be an object with a list "usage".'),
        ({"usage": {"a": 1}}, 'The body must be an object with a list "usage".'),
    ],
)
def test_a_body_that_is_not_the_format_is_400(rollout, body, message):
    response = _post(body, raw=rollout["raw"])
    assert response.status_code == 400
    assert response.json() == {"error": message}


def test_more_than_ten_thousand_items_is_413_and_writes_nothing(rollout, employee):
    item = _item(employee.employee)
    response = _post({"usage": [item] * (api.MAX_ITEMS + 1)}, raw=rollout["raw"])
    assert response.status_code == 413
    assert "send at most 10,000 per request" in response.json()["error"]
    assert not UsageDay.objects.exists()


def test_a_body_over_the_byte_limit_is_413_unread(rollout):
    padding = " " * (api.MAX_BODY_BYTES + 100 * 1024)
    response = _post('{"usage": []' + padding + "}", raw=rollout["raw"])
    assert response.status_code == 413
    assert "too large" in response.json()["error"]


def test_the_view_caps_the_body_itself_whatever_the_middleware_let_in(
    rollout, monkeypatch
):
    monkeypatch.setattr(api, "MAX_BODY_BYTES", 50)
    response = _post({"usage": [], "padding": "x" * 100}, raw=rollout["raw"])
    assert response.status_code == 413
    assert "larger than" in response.json()["error"]


def test_an_empty_list_is_fine_and_changes_nothing(rollout):
    response = _post({"usage": []}, raw=rollout["raw"])
    assert response.json() == {"created": 0, "updated": 0, "unchanged": 0}


def test_queries_stay_the_same_from_ten_items_to_two_hundred(rollout, org):
    people = [EmployeeFactory(org_unit=org["team_a"]) for _ in range(20)]
    days = [YESTERDAY - timedelta(days=n) for n in range(10)]

    def queries_for(count):
        UsageDay.objects.all().delete()
        items = [_item(p, d) for d in days for p in people][:count]
        with CaptureQueriesContext(connection) as queries:
            response = _post({"usage": items}, raw=rollout["raw"])
        assert response.json()["created"] == count
        return len(queries.captured_queries)

    assert queries_for(10) == queries_for(200)
    assert UsageToken.objects.count() == 1


def _documented(name):
    return (Path(__file__).resolve().parents[2] / "docs" / name).read_text()


def test_the_documented_request_and_example_file_are_accepted(org):
    """docs/change.md's curl example and docs/usage-example.csv, as written."""
    initiative = InitiativeFactory(units=[org["team_a"]], slug="caseconnect")
    for number in ("100234", "100235"):
        EmployeeFactory(org_unit=org["team_a"], employee_number=number)
    curl = re.search(r"curl -X POST .*?'\)?\n```", _documented("change.md"), re.S)
    assert curl is not None
    path = re.search(r"https?://[^/]+(/\S+)", curl.group()).group(1)
    body = re.search(r"-d '(.*)'", curl.group()).group(1)
    assert path == _url("caseconnect")
    _token, raw = usage_token_create(initiative=initiative, name="docs", actor=None)
    today = date(2026, 3, 20)
    with patch("change.usage.apply.timezone.localdate", return_value=today):
        response = _post(body, raw=raw, slug="caseconnect")
        assert response.json() == {"created": 2, "updated": 0, "unchanged": 0}
        example = usage_import(
            initiative=initiative,
            data=_documented("usage-example.csv").encode(),
            dry_run=True,
        )
    assert example.errors == []
    # The posted days are stored already (active false is a count of 0).
    assert (example.created, example.unchanged) == (1, 2)


def test_a_signed_in_session_is_no_credential_for_any_persona(
    rollout, persona_matrix, employee
):
    body = json.dumps({"usage": [_item(employee.employee)]})
    persona_matrix(
        _url(),
        every_persona(401),
        request=lambda client, _persona: client.post(
            _url(), body, content_type="application/json"
        ),
    )
    assert not UsageDay.objects.exists()
