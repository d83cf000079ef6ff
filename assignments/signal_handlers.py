"""Receivers wired in AssignmentsConfig.ready(): what lower apps announce, answered here."""

from django.db import transaction

from .progress import learner_progress_sync
from .services import assignments_expand_all
from .tallies import tallies_rebuild, tallies_recount


def sync_progress(sender, user_id: int, course_id: int, **kwargs):
    """A learner started or completed a course: every assignment including it follows."""
    learner_progress_sync(user_id=user_id, course_id=course_id)


def expand_assignments_after_roster(sender, import_record, **kwargs):
    """People who joined a unit (or a role, or a team) get the training assigned to it.

    When it updated or deactivated people (a row can do both and move them),
    the report tallies are then counted again whole, once the import has
    committed: it can move thousands of people between units without saving
    them one by one. (Newcomers are counted by their expansion.)
    """

    assignments_expand_all()
    if import_record.updated or import_record.deactivated:
        transaction.on_commit(tallies_rebuild, robust=True)


def recount_after_employee_change(
    sender, employee, old_unit_id: int | None, new_unit_id: int | None, **kwargs
):
    """One employee joined, moved or left (the admin): recount the units concerned.

    Reports count people through their employee record, so the unit they left
    and the one they joined both change; an edit that keeps the unit changes
    neither.
    """
    if old_unit_id == new_unit_id:
        return
    tallies_recount(unit_ids=[u for u in (old_unit_id, new_unit_id) if u is not None])
