"""Spreadsheet cells that cannot run as formulas (OWASP "CSV injection").

Exports prefix a risky cell with an apostrophe; an importer that reads its own
exports back strips that apostrophe again with `restore`.
"""

from typing import Any

# A spreadsheet may run a cell that starts with one of these.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A CSV cell value that no spreadsheet will run as a formula (XLSX types text)."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def restore(value: str) -> str:
    """A cell as it was before `neutralise` (text that never needed it is unchanged)."""
    if value[:1] == "'" and value[1:].startswith(FORMULA_TRIGGERS):
        return value[1:]
    return value
