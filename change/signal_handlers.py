"""What the change app does when other apps announce something."""

from django.db import transaction

from .tasks import adoption_inputs_changed, readiness_results_refresh_stale


def refresh_readiness_after_roster(sender, import_record, **kwargs) -> None:
    """A roster import may have moved units: queue the initiatives whose tree changed.

    After commit, so the refresh sees the new tree (and a rolled-back import
    queues nothing).
    """
    transaction.on_commit(readiness_results_refresh_stale)


def refresh_adoption_after_roster(sender, import_record, **kwargs) -> None:
    """A roster import moved, added or removed people: adoption figures are stale.

    Bumps every initiative's adoption inputs in the import's transaction and
    queues the refresh of those with usage after commit.
    """
    adoption_inputs_changed()


def refresh_adoption_after_employee_change(sender, employee, **kwargs) -> None:
    """One person was added, moved or removed in the admin: as after a roster import."""
    adoption_inputs_changed()
