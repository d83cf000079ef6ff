"""Receivers wired in CoursesConfig.ready()."""


def expand_assignments_after_roster(sender, import_record, **kwargs):
    """People who joined a unit (or a role, or a team) get the training assigned to it."""
    from .assignment_services import assignments_expand_all

    assignments_expand_all()
