"""Receivers wired in CoursesConfig.ready()."""


def expand_assignments_after_roster(sender, import_record, **kwargs):
    """People who joined a unit (or a role, or a team) get the training assigned to it."""
    from .assignment_services import assignments_expand_all

    assignments_expand_all()


def content_changed(sender, instance=None, **kwargs):
    """A page was published, unpublished, moved or deleted: drop cached module pages."""
    from wagtail.models import Page

    from .selectors import bump_content_generation

    if instance is None or isinstance(instance, Page):
        bump_content_generation()
