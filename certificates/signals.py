"""Events of the certificates app, answered in `signal_handlers.py` (wired in apps.ready())."""

from django.dispatch import Signal

#: A certificate was issued. Sent once per certificate, after the issuing
#: transaction commits, with `certificate` and `render` (False when the caller
#: renders the PDF itself, as bulk jobs do, or has no use for it yet, as the demo
#: seed does). The app's own handler queues the PDF render; it is a signal, not a
#: call, because the tasks that render sit above the services that issue.
certificate_issued = Signal()
