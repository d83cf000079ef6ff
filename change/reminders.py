"""Check-in invitations and reminders: run daily by `manage.py send_change_checkins`.

For every open round of an active initiative, each affected, active person
with an e-mail address is invited once, and reminded at most MAX_REMINDERS
times, REMINDER_GAP_DAYS apart, until they answer. The same shape as the
training reminders (assignments/reminders.py): claim first, then queue one
task per e-mail. A claim is a conditional UPDATE of the person's invitation
row that stamps it with this run's time; a row counts as ours only if it
carries that stamp, so two runs at once cannot both queue the same e-mail, and
a second run the same day finds nothing to do. A failed send releases its
claim (change/emails.py) and the next run tries again.

Constant queries per round whatever the head count; the tasks read one person.
"""

from datetime import date, datetime, time, timedelta

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from lib.batching import chunks

from .models import CheckInInvitation, CheckInResponse, CheckInRound, Initiative
from .respondents import respondent_key
from .selectors import affected_employees
from .tasks import send_checkin_email

MAX_REMINDERS = 3
REMINDER_GAP_DAYS = 3
BATCH_SIZE = 1000
INVITATION = "invitation"
REMINDER = "reminder"

_HAS_ADDRESS = ~Q(employee__email="") | ~Q(employee__user__email="")


def checkins_send(*, today: date | None = None) -> dict[str, int]:
    """Invite and remind for every round open today; return what was queued."""
    today = today or timezone.localdate()
    counts = {"rounds": 0, "invited": 0, "reminded": 0, "skipped_no_email": 0}
    rounds = CheckInRound.objects.open_on(today).filter(
        initiative__status=Initiative.Status.ACTIVE
    )
    for checkin_round in rounds.select_related("initiative"):
        counts["rounds"] += 1
        waiting = _waiting(checkin_round=checkin_round)
        counts["skipped_no_email"] += waiting.exclude(_HAS_ADDRESS).count()
        waiting = waiting.filter(_HAS_ADDRESS)
        counts["invited"] += _claim_and_queue(
            waiting.filter(invited_at__isnull=True),
            kind=INVITATION,
            today=today,
        )
        counts["reminded"] += _claim_and_queue(
            _due_a_reminder(waiting, today=today), kind=REMINDER, today=today
        )
    return counts


def _waiting(*, checkin_round: CheckInRound) -> QuerySet[CheckInInvitation]:
    """The invitations of the people affected today who have not answered.

    Creates the missing rows first (new hires, transfers, the first run) and
    marks who answered since the last run.
    """
    affected = affected_employees(initiative=checkin_round.initiative)
    have = CheckInInvitation.objects.filter(round=checkin_round).values("employee_id")
    missing = affected.exclude(pk__in=have).values_list("pk", flat=True)
    for batch in chunks(list(missing), BATCH_SIZE):
        CheckInInvitation.objects.bulk_create(
            [CheckInInvitation(round=checkin_round, employee_id=pk) for pk in batch],
            ignore_conflicts=True,
        )
    _mark_answered(checkin_round=checkin_round)
    return CheckInInvitation.objects.filter(
        round=checkin_round,
        responded=False,
        employee_id__in=affected.values("pk"),
    )


def _mark_answered(*, checkin_round: CheckInRound) -> int:
    """Mark the invitations of the people whose answers are filed: two queries and batches.

    Found by computing each unanswered invitee's respondent key, as the
    person's own page does; done here, once a day and in employee order,
    rather than when the answer is saved, so no invitation changes at the
    moment (or in the transaction) an answer is written.
    """
    answered = set(
        CheckInResponse.objects.filter(round=checkin_round).values_list(
            "respondent_key", flat=True
        )
    )
    if not answered:
        return 0
    pending = CheckInInvitation.objects.filter(round=checkin_round, responded=False)
    found = [
        pk
        for pk, employee_id in pending.order_by("employee_id").values_list(
            "pk", "employee_id"
        )
        if respondent_key(
            initiative_id=checkin_round.initiative_id, employee_id=employee_id
        )
        in answered
    ]
    for batch in chunks(found, BATCH_SIZE):
        CheckInInvitation.objects.filter(pk__in=batch).update(responded=True)
    return len(found)


def _due_a_reminder(
    invitations: QuerySet[CheckInInvitation], *, today: date
) -> QuerySet[CheckInInvitation]:
    """Invited, fewer than MAX_REMINDERS, last contact REMINDER_GAP_DAYS days ago or more."""
    # Contact on a day before this one counts; "today" may be a backfill's day.
    before = timezone.make_aware(
        datetime.combine(today - timedelta(days=REMINDER_GAP_DAYS - 1), time.min)
    )
    return invitations.filter(
        invited_at__isnull=False, reminders_sent__lt=MAX_REMINDERS
    ).filter(
        Q(last_reminded_at__isnull=True, invited_at__lt=before)
        | Q(last_reminded_at__lt=before)
    )


def _claim_and_queue(
    candidates: QuerySet[CheckInInvitation], *, kind: str, today: date
) -> int:
    """Stamp the candidates (still matching) with this run's time; queue an e-mail each."""
    queued = 0
    for batch in chunks(list(candidates.values_list("pk", flat=True)), BATCH_SIZE):
        # Now, moved to the run's day: a backfill (--date) spaces its reminders too.
        stamp = timezone.now() + (today - timezone.localdate())
        # The same conditions again, in the UPDATE itself: a row another run
        # claimed meanwhile no longer matches them.
        mine = candidates.filter(pk__in=batch)
        if kind == INVITATION:
            mine.update(invited_at=stamp)
            claimed = CheckInInvitation.objects.filter(pk__in=batch, invited_at=stamp)
        else:
            mine.update(reminders_sent=F("reminders_sent") + 1, last_reminded_at=stamp)
            claimed = CheckInInvitation.objects.filter(
                pk__in=batch, last_reminded_at=stamp
            )
        for invitation_id in claimed.order_by("pk").values_list("pk", flat=True):
            send_checkin_email.enqueue(
                invitation_id=invitation_id, kind=kind, today=today.isoformat()
            )
            queued += 1
    return queued
