"""Receivers wired in AssignmentsConfig.ready(): what lower apps announce, answered here."""

from django.db import transaction

from .services import assignments_expand_all, learner_progress_sync
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


def note_unit_before_save(sender, instance, raw=False, update_fields=None, **kwargs):
    """An employee saved on their own (the admin): remember the unit they may leave."""
    if raw or instance.pk is None:
        return
    if update_fields is not None and not {"org_unit", "org_unit_id"} & set(
        update_fields
    ):
        return
    instance._unit_before_save = (
        sender.objects.filter(pk=instance.pk)
        .values_list("org_unit_id", flat=True)
        .first()
    )


def recount_after_employee_save(sender, instance, created, raw=False, **kwargs):
    """A new employee record, or one that moved unit: recount the units concerned."""

    before = instance.__dict__.pop("_unit_before_save", None)
    if raw:
        return
    if created:
        tallies_recount(unit_ids=[instance.org_unit_id])
    elif before is not None and before != instance.org_unit_id:
        tallies_recount(unit_ids=[before, instance.org_unit_id])


def recount_after_employee_delete(sender, instance, **kwargs):
    """Reports count people through their employee record: this one no longer counts."""

    tallies_recount(unit_ids=[instance.org_unit_id])
