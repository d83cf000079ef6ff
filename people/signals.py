"""Events the people app announces. Upper apps (assignments) listen.

roster_applied
    Sent when a roster import has been applied, inside its transaction, so a
    listener's writes commit (or roll back) with the import. Arguments:
    ``sender`` (the RosterImport class) and ``import_record`` (the RosterImport).
    Assignments use it to give people who joined a unit the training assigned to it.

employee_changed
    Sent when one employee record is created, edited or deleted in the Wagtail
    admin (the people admin's actions, `people.actions`, and the deletion of
    a user, which deletes their record), inside the action's transaction.
    Arguments: ``sender`` (the Employee class), ``employee``, ``old_unit_id``
    (None for a new record) and ``new_unit_id`` (None once deleted). Bulk
    writes (a roster import) send ``roster_applied`` instead; anything else
    that writes employees around these paths must say so itself. Assignments
    use it to recount the report tallies of the units concerned.
"""

from django.dispatch import Signal

roster_applied = Signal()
employee_changed = Signal()
