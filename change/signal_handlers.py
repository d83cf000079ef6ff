"""What the change app does when other apps announce something."""

from django.db import transaction

from .tasks import readiness_results_refresh_stale


def refresh_readiness_after_roster(sender, import_record, **kwargs) -> None:
    """A roster import may have moved units: queue the initiatives whose tree changed.

    After commit, so the refresh sees the new tree (and a rolled-back import
    queues nothing).
    """
    transaction.on_commit(readiness_results_refresh_stale)
