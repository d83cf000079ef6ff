"""Reminders for mandatory training: run daily by `manage.py send_reminders`.

Each learner with open training hears 14 days and 3 days before the due date and
once when it is overdue, in one e-mail a day per person however many
assignments are owed one: it lists all their training that is due soon or
overdue (the statuses of `AssignedLearner.Status`). Each manager of record gets
a weekly digest of their overdue *direct reports* (people whose
`Employee.manager` is them; people further down have their own manager for that).

Sending is idempotent through the `Reminder` log. A reminder is claimed by
inserting its row (unique on learner, kind, cycle and due date; a digest on
manager and ISO week) before its e-mail is queued, so a second run the same day
finds nothing to do, and an extension or a recertification cycle (a new key)
starts the sequence again. Claims are inserted in batches with
`ignore_conflicts`; a row counts as ours only if it carries the `sent_at` this
run gave it, so two runs at once cannot both queue the same e-mail. Delivery is
at most once: a failed send releases its claim, and the next run tries again.

The selection is a constant number of queries whatever the head count; only the
tasks (one per e-mail: per person, or per manager's digest) read one person's
details.
"""

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from django.db.models import Case, Exists, OuterRef, Value, When
from django.utils import timezone

from lib.batching import chunks

from .models import AssignedLearner, Reminder, status_conditions
from .models.reminders import LAST_DAYS, iso_week
from .recertification import assignments_recertify
from .services import assignments_expand_all
from .tasks import send_learner_reminders, send_manager_digest

Kind = Reminder.Kind
Status = AssignedLearner.Status
BATCH_SIZE = 500
# The kinds a learner reminder stands for: sending one records those before it.
_EARLIER = {
    Kind.DAYS_14: [],
    Kind.DAYS_3: [Kind.DAYS_14],
    Kind.OVERDUE: [Kind.DAYS_14, Kind.DAYS_3],
}


def reminders_send(*, today: date | None = None) -> dict[str, int]:
    """Bring assignments up to date, then queue every reminder and digest due today.

    Returns counts: people newly assigned, learners re-opened for recertification,
    reminders queued by kind, the e-mails they go in (one per person), digests
    queued, and people skipped for want of an e-mail address.
    """
    today = today or timezone.localdate()
    counts = {
        "assigned": assignments_expand_all(today=today),
        "reopened": assignments_recertify(today=today),
        Kind.DAYS_14.value: 0,
        Kind.DAYS_3.value: 0,
        Kind.OVERDUE.value: 0,
        "emails": 0,
        "digests": 0,
        "skipped_no_email": 0,
    }
    learners, skipped = _learners_to_remind(today=today)
    counts["skipped_no_email"] += skipped
    # Claim every reminder first, then queue one e-mail per person with all of theirs.
    by_person: dict[int, list[int]] = defaultdict(list)
    for batch in chunks(learners, BATCH_SIZE):
        owner = {pk: user_id for pk, _cycle, _due, _kind, user_id in batch}
        for reminder_id, kind, learner_id in _claim_learner_reminders(
            [row[:4] for row in batch]
        ):
            by_person[owner[learner_id]].append(reminder_id)
            counts[kind] += 1
    for reminder_ids in by_person.values():
        _enqueue_learner_reminders(reminder_ids=reminder_ids, today=today)
    counts["emails"] = len(by_person)
    managers, skipped = _managers_to_digest(today=today)
    counts["skipped_no_email"] += skipped
    for batch in chunks(managers, BATCH_SIZE):
        for reminder_id in _claim_digests(batch, week=iso_week(today)):
            _enqueue_digest(reminder_id=reminder_id, today=today)
            counts["digests"] += 1
    return counts


# --- selecting and claiming -------------------------------------------------------


def _learners_to_remind(*, today: date) -> tuple[list[tuple], int]:
    """(learner id, cycle, due date, kind, user id) of everyone owed one; one query."""
    kind = Case(
        When(due_on__lt=today, then=Value(Kind.OVERDUE.value)),
        When(
            due_on__lte=today + timedelta(days=LAST_DAYS),
            then=Value(Kind.DAYS_3.value),
        ),
        default=Value(Kind.DAYS_14.value),
    )
    already = Reminder.objects.filter(
        learner=OuterRef("pk"),
        cycle=OuterRef("cycle"),
        due_on=OuterRef("due_on"),
        kind=OuterRef("reminder_kind"),
    )
    rows = (
        AssignedLearner.objects.remindable()
        .urgent(today=today)
        .annotate(reminder_kind=kind)
        .exclude(Exists(already))
        .order_by("pk")
        .values_list(
            "pk",
            "cycle",
            "due_on",
            "reminder_kind",
            "user_id",
            "user__employee__email",
            "user__email",
        )
    )
    owed, skipped = [], 0
    for pk, cycle, due_on, kind, user_id, employee_email, user_email in rows:
        if employee_email or user_email:
            owed.append((pk, cycle, due_on, kind, user_id))
        else:
            skipped += 1
    return owed, skipped


def _claim_learner_reminders(batch: Sequence[tuple]) -> list[tuple[int, str, int]]:
    """Insert the batch's reminder rows; return (id, kind, learner id) of those claimed.

    The earlier kinds a missed day skipped are recorded too (never sent).
    """
    wanted = [
        Reminder(learner_id=pk, cycle=cycle, due_on=due_on, kind=kind)
        for pk, cycle, due_on, kind in batch
    ]
    skipped = [
        Reminder(learner_id=pk, cycle=cycle, due_on=due_on, kind=earlier)
        for pk, cycle, due_on, kind in batch
        for earlier in _EARLIER[kind]
    ]
    Reminder.objects.bulk_create(wanted + skipped, ignore_conflicts=True)
    # bulk_create gave each object its sent_at; a row holding another value
    # was inserted by someone else (an overlapping run) and is theirs.
    ours = {(r.learner_id, r.kind, r.cycle, r.due_on): r.sent_at for r in wanted}
    stored = Reminder.objects.filter(
        learner_id__in=[pk for pk, *_rest in batch],
        kind__in=[r.kind for r in wanted],
        sent_at__gte=min(ours.values()),
    ).values_list("pk", "learner_id", "kind", "cycle", "due_on", "sent_at")
    claimed = [
        (pk, kind, learner_id)
        for pk, learner_id, kind, cycle, due_on, sent_at in stored
        if ours.get((learner_id, kind, cycle, due_on)) == sent_at
    ]
    return sorted(claimed)


def _managers_to_digest(*, today: date) -> tuple[list[int], int]:
    """Managers of record with an overdue direct report and no digest this week."""
    already = Reminder.objects.filter(kind=Kind.DIGEST, week=iso_week(today)).values(
        "manager_id"
    )
    rows = (
        AssignedLearner.objects.remindable()
        .filter(
            status_conditions(today)[Status.OVERDUE],
            user__employee__manager__isnull=False,
            user__employee__manager__is_active=True,
        )
        .exclude(user__employee__manager_id__in=already)
        .values_list(
            "user__employee__manager_id",
            "user__employee__manager__email",
            "user__employee__manager__user__email",
        )
        .order_by("user__employee__manager_id")
        .distinct()
    )
    managers, skipped = [], 0
    for manager_id, employee_email, user_email in rows:
        if employee_email or user_email:
            managers.append(manager_id)
        else:
            skipped += 1
    return managers, skipped


def _claim_digests(manager_ids: Sequence[int], *, week: str) -> list[int]:
    """Insert this week's digest rows; return the ids of those this run claimed."""
    wanted = [
        Reminder(kind=Kind.DIGEST, manager_id=pk, week=week) for pk in manager_ids
    ]
    Reminder.objects.bulk_create(wanted, ignore_conflicts=True)
    ours = {r.manager_id: r.sent_at for r in wanted}
    stored = Reminder.objects.filter(
        kind=Kind.DIGEST, week=week, manager_id__in=list(manager_ids)
    ).values_list("pk", "manager_id", "sent_at")
    return sorted(
        pk for pk, manager_id, sent_at in stored if ours[manager_id] == sent_at
    )


def _enqueue_learner_reminders(*, reminder_ids: list[int], today: date) -> None:
    send_learner_reminders.enqueue(
        reminder_ids=sorted(reminder_ids), today=today.isoformat()
    )


def _enqueue_digest(*, reminder_id: int, today: date) -> None:
    send_manager_digest.enqueue(reminder_id=reminder_id, today=today.isoformat())
