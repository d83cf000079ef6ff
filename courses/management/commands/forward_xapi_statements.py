"""Send the xAPI statements not yet at the city's LRS (XAPI_FORWARD_URL) again.

Each statement is forwarded by a background task when it is kept; one the LRS
did not take (it was down, it refused) waits here. Run it from cron, e.g. every
15 minutes; it does nothing when XAPI_FORWARD_URL is not set.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from courses.models import XapiStatement
from courses.packages.xapi import statement_forward


class Command(BaseCommand):
    help = "Forward the xAPI statements the LRS has not taken yet."

    def handle(self, *args, **options):
        if not settings.XAPI_FORWARD_URL:
            self.stdout.write("XAPI_FORWARD_URL is not set: nothing to forward.")
            return
        waiting = XapiStatement.objects.filter(forwarded_at=None).values_list(
            "pk", flat=True
        )
        sent = 0
        for pk in waiting.iterator(chunk_size=1000):
            statement_forward.call(pk)
            sent += 1
        left = XapiStatement.objects.filter(forwarded_at=None).count()
        self.stdout.write(f"Tried {sent} statements; {left} still not forwarded.")
