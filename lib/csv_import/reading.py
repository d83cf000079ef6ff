"""Reading an uploaded CSV: text, delimiter, header and line-numbered rows.

Line numbers are physical lines of the file (a quoted value may span several),
so a person can find the row in any text editor or spreadsheet.
"""

import codecs
import csv
import io
import itertools
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from django.utils.translation import gettext as _

from lib.errors import DomainError


@dataclass(frozen=True)
class RowError:
    """One problem with the file; line 0 means the file as a whole, 1 the header."""

    line: int
    column: str
    value: str
    message: str
    code: str = ""


class CsvFileError(DomainError):
    """The file cannot be read as this import's CSV at all (encoding, empty, header)."""

    def __init__(self, message: str, *, code: str, line: int = 1, column: str = ""):
        super().__init__(message, code=code)
        self.line = line
        self.column = column

    def as_error(self) -> RowError:
        """The refusal as a row error, for pages that list problems in one table."""
        return RowError(self.line, self.column, "", self.message, self.code)


def _not_utf8(error: type[CsvFileError], line: int) -> CsvFileError:
    return error(
        _("The file is not UTF-8 text (line %(line)s); save it as “CSV UTF-8”.")
        % {"line": line},
        code="not_utf8",
        line=line,
    )


def csv_decode(data: bytes, *, error: type[CsvFileError] = CsvFileError) -> str:
    """The file as text (UTF-8, with or without a byte-order mark), or `error`."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _not_utf8(error, data[: exc.start].count(b"\n") + 1) from exc
    if not text.strip():
        raise error(_("The file is empty."), code="empty")
    return text


_CHECK_CHUNK = 1024 * 1024


def csv_lines(
    stream: BinaryIO, *, error: type[CsvFileError] = CsvFileError
) -> Iterator[str]:
    """The lines of a seekable binary file as text, checked like `csv_decode`.

    For files too big to hold as text: the bytes are checked in chunks (UTF-8,
    not empty), then the file is rewound and read line by line.
    """
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    lines_before, blank = 0, True
    while chunk := stream.read(_CHECK_CHUNK):
        try:
            text = decoder.decode(chunk)
        except UnicodeDecodeError as exc:
            line = lines_before + chunk[: exc.start].count(b"\n") + 1
            raise _not_utf8(error, line) from exc
        lines_before += chunk.count(b"\n")
        blank = blank and not text.strip()
    if blank:
        raise error(_("The file is empty."), code="empty")
    stream.seek(0)
    return codecs.iterdecode(stream, "utf-8-sig")


class CsvReader:
    """The header (as written) and then each non-blank row as (line, cells).

    `text` is the whole file, or its lines (`csv_lines`, for big files). The
    delimiter is whichever of comma and semicolon the header uses more
    (spreadsheets in some locales save with semicolons). Iterate once.
    """

    def __init__(
        self, text: str | Iterable[str], *, error: type[CsvFileError] = CsvFileError
    ):
        lines = iter(io.StringIO(text, newline="") if isinstance(text, str) else text)
        header_line = next(lines, "")
        delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
        self._reader = csv.reader(
            itertools.chain([header_line], lines), delimiter=delimiter
        )
        self._error = error
        self.header: list[str] = self._next() or []
        self.row_count = 0  # non-blank rows read so far

    def _next(self) -> list[str] | None:
        try:
            return next(self._reader)
        except StopIteration:
            return None
        except csv.Error as exc:
            raise self._error(
                _("The file is not valid CSV: %(problem)s.") % {"problem": exc},
                code="bad_csv",
                line=self._reader.line_num,
            ) from exc

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        start = self._reader.line_num + 1
        while (cells := self._next()) is not None:
            line, start = start, self._reader.line_num + 1
            if "".join(cells).strip():  # not blank
                self.row_count += 1
                yield line, cells

    def no_rows(self) -> CsvFileError:
        """The refusal for a file with a header and nothing under it."""
        return self._error(_("The file has a header but no rows."), code="no_rows")


def header_index(
    names: Sequence[str],
    *,
    required: Sequence[str],
    known: Callable[[str], bool] | Collection[str],
    error: type[CsvFileError] = CsvFileError,
    written: Sequence[str] | None = None,
) -> dict[str, int]:
    """{column: position} of the known columns in `names`, or `error` for the header.

    `names` are the header's names as the importer compares them (stripped,
    perhaps lower-cased); `written` the same as the file spells them. A known
    column named twice, or a required one missing, refuses the file; the
    message for a missing column also names the columns not recognised
    (usually the same column, misspelt).
    """
    is_known = known if callable(known) else known.__contains__
    index: dict[str, int] = {}
    for position, name in enumerate(names):
        if not is_known(name):
            continue
        if name in index:
            raise error(
                _("The header names the column %(name)s twice.") % {"name": name},
                code="duplicate_column",
                column=name,
            )
        index[name] = position
    missing = [name for name in required if name not in index]
    if missing:
        message = _("The header is missing these columns: %(names)s.") % {
            "names": ", ".join(missing)
        }
        unknown = [
            shown.strip()
            for name, shown in zip(names, written or names, strict=True)
            if not is_known(name)
        ]
        if unknown:
            message += " " + _("Columns not recognised: %(names)s.") % {
                "names": ", ".join(unknown)
            }
        raise error(message, code="missing_columns", column=missing[0])
    return index


def row_width_message(cells: Sequence[str], width: int) -> str | None:
    """Why a row does not fit a header of `width` columns, or None if it does.

    Trailing empty cells are forgiven (spreadsheets add them).
    """
    if len(cells) == width or (
        len(cells) > width and not any(cell.strip() for cell in cells[width:])
    ):
        return None
    return _(
        "This row has %(values)s values but the header has %(columns)s columns; "
        "is a value with a comma or semicolon missing its quotes?"
    ) % {"values": len(cells), "columns": width}
