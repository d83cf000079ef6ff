"""Reminders: what the e-mails and the managers' digest say, the command, and the cost.

Every test passes `today=` (or `--date`) so dates are fixed without a frozen clock.
"""

import math
from datetime import timedelta
from io import StringIO

from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from assignments.models import AssignedLearner, Assignment, Reminder
from assignments.models.reminders import iso_week
from assignments.reminders import reminders_send
from assignments.services import assignment_create
from tests.assignments.helpers import DUMMY_TASKS, TODAY, assign, learner, to
from tests.courses.factories import make_course
from tests.people.factories import EmployeeFactory, OrgUnitFactory, UserFactory

Kind = Reminder.Kind


# --- what the e-mails say ---------------------------------------------------------


def test_the_reminder_has_text_and_html_parts_the_name_and_a_link(personas, course):
    alice = personas["employee"]
    assign(
        alice, course, due_on=TODAY + timedelta(days=14), reason="Required by the AODA"
    )

    reminders_send(today=TODAY)

    (message,) = to(alice)
    link = "http://testserver" + course.get_url()
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert message.subject == "Due in 14 days: Accessibility for public service (AODA)"
    for body in (message.body, html):
        assert "Hello Alice Arsenault," in body
        assert "is due in 14 days, on 10 December 2026." in body
        assert "Required by the AODA" in body
        assert link in body
    assert f'href="{link}"' in html
    assert "<img" not in html
    assert "<link" not in html


def test_the_overdue_reminder_says_since_when(personas, course):
    alice = personas["employee"]
    assign(alice, course, due_on=TODAY - timedelta(days=5))

    reminders_send(today=TODAY)

    (message,) = to(alice)
    assert "is overdue since 21 November 2026 (5 days late)." in message.body
    assert message.subject == "Overdue: Accessibility for public service (AODA)"


def test_a_reminder_no_longer_true_when_the_task_runs_is_not_sent(personas, course):
    alice = personas["employee"]
    assignment = assign(alice, course, due_on=TODAY + timedelta(days=3))
    with override_settings(TASKS=DUMMY_TASKS):
        assert reminders_send(today=TODAY)["due_3"] == 1
    AssignedLearner.objects.filter(pk=learner(alice, assignment).pk).update(
        completed_at=timezone.now(), completed_on=timezone.localdate()
    )
    from assignments.tasks import send_learner_reminder

    reminder = Reminder.objects.get(kind=Kind.DAYS_3)
    assert send_learner_reminder.call(reminder.pk, TODAY.isoformat()) is False
    assert mail.outbox == []


def test_titles_are_not_html_escaped_in_the_subject_and_text(personas):
    alice = personas["employee"]
    assign(alice, make_course(title="Privacy & you"), due_on=TODAY)

    reminders_send(today=TODAY)

    (message,) = to(alice)
    assert message.subject == "Due today: Privacy & you"
    assert "“Privacy & you” is due today, 26 November 2026." in message.body
    assert "Privacy &amp; you" in message.alternatives[0][0]


# --- the managers' digest ---------------------------------------------------------


def test_the_digest_goes_weekly_to_each_manager_with_their_direct_reports_only(
    personas, course
):
    alice, peer = personas["employee"], personas["peer"]
    bob, dana = personas["manager"], personas["other_manager"]
    # Eve reports to Alice: she is in Alice's digest, not in Bob's.
    eve = EmployeeFactory(
        user=UserFactory(username="eve", first_name="Eve", last_name="Ekström"),
        org_unit=alice.employee.org_unit,
        manager=alice.employee,
    ).user
    for person in (alice, peer, eve):
        assign(person, course, due_on=TODAY - timedelta(days=4))
    # Not yet overdue: not in any digest.
    fred = EmployeeFactory(
        user=UserFactory(username="fred", first_name="Fred", last_name="Fournier"),
        org_unit=alice.employee.org_unit,
        manager=bob.employee,
    ).user
    assign(fred, course, due_on=TODAY + timedelta(days=2))

    counts = reminders_send(today=TODAY)

    assert counts["digests"] == 3
    (to_bob,) = to(bob)
    html = to_bob.alternatives[0][0]
    assert to_bob.subject == "1 person on your team has overdue training"
    for body in (to_bob.body, html):
        assert "Alice Arsenault" in body
        assert "Accessibility for public service (AODA)" in body
        assert "Eve" not in body
        assert "Charlie" not in body
        assert "Fred" not in body
    assert "4 days overdue (due 22 November 2026)" in to_bob.body
    assert "http://testserver/" in to_bob.body
    (to_alice_as_manager,) = [m for m in to(alice) if "team" in m.subject]
    assert "Eve Ekström" in to_alice_as_manager.body
    (to_dana,) = to(dana)
    assert "Charlie Chen" in to_dana.body
    assert Reminder.objects.get(kind=Kind.DIGEST, manager=bob.employee).week == (
        "2026-W48"
    )

    # The rest of the week: nothing new; the next Monday: a new digest.
    for offset in range(1, 4):
        assert reminders_send(today=TODAY + timedelta(days=offset))["digests"] == 0
    monday = TODAY + timedelta(days=4)
    assert iso_week(monday) == "2026-W49"
    assert reminders_send(today=monday)["digests"] == 3
    assert len(to(bob)) == 2


# --- the command ------------------------------------------------------------------


def test_the_command_sends_and_prints_the_counts(personas, course):
    alice = personas["employee"]
    assign(alice, course, due_on=TODAY - timedelta(days=1))
    out = StringIO()

    call_command("send_reminders", "--date", TODAY.isoformat(), stdout=out)
    again = StringIO()
    call_command("send_reminders", "--date", TODAY.isoformat(), stdout=again)

    assert "0 due in 14 days, 0 due in 3 days, 1 overdue; 1 manager digest(s)" in (
        out.getvalue()
    )
    assert "0 overdue; 0 manager digest(s)" in again.getvalue()
    assert "Learner e-mails: 1 (one per person" in out.getvalue()
    assert len(mail.outbox) == 2


def test_the_command_refuses_a_bad_date(db):
    with pytest.raises(CommandError):
        call_command("send_reminders", "--date", "26/11/2026", stdout=StringIO())


# --- scale ------------------------------------------------------------------------


def _team_with_overdue_training(size: int, course) -> None:
    unit = OrgUnitFactory()
    boss = EmployeeFactory(org_unit=OrgUnitFactory())
    for _ in range(size):
        EmployeeFactory(org_unit=unit, manager=boss)
    assignment_create(
        actor=None,
        course=course,
        target=Assignment.Target.ORG_UNIT,
        target_unit=unit,
        due_date=TODAY - timedelta(days=1),
        today=TODAY - timedelta(days=30),
    )


def _queries_and_tasks(size: int) -> tuple[int, int, int]:
    """(queries other than the claims' INSERTs, those INSERTs, tasks queued)."""
    from django_tasks import default_task_backend

    course = make_course(modules=1)
    _team_with_overdue_training(size, course)
    default_task_backend.clear()
    with CaptureQueriesContext(connection) as queries:
        counts = reminders_send(today=TODAY)
    assert counts["overdue"] == size
    assert counts["digests"] == 1
    inserts = sum(
        q["sql"].startswith("INSERT") and "courses_reminder" in q["sql"]
        for q in queries
    )
    tasks = len(default_task_backend.results)
    Reminder.objects.all().delete()
    Assignment.objects.all().update(is_active=False)
    return len(queries) - inserts, inserts, tasks


def _insert_statements(rows: int) -> int:
    # Django splits one bulk insert by the database's parameter limit (999 on
    # SQLite: 142 reminder rows a statement; none on PostgreSQL).
    fields = [f for f in Reminder._meta.concrete_fields if not f.primary_key]
    per_statement = connection.ops.bulk_batch_size(fields, [None] * rows)
    return math.ceil(rows / per_statement)


@override_settings(TASKS=DUMMY_TASKS)
def test_selecting_and_claiming_take_the_same_queries_for_5_or_50_people(db):
    # The Dummy backend only records the tasks, so every query counted here is
    # the selection and the claims; the e-mails' own queries run in the tasks.
    small = _queries_and_tasks(5)
    large = _queries_and_tasks(50)

    assert small[0] == large[0]
    # Each overdue learner records 3 rows (14 days, 3 days, overdue); one digest.
    assert small[1] == _insert_statements(3 * 5) + 1
    assert large[1] == _insert_statements(3 * 50) + 1
    assert (small[2], large[2]) == (5 + 1, 50 + 1)
