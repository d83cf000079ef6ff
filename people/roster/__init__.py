"""HR roster import: check a whole CSV file, then apply it in one transaction.

The file is the truth for everyone it lists: their names, unit, manager, role
profile and whether they are active. People it does not list are kept (or, on
request, deactivated). Nothing is written unless every row is valid. The file
format, the counts and the rules are described in docs/roster-import.md.

One module per stage, each importing only the ones before it:
`parse` (header and rows into typed rows, line-numbered errors), `check`
(across rows and against the organisation), `plan` (the diff against the
database), `apply` (the writes and `roster_applied`; `roster_import` is the
service) and `upload` (the admin's preview-then-confirm page).
"""

from .apply import BATCH_SIZE, roster_import
from .parse import COLUMNS, OPTIONAL_COLUMNS, REQUIRED_VALUES
from .plan import MASS_DEACTIVATION_PERCENT
from .results import RosterChange, RosterError, RosterFileError, RosterResult

__all__ = [
    "BATCH_SIZE",
    "COLUMNS",
    "MASS_DEACTIVATION_PERCENT",
    "OPTIONAL_COLUMNS",
    "REQUIRED_VALUES",
    "RosterChange",
    "RosterError",
    "RosterFileError",
    "RosterResult",
    "roster_import",
]
