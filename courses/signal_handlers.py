"""Receivers wired in CoursesConfig.ready()."""


def expand_assignments_after_roster(sender, import_record, **kwargs):
    """People who joined a unit (or a role, or a team) get the training assigned to it.

    When it updated or deactivated people (a row can do both and move them),
    the report tallies are then counted again whole, once the import has
    committed: it can move thousands of people between units without saving
    them one by one. (Newcomers are counted by their expansion.)
    """
    from django.db import transaction

    from .assignment_services import assignments_expand_all
    from .tallies import tallies_rebuild

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
    from .tallies import tallies_recount

    before = instance.__dict__.pop("_unit_before_save", None)
    if raw:
        return
    if created:
        tallies_recount(unit_ids=[instance.org_unit_id])
    elif before is not None and before != instance.org_unit_id:
        tallies_recount(unit_ids=[before, instance.org_unit_id])


def recount_after_employee_delete(sender, instance, **kwargs):
    """Reports count people through their employee record: this one no longer counts."""
    from .tallies import tallies_recount

    tallies_recount(unit_ids=[instance.org_unit_id])


def content_changed(sender, instance=None, **kwargs):
    """A page was published, unpublished, moved or deleted, or its privacy changed:
    drop cached course and module pages."""
    from django.db import transaction

    from wagtail.models import Page, PageViewRestriction

    from .selectors import bump_content_generation

    if instance is None or isinstance(instance, Page | PageViewRestriction):
        bump_content_generation()
        # And again once it commits: a request in between still reads the old
        # rows and would cache them under the new generation.
        transaction.on_commit(bump_content_generation, robust=True)


def reindex_after_publish(sender, instance, **kwargs):
    """Index a published page again once its transaction has committed.

    Wagtail indexes a page as it saves, before modelcluster saves its tags, so
    with the Immediate task backend a topic added while publishing was never
    found by search. The task reads the page, tags and all, after the commit.
    """
    from django.db import transaction

    from wagtail.search.tasks import insert_or_update_object_task

    meta = instance._meta
    transaction.on_commit(
        lambda: insert_or_update_object_task.enqueue(
            meta.app_label, meta.model_name, str(instance.pk)
        )
    )
