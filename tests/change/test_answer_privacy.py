"""The answers table cannot be lined up with the people asked: no times, no order.

What the database holds is described in docs/change.md, "Privacy": these tests
state it, so that a column added back (a timestamp, a sequential id) fails here.
"""

import uuid
from datetime import timedelta

from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.viewsets import viewsets
from wagtail.snippets.models import get_snippet_models

import pytest

from change.emails import checkin_email_deliver
from change.models import CheckInInvitation, CheckInResponse
from change.reminders import checkins_send
from change.services import checkin_submit
from tests.change.factories import CheckInRoundFactory, InitiativeFactory

READY = dict.fromkeys(("understand", "commit", "learn", "apply", "sustain"), 4)
BEFORE = ("change", "0003_usage_days_and_tokens")
TIME_TYPES = {"DateTimeField", "DateField", "TimeField"}


def _columns(table: str) -> dict[str, str]:
    with connection.cursor() as cursor:
        description = connection.introspection.get_table_description(cursor, table)
    return {
        column.name: connection.introspection.get_field_type(column.type_code, column)
        for column in description
    }


@pytest.fixture
def open_round(org):
    initiative = InitiativeFactory(
        units=[org["team_a"]], go_live=timezone.localdate() - timedelta(days=30)
    )
    return CheckInRoundFactory(initiative=initiative, name="30 days after")


def test_the_answers_table_has_no_time_and_a_random_key(open_round, employee, manager):
    columns = _columns(CheckInResponse._meta.db_table)
    assert not {name for name, kind in columns.items() if kind in TIME_TYPES}
    assert not {"created_at", "updated_at"} & set(columns)
    assert columns["id"] in ("UUIDField", "CharField")  # PostgreSQL, SQLite
    first, second = (
        checkin_submit(checkin_round=open_round, employee=user.employee, scores=READY)
        for user in (employee, manager)
    )
    for answer in (first, second):
        assert isinstance(answer.pk, uuid.UUID) and answer.pk.version == 4
    assert str(first) == str(second)  # says nothing of which came first


def test_the_invitation_holds_whether_never_when(open_round):
    columns = _columns(CheckInInvitation._meta.db_table)
    assert "responded_at" not in columns
    assert columns["responded"] == "BooleanField"


def test_the_daily_run_marks_who_answered_and_does_not_remind_them(
    open_round, employee, manager
):
    today = open_round.opens_on
    checkins_send(today=today)
    checkin_submit(
        checkin_round=open_round, employee=employee.employee, scores=READY, today=today
    )
    assert not CheckInInvitation.objects.filter(responded=True).exists()
    sent = checkins_send(today=today + timedelta(days=3))
    assert sent["reminded"] == 1  # the manager, who has not answered
    answered = CheckInInvitation.objects.get(employee=employee.employee)
    assert answered.responded and answered.reminders_sent == 0
    assert not CheckInInvitation.objects.get(employee=manager.employee).responded


def test_a_reminder_queued_before_the_answer_is_not_sent(
    open_round, employee, mailoutbox
):
    today = open_round.opens_on
    checkins_send(today=today)
    mailoutbox.clear()
    invitation = CheckInInvitation.objects.get(employee=employee.employee)
    checkin_submit(
        checkin_round=open_round, employee=employee.employee, scores=READY, today=today
    )
    assert not checkin_email_deliver(
        invitation_id=invitation.pk, kind="reminder", today=today
    )
    assert mailoutbox == []


def test_my_change_page_says_i_answered_without_a_date(
    client_for, employee, open_round
):
    checkin_submit(checkin_round=open_round, employee=employee.employee, scores=READY)
    page = client_for(employee).get(
        reverse("change:my-change", args=[open_round.initiative.slug])
    )
    assert "You answered. You can change your answers until the round closes." in (
        page.text
    )
    assert "last changed" not in page.text


def test_answers_are_not_listed_anywhere_in_the_admin(
    client_for, ld_admin, open_round, employee
):
    client = client_for(ld_admin)
    client.get(reverse("wagtailadmin_home"))  # the registry fills on first use
    models = {getattr(viewset, "model", None) for viewset in viewsets.viewsets}
    assert not {CheckInResponse, CheckInInvitation} & models
    assert CheckInResponse not in get_snippet_models()
    checkin_submit(
        checkin_round=open_round,
        employee=employee.employee,
        scores=READY,
        comment="Nobody told us why",
    )
    edit = client.get(
        reverse("change_initiative:edit", args=[open_round.initiative.pk])
    )
    assert edit.status_code == 200
    assert "Nobody told us why" not in edit.text


# --- the migration ----------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_migration_moves_existing_answers_to_random_keys(org, employee):
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE])
    old = executor.loader.project_state([BEFORE]).apps
    initiative = old.get_model("change", "Initiative").objects.create(
        name="311",
        slug="311",
        tool_name="311",
        why="Calls get lost.",
        go_live=timezone.localdate(),
        status="active",
    )
    checkin_round = old.get_model("change", "CheckInRound").objects.create(
        initiative=initiative,
        name="Baseline",
        opens_on=timezone.localdate(),
        closes_on=timezone.localdate(),
    )
    answers = old.get_model("change", "CheckInResponse")
    for number in range(12):
        answers.objects.create(
            round=checkin_round,
            respondent_key=f"key-{number:02}",
            unit_id=org["team_a"].pk,
            understand=1 + number % 5,
            commit=4,
            learn=4,
            barrier_stage=1 if number % 5 < 3 else None,
            comment=f"comment {number}",
        )
    old_ids = set(answers.objects.values_list("pk", flat=True))
    invitations = old.get_model("change", "CheckInInvitation")
    invitations.objects.create(
        round=checkin_round,
        employee_id=employee.employee.pk,
        responded_at=timezone.now(),
    )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    moved = CheckInResponse.objects.filter(round_id=checkin_round.pk)
    assert moved.count() == 12
    assert {(a.respondent_key, a.understand, a.comment) for a in moved} == {
        (f"key-{n:02}", 1 + n % 5, f"comment {n}") for n in range(12)
    }
    assert all(isinstance(a.pk, uuid.UUID) for a in moved)
    assert not old_ids & {a.pk for a in moved}
    assert not {"created_at", "updated_at"} & set(
        _columns(CheckInResponse._meta.db_table)
    )
    assert CheckInInvitation.objects.get().responded is True
    # The constraints came back: one answer per key and round, scores 1 to 5.
    with pytest.raises(IntegrityError), transaction.atomic():
        CheckInResponse.objects.create(
            round_id=checkin_round.pk,
            respondent_key="key-00",
            unit_id=org["team_a"].pk,
            understand=1,
            commit=1,
            learn=1,
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        CheckInResponse.objects.create(
            round_id=checkin_round.pk,
            respondent_key="key-99",
            unit_id=org["team_a"].pk,
            understand=9,
            commit=1,
            learn=1,
        )
