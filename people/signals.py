"""Events the people app announces. Upper apps (courses) listen.

roster_applied
    Sent when a roster import has been applied, inside its transaction, so a
    listener's writes commit (or roll back) with the import. Arguments:
    ``sender`` (the RosterImport class) and ``import_record`` (the RosterImport).
    Courses uses it to give people who joined a unit the training assigned to it.
"""

from django.dispatch import Signal

roster_applied = Signal()
