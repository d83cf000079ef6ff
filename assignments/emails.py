"""The reminder e-mails: one person's reminders in one message, a manager's digest.

Called by the tasks (`tasks.py`) with reminders already claimed by
`reminders.reminders_send`. Each checks its reminder still says something
true, and a failed send releases its claim so that the next run tries again.
"""

import logging
from collections.abc import Sequence
from datetime import date

from django.conf import settings
from django.urls import reverse

from lib.emails import absolute_url, send_templated

from .models import AssignedLearner, Reminder, status_conditions
from .models.reminders import reminder_kind

logger = logging.getLogger(__name__)

Kind = Reminder.Kind
Status = AssignedLearner.Status


def _item_url(item) -> str:
    """The course (or learning path) page, absolute, for a link in an e-mail."""
    url = item.get_url() if item is not None else None
    return absolute_url(url or reverse(settings.ASSIGNMENTS_LEARNER_PAGE))


def _team_url() -> str:
    """The manager's assignment overview, where the digest's people are."""
    return absolute_url(reverse("assignments:list"))


def _send(*, template: str, context: dict, to: str) -> None:
    send_templated(template=f"assignments/email/{template}", context=context, to=to)


def _release(*reminders: Reminder) -> None:
    # The e-mail did not go: give up the claims so that the next run tries again.
    logger.exception("Could not send reminder(s) %s", [r.pk for r in reminders])
    Reminder.objects.filter(pk__in=[r.pk for r in reminders]).delete()


def _still_true(reminder: Reminder) -> bool:
    """Between the claim and now, the person may have finished, been exempted
    or been given more time: then this reminder says nothing true."""
    learner = reminder.learner
    return not (
        learner.completed_at
        or learner.exempted_at
        or learner.due_on != reminder.due_on
        or learner.cycle != reminder.cycle
        or not learner.assignment.is_active
    )


def _reminder_item(learner: AssignedLearner, today: date) -> dict:
    assignment = learner.assignment
    return {
        "kind": reminder_kind(due_on=learner.due_on, today=today),
        "title": assignment.item_title,
        "reason": assignment.reason,
        "due_on": learner.due_on,
        "days_left": (learner.due_on - today).days,
        "days_overdue": (today - learner.due_on).days,
        "url": _item_url(assignment.item),
    }


def learner_reminders_deliver(*, reminder_ids: Sequence[int], today: date) -> bool:
    """E-mail one person their claimed reminders in one message; False if none goes.

    The message lists every assignment of theirs that is overdue or due soon
    today, most urgent first, not only those owed a reminder today.
    """
    claimed = [
        reminder
        for reminder in Reminder.objects.select_related(
            "learner__user__employee", "learner__assignment"
        ).filter(pk__in=list(reminder_ids), learner__isnull=False)
        if _still_true(reminder)
    ]
    if not claimed:
        return False
    user = claimed[0].learner.user
    employee = user.employee
    address = employee.email or user.email
    if not address:
        return False
    open_work = (
        AssignedLearner.objects.remindable()
        .urgent(today=today)
        .filter(user=user)
        .select_related("assignment__course", "assignment__learning_path")
        .order_by("due_on", "pk")
    )
    items = [_reminder_item(learner, today) for learner in open_work]
    context = {
        "name": employee.display_name,
        "items": items,
        "overdue": sum(item["kind"] == Kind.OVERDUE for item in items),
        "due_soon": sum(item["kind"] != Kind.OVERDUE for item in items),
    }
    try:
        _send(template="reminder", context=context, to=address)
    except OSError:
        _release(*claimed)
        return False
    return True


def manager_digest_deliver(*, reminder_id: int, today: date) -> bool:
    """E-mail one manager the list of their overdue direct reports."""
    reminder = (
        Reminder.objects.select_related("manager__user")
        .filter(pk=reminder_id, kind=Kind.DIGEST)
        .first()
    )
    if reminder is None:
        return False
    manager = reminder.manager
    address = manager.email or manager.user.email
    if not address:
        return False
    rows = [
        {
            "name": row.user.employee.display_name,
            "title": row.assignment.item_title,
            "due_on": row.due_on,
            "days_overdue": (today - row.due_on).days,
        }
        for row in AssignedLearner.objects.remindable()
        .filter(
            status_conditions(today)[Status.OVERDUE], user__employee__manager=manager
        )
        .select_related(
            "user__employee", "assignment__course", "assignment__learning_path"
        )
        .order_by("due_on", "user__employee__last_name", "pk")
    ]
    if not rows:
        return False
    context = {
        "name": manager.display_name,
        "rows": rows,
        "people": len({row["name"] for row in rows}),
        "week": reminder.week,
        "url": _team_url(),
    }
    try:
        _send(template="digest", context=context, to=address)
    except OSError:
        _release(reminder)
        return False
    return True
