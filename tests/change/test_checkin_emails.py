"""Check-in invitations and reminders: once each, at most three reminders, only to
affected, active people who have not answered."""

from datetime import timedelta
from io import StringIO
from unittest import mock

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest

from change.models import CheckInInvitation, Initiative
from change.reminders import checkins_send
from change.services import checkin_submit
from tests.change.factories import CheckInRoundFactory, InitiativeFactory
from tests.people.factories import EmployeeFactory

TODAY = timezone.localdate()
READY = dict.fromkeys(("understand", "commit", "learn", "apply", "sustain"), 4)


@pytest.fixture
def checkin_round(org, employee, manager, peer):
    """Road Crew A (Alice and Bob) asked for four weeks; Road Crew B (Charlie) not."""
    initiative = InitiativeFactory(
        name="New 311 system",
        tool_name="the new 311 system",
        units=[org["team_a"]],
        go_live=TODAY - timedelta(days=30),
    )
    return CheckInRoundFactory(
        initiative=initiative,
        name="30 days after",
        opens_on=TODAY,
        closes_on=TODAY + timedelta(days=27),
    )


def _to() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def test_the_first_run_invites_each_affected_person_once(
    checkin_round, employee, manager
):
    counts = checkins_send(today=TODAY)
    assert counts["invited"] == 2
    assert _to() == sorted([employee.email, manager.email])
    message = mail.outbox[0]
    assert "how ready are you for the new 311 system" in message.subject
    url = f"/my/changes/{checkin_round.initiative.slug}/check-in/{checkin_round.pk}/"
    assert url in message.body
    assert "Nobody sees your individual answers" in message.body
    assert url in message.alternatives[0][0]


def test_a_second_run_the_same_day_sends_nothing(checkin_round):
    checkins_send(today=TODAY)
    mail.outbox.clear()
    assert checkins_send(today=TODAY) == {
        "rounds": 1,
        "invited": 0,
        "reminded": 0,
        "skipped_no_email": 0,
    }
    assert mail.outbox == []


def test_reminders_go_three_days_apart_at_most_three_times_to_those_not_answered(
    checkin_round, employee, manager
):
    checkins_send(today=TODAY)
    checkin_submit(checkin_round=checkin_round, employee=manager.employee, scores=READY)
    sent = {}
    for day in range(1, 20):
        mail.outbox.clear()
        checkins_send(today=TODAY + timedelta(days=day))
        if mail.outbox:
            sent[day] = _to()
    assert sent == {3: [employee.email], 6: [employee.email], 9: [employee.email]}
    assert CheckInInvitation.objects.get(employee=employee.employee).reminders_sent == 3


def test_nobody_hears_after_answering_leaving_or_moving_away(
    checkin_round, employee, manager, org
):
    checkins_send(today=TODAY)
    mail.outbox.clear()
    leaver = manager.employee
    leaver.is_active = False
    leaver.save()
    moved = employee.employee
    moved.org_unit = org["team_b"]
    moved.save()
    checkins_send(today=TODAY + timedelta(days=3))
    assert mail.outbox == []


def test_a_newcomer_is_invited_by_the_next_run(checkin_round, peer, org):
    checkins_send(today=TODAY)
    mail.outbox.clear()
    newcomer = peer.employee
    newcomer.org_unit = org["team_a"]
    newcomer.save()
    checkins_send(today=TODAY + timedelta(days=1))
    assert _to() == [peer.email]


def test_nothing_goes_for_a_planned_initiative_or_outside_the_round(checkin_round):
    checkins_send(today=TODAY - timedelta(days=1))
    checkins_send(today=checkin_round.closes_on + timedelta(days=1))
    assert mail.outbox == []
    initiative = checkin_round.initiative
    initiative.status = Initiative.Status.PLANNED
    initiative.save()
    checkins_send(today=TODAY)
    assert mail.outbox == []


def test_people_without_an_address_are_counted_not_mailed(checkin_round, employee):
    employee.email = ""
    employee.save()
    employee.employee.email = ""
    employee.employee.save()
    counts = checkins_send(today=TODAY)
    assert (counts["invited"], counts["skipped_no_email"]) == (1, 1)


def test_a_failed_send_is_tried_again_by_the_next_run(checkin_round):
    with mock.patch("change.emails.send_templated", side_effect=OSError("SMTP down")):
        checkins_send(today=TODAY)
    assert mail.outbox == []
    assert not CheckInInvitation.objects.filter(invited_at__isnull=False).exists()
    assert checkins_send(today=TODAY)["invited"] == 2
    assert len(mail.outbox) == 2


def test_the_command_reports_what_it_queued(checkin_round):
    out = StringIO()
    call_command("send_change_checkins", "--date", TODAY.isoformat(), stdout=out)
    assert "Queued 2 invitation(s) and 0 reminder(s)" in out.getvalue()


@pytest.mark.parametrize("size", [3, 30])
def test_selecting_costs_the_same_queries_at_any_size(
    org, size, django_assert_max_num_queries
):
    EmployeeFactory.create_batch(size, org_unit=org["team_a"])
    initiative = InitiativeFactory(units=[org["team_a"]])
    CheckInRoundFactory(initiative=initiative)
    with (
        mock.patch("change.reminders.send_checkin_email") as task,
        django_assert_max_num_queries(16),
    ):
        checkins_send(today=TODAY)
    assert task.enqueue.call_count == size


def test_a_malformed_date_is_refused_clearly(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--date must look like"):
        call_command("send_change_checkins", "--date", "26/11/2026")
