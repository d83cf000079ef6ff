"""Receivers wired in CoursesConfig.ready()."""

from django.db import transaction

from wagtail.models import Page, PageViewRestriction
from wagtail.search.tasks import insert_or_update_object_task

from .page_cache import bump_content_generation


def content_changed(sender, instance=None, **kwargs):
    """A page was published, unpublished, moved or deleted, or its privacy changed:
    drop cached course and module pages."""
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
    meta = instance._meta
    transaction.on_commit(
        lambda: insert_or_update_object_task.enqueue(
            meta.app_label, meta.model_name, str(instance.pk)
        )
    )
