"""One CSV import framework: read and check a whole file, preview it, then apply it.

`reading` turns uploaded bytes into a header and line-numbered rows (refusing a
file that is not CSV at all with a `CsvFileError`); each importer checks its own
values and reports `RowError`s by line. `upload` is the admin page shape every
import shares: upload → preview (per-row errors, or what would change) →
confirm → result. Nothing is written before the confirm, and the confirm
applies exactly the bytes that were previewed.
"""

from .reading import (
    CsvFileError,
    CsvReader,
    RowError,
    csv_decode,
    csv_lines,
    header_index,
    row_width_message,
)

__all__ = [
    "CsvFileError",
    "CsvReader",
    "RowError",
    "csv_decode",
    "csv_lines",
    "header_index",
    "row_width_message",
]
