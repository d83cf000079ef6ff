"""The check-in e-mails: an invitation, and up to three reminders.

Called by `tasks.send_checkin_email` with an invitation already claimed by
`reminders.checkins_send`. Each checks it still says something true (not
answered meanwhile, round still open), and a failed send releases its claim.
"""

import logging
from datetime import date

from django.conf import settings
from django.urls import reverse

from lib.emails import absolute_url, send_templated

from .models import CheckInInvitation, CheckInRound, Initiative
from .selectors import my_response

logger = logging.getLogger(__name__)


def _release(invitation: CheckInInvitation, *, kind: str) -> None:
    # The e-mail did not go: give up the claim so that the next run tries again.
    logger.exception("Could not send the check-in %s %s", kind, invitation.pk)
    rows = CheckInInvitation.objects.filter(pk=invitation.pk)
    if kind == "invitation":
        rows.update(invited_at=None)
    else:
        rows.update(
            reminders_sent=max(invitation.reminders_sent - 1, 0), last_reminded_at=None
        )


def checkin_email_deliver(*, invitation_id: int, kind: str, today: date) -> bool:
    """E-mail one invitation or reminder; False if it no longer applies or fails."""
    invitation = (
        CheckInInvitation.objects.select_related("round__initiative", "employee__user")
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is None or invitation.responded:
        return False
    # Answered since the run that queued this: the flag waits for the next run.
    if my_response(checkin_round=invitation.round, employee=invitation.employee):
        return False
    checkin_round = invitation.round
    initiative = checkin_round.initiative
    if (
        initiative.status != Initiative.Status.ACTIVE
        or checkin_round.state_on(today) != CheckInRound.State.OPEN
    ):
        return False
    employee = invitation.employee
    address = employee.email or employee.user.email
    if not address:
        return False
    url = reverse("change:check-in", args=[initiative.slug, checkin_round.pk])
    context = {
        "name": employee.display_name,
        "initiative": initiative,
        "round": checkin_round,
        "url": absolute_url(url),
        "reminder": invitation.reminders_sent if kind == "reminder" else 0,
        "min_group": settings.CHANGE_MIN_GROUP,
    }
    try:
        send_templated(template=f"change/email/{kind}", context=context, to=address)
    except OSError:
        _release(invitation, kind=kind)
        return False
    return True
