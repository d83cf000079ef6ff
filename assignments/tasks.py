"""Background work for mandatory training: reminder e-mails (django-tasks).

Arguments are ids and ISO dates, never objects: the database backend stores
them as JSON and a worker on another host picks them up.
"""

from datetime import date

from django.utils import timezone

from django_tasks import task

from .emails import learner_reminders_deliver, manager_digest_deliver


@task()
def send_learner_reminders(reminder_ids: list[int], today: str | None = None) -> bool:
    """E-mail one person their claimed reminders (14 days, 3 days, overdue) at once."""
    return learner_reminders_deliver(reminder_ids=reminder_ids, today=_day(today))


@task()
def send_learner_reminder(reminder_id: int, today: str | None = None) -> bool:
    """E-mail one claimed learner reminder (tasks queued before reminders combined)."""
    return learner_reminders_deliver(reminder_ids=[reminder_id], today=_day(today))


@task()
def send_manager_digest(reminder_id: int, today: str | None = None) -> bool:
    """E-mail one manager's weekly digest of overdue direct reports."""
    return manager_digest_deliver(reminder_id=reminder_id, today=_day(today))


def _day(value: str | None) -> date:
    # The run's date, so that a backfill (--date) words its e-mails for that day.
    return date.fromisoformat(value) if value else timezone.localdate()
