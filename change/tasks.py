"""Background work for change check-ins: one e-mail per task (django-tasks).

Arguments are ids and ISO dates, never objects (the database backend stores JSON).
"""

from datetime import date

from django.utils import timezone

from django_tasks import task

from .emails import checkin_email_deliver


@task()
def send_checkin_email(invitation_id: int, kind: str, today: str | None = None) -> bool:
    """E-mail one person their claimed check-in invitation or reminder."""
    day = date.fromisoformat(today) if today else timezone.localdate()
    return checkin_email_deliver(invitation_id=invitation_id, kind=kind, today=day)
