"""Reminders: who hears what and when, exactly once, and who hears nothing.

Every test passes `today=` (or `--date`) so dates are fixed without a frozen clock.
"""

from datetime import timedelta
from unittest import mock

from django.core import mail
from django.utils import timezone

import pytest

from assignments.models import AssignedLearner, Assignment, Reminder
from assignments.models.reminders import reminder_kind
from assignments.reminders import _claim_learner_reminders, reminders_send
from assignments.services import learner_exempt, learner_extend
from courses.dates import add_months
from courses.services import module_complete
from tests.assignments.helpers import TODAY, assign, learner, sent_kinds, to
from tests.courses.factories import make_course, modules_of

Kind = Reminder.Kind


# --- which reminder, when ---------------------------------------------------------


@pytest.mark.parametrize(
    ("days_left", "kind"),
    [
        (30, None),
        (15, None),
        (14, Kind.DAYS_14),
        (4, Kind.DAYS_14),
        (3, Kind.DAYS_3),
        (0, Kind.DAYS_3),
        (-1, Kind.OVERDUE),
        (-90, Kind.OVERDUE),
    ],
)
def test_the_reminder_owed_at_the_boundaries(personas, course, days_left, kind):
    alice = personas["employee"]
    assign(alice, course, due_on=TODAY + timedelta(days=days_left))
    assert reminder_kind(due_on=TODAY + timedelta(days=days_left), today=TODAY) == kind

    counts = reminders_send(today=TODAY)

    assert sent_kinds(counts) == ({kind.value: 1} if kind else {})
    assert len(to(alice)) == (1 if kind else 0)
    sent = Reminder.objects.filter(learner__user=alice).exclude(kind=kind)
    # Anything recorded besides the reminder sent is an earlier, skipped kind.
    assert all(r.kind in (Kind.DAYS_14, Kind.DAYS_3) for r in sent)


def test_a_second_run_the_same_day_sends_nothing(personas, course):
    alice = personas["employee"]
    assign(alice, course, due_on=TODAY - timedelta(days=2))

    first = reminders_send(today=TODAY)
    outbox = len(mail.outbox)
    second = reminders_send(today=TODAY)

    assert (first["overdue"], first["digests"]) == (1, 1)
    assert sent_kinds(second) == {}
    assert second["digests"] == 0
    assert len(mail.outbox) == outbox == 2  # Alice's reminder, Bob's digest


def test_run_daily_a_learner_hears_at_14_days_3_days_and_once_overdue(personas, course):
    alice = personas["employee"]
    due_on = TODAY + timedelta(days=20)
    assign(alice, course, due_on=due_on, assigned_on=TODAY)

    for offset in range(40):
        reminders_send(today=TODAY + timedelta(days=offset))

    subjects = [m.subject for m in to(alice)]
    assert subjects == [
        "Due in 14 days: Accessibility for public service (AODA)",
        "Due in 3 days: Accessibility for public service (AODA)",
        "Overdue: Accessibility for public service (AODA)",
    ]
    keys = set(
        Reminder.objects.filter(learner__user=alice).values_list("kind", "due_on")
    )
    assert keys == {(k, due_on) for k in (Kind.DAYS_14, Kind.DAYS_3, Kind.OVERDUE)}


def test_after_a_missed_day_only_the_most_urgent_reminder_goes(personas, course):
    alice = personas["employee"]
    due_on = TODAY + timedelta(days=2)
    assignment = assign(alice, course, due_on=due_on)

    # The first run happens with 2 days left: the 14-day reminder is never sent.
    counts = reminders_send(today=TODAY)
    assert sent_kinds(counts) == {"due_3": 1}
    assert [m.subject for m in to(alice)] == [
        "Due in 2 days: Accessibility for public service (AODA)"
    ]
    row = learner(alice, assignment)
    assert set(row.reminders.values_list("kind", flat=True)) == {
        Kind.DAYS_14,
        Kind.DAYS_3,
    }
    for offset in (1, 2):
        assert sent_kinds(reminders_send(today=TODAY + timedelta(days=offset))) == {}
    assert len(to(alice)) == 1


def test_first_seen_overdue_sends_one_overdue_reminder_and_records_the_rest(
    personas, course
):
    alice = personas["employee"]
    assignment = assign(alice, course, due_on=TODAY - timedelta(days=10))

    assert sent_kinds(reminders_send(today=TODAY)) == {"overdue": 1}
    assert set(learner(alice, assignment).reminders.values_list("kind", flat=True)) == {
        Kind.DAYS_14,
        Kind.DAYS_3,
        Kind.OVERDUE,
    }
    for offset in range(1, 20):
        assert sent_kinds(reminders_send(today=TODAY + timedelta(days=offset))) == {}
    assert len(to(alice)) == 1


def test_an_extension_starts_the_sequence_again(personas, course):
    alice, bob = personas["employee"], personas["manager"]
    assignment = assign(alice, course, due_on=TODAY - timedelta(days=1))
    assert sent_kinds(reminders_send(today=TODAY)) == {"overdue": 1}

    new_due = TODAY + timedelta(days=10)
    learner_extend(
        learner=learner(alice, assignment), actor=bob, due_on=new_due, reason="Leave"
    )

    assert sent_kinds(reminders_send(today=TODAY)) == {"due_14": 1}
    assert sent_kinds(reminders_send(today=new_due - timedelta(days=3))) == {"due_3": 1}
    assert sent_kinds(reminders_send(today=new_due + timedelta(days=1))) == {
        "overdue": 1
    }
    assert [m.subject.split(":")[0] for m in to(alice)] == [
        "Overdue",
        "Due in 10 days",
        "Due in 3 days",
        "Overdue",
    ]


def test_a_reminder_claimed_by_an_overlapping_run_is_not_queued_again(personas, course):
    alice = personas["employee"]
    row = learner(alice, assign(alice, course, due_on=TODAY + timedelta(days=3)))
    # Another run inserted the claim after this run selected the learner.
    Reminder.objects.create(
        learner=row, kind=Kind.DAYS_3, cycle=row.cycle, due_on=row.due_on
    )

    assert _claim_learner_reminders([(row.pk, row.cycle, row.due_on, "due_3")]) == []
    assert row.reminders.filter(kind=Kind.DAYS_3).count() == 1
    # The 14-day one it skipped is recorded all the same.
    assert row.reminders.filter(kind=Kind.DAYS_14).exists()


def test_a_new_cycle_with_the_same_due_date_is_reminded_again(personas, course):
    alice = personas["employee"]
    assignment = assign(alice, course, due_on=TODAY - timedelta(days=1))
    assert sent_kinds(reminders_send(today=TODAY)) == {"overdue": 1}

    AssignedLearner.objects.filter(pk=learner(alice, assignment).pk).update(cycle=2)

    assert sent_kinds(reminders_send(today=TODAY)) == {"overdue": 1}
    assert len(to(alice)) == 2


def test_recertification_reopens_and_reminders_restart(
    personas, django_capture_on_commit_callbacks
):
    alice = personas["employee"]
    yearly = make_course(
        title="Privacy yearly",
        modules=1,
        validity_months=12,
        recertification_window_days=30,
    )
    assignment = assign(alice, yearly, due_on=TODAY + timedelta(days=5))
    assert sent_kinds(reminders_send(today=TODAY)) == {"due_14": 1}
    with django_capture_on_commit_callbacks(execute=True):
        for module in modules_of(yearly):
            module_complete(user=alice, module=module)
    expires_on = add_months(
        timezone.localdate(learner(alice, assignment).completed_at), 12
    )

    # Completed: nothing more, until the recertification window opens.
    assert sent_kinds(reminders_send(today=expires_on - timedelta(days=31))) == {}
    counts = reminders_send(today=expires_on - timedelta(days=30))
    assert counts["reopened"] == 1
    assert sent_kinds(counts) == {}
    row = learner(alice, assignment)
    assert (row.cycle, row.due_on) == (2, expires_on)

    counts = reminders_send(today=expires_on - timedelta(days=14))
    assert sent_kinds(counts) == {"due_14": 1}
    assert row.reminders.filter(cycle=2, kind=Kind.DAYS_14).exists()


def test_one_person_owed_several_reminders_gets_one_email_listing_them_all(
    personas, course
):
    alice = personas["employee"]
    assign(alice, course, due_on=TODAY - timedelta(days=2), reason="AODA")
    assign(alice, make_course(title="Privacy basics"), due_on=TODAY + timedelta(3))
    assign(alice, make_course(title="Cyber hygiene"), due_on=TODAY + timedelta(10))
    assign(alice, make_course(title="Records later"), due_on=TODAY + timedelta(30))

    counts = reminders_send(today=TODAY)

    assert sent_kinds(counts) == {"overdue": 1, "due_3": 1, "due_14": 1}
    assert counts["emails"] == 1
    (message,) = to(alice)
    assert message.subject == "Mandatory training: 1 overdue, 2 due soon"
    html = message.alternatives[0][0]
    for body in (message.body, html):
        assert "3 courses of your mandatory training are overdue or due soon" in body
        lines = [
            "“Accessibility for public service (AODA)” is overdue since 24 November",
            "“Privacy basics” is due in 3 days, on 29 November 2026.",
            "“Cyber hygiene” is due in 10 days, on 6 December 2026.",
        ]
        positions = [body.index(line) for line in lines]
        assert positions == sorted(positions)  # most urgent first
        assert "Why: AODA" in body
        assert "Records later" not in body  # not yet due soon
    assert f'href="http://testserver{course.get_url()}"' in html

    # The same day again, and the next day: nothing new is owed, nothing goes.
    assert reminders_send(today=TODAY)["emails"] == 0
    assert reminders_send(today=TODAY + timedelta(days=1))["emails"] == 0
    assert len(to(alice)) == 1

    # A week on, Privacy is overdue and Cyber is 3 days off: again one e-mail,
    # with everything still open that is overdue or due soon.
    later = reminders_send(today=TODAY + timedelta(days=7))
    assert sent_kinds(later) == {"overdue": 1, "due_3": 1}
    assert later["emails"] == 1
    latest = to(alice)[-1]
    assert latest.subject == "Mandatory training: 2 overdue, 1 due soon"
    assert "Accessibility for public service (AODA)" in latest.body
    assert len(to(alice)) == 2


def test_a_failed_combined_email_releases_every_claim_in_it(personas, course):
    alice = personas["employee"]
    assign(alice, course, due_on=TODAY - timedelta(days=2))
    privacy = assign(
        alice, make_course(title="Privacy basics"), due_on=TODAY + timedelta(3)
    )

    with mock.patch("assignments.emails._send", side_effect=OSError("SMTP down")):
        reminders_send(today=TODAY)
    assert to(alice) == []
    # Both reminders the e-mail carried are given up (the kinds skipped
    # before the overdue one stay recorded, as they were never to be sent).
    assert not Reminder.objects.filter(kind=Kind.OVERDUE).exists()
    assert not learner(alice, privacy).reminders.filter(kind=Kind.DAYS_3).exists()

    counts = reminders_send(today=TODAY)
    assert sent_kinds(counts) == {"overdue": 1, "due_3": 1}
    (message,) = to(alice)
    assert message.subject == "Mandatory training: 1 overdue, 1 due soon"


# --- who hears nothing ------------------------------------------------------------


def test_exempt_completed_inactive_and_withdrawn_get_nothing(personas, course):
    alice, peer, bob = personas["employee"], personas["peer"], personas["manager"]
    overdue = TODAY - timedelta(days=1)
    exempt = assign(alice, course, due_on=overdue)
    learner_exempt(learner=learner(alice, exempt), actor=bob, reason="On leave")
    other = make_course(title="Cyber basics")
    done = assign(alice, other, due_on=overdue)
    AssignedLearner.objects.filter(pk=learner(alice, done).pk).update(
        completed_at=timezone.now(), completed_on=timezone.localdate()
    )
    third = make_course(title="Records management")
    withdrawn = assign(alice, third, due_on=overdue)
    Assignment.objects.filter(pk=withdrawn.pk).update(is_active=False)
    assign(peer, course, due_on=overdue)
    peer.employee.is_active = False
    peer.employee.save(update_fields=["is_active"])

    counts = reminders_send(today=TODAY)

    assert sent_kinds(counts) == {}
    assert counts["digests"] == 0
    assert mail.outbox == []
    assert not Reminder.objects.exists()


def test_people_without_an_address_are_skipped_and_counted(personas, course):
    alice = personas["employee"]
    alice.email = ""
    alice.save(update_fields=["email"])
    alice.employee.email = ""
    alice.employee.save(update_fields=["email"])
    assign(alice, course, due_on=TODAY + timedelta(days=3))

    counts = reminders_send(today=TODAY)

    assert counts["skipped_no_email"] == 1
    assert sent_kinds(counts) == {}
    assert mail.outbox == []
