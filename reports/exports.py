"""The export writers: CSV streamed and formula-safe, XLSX in write-only mode.

They take a header and rows and know nothing of reports, scopes or jobs.
"""

import csv
import io
from collections.abc import Iterable, Iterator, Sequence

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from lib.safe_csv import neutralise

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

Rows = Iterable[Sequence]


class _Echo:
    """A file-like object whose write() hands the line back to the generator."""

    def write(self, value: str) -> str:
        return value


def _csv_lines(header: Sequence, rows: Rows) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff"  # a byte-order mark, so Excel reads the file as UTF-8
    yield writer.writerow([neutralise(v) for v in header])
    for row in rows:
        yield writer.writerow([neutralise(v) for v in row])


def stream_csv(filename: str, header: Sequence, rows: Rows) -> StreamingHttpResponse:
    """A CSV download written row by row as `rows` is consumed."""
    response = StreamingHttpResponse(
        _csv_lines(header, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


class Percent(int):
    """A whole percentage: CSV writes the number, XLSX a fraction shown as "60%"."""


def _xlsx_value(sheet, value):
    if isinstance(value, Percent):
        cell = WriteOnlyCell(sheet, value=value / 100)
        cell.number_format = "0%"
        return cell
    if isinstance(value, str):
        # openpyxl refuses control characters; they carry no meaning in a report.
        cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
        # Typed as a string, "=1+1" is text that no spreadsheet evaluates, so
        # XLSX needs no CSV apostrophe: the cell shows exactly what was typed.
        cell.data_type = "s"
        return cell
    return value


def write_xlsx(stream, header: Sequence, rows: Rows) -> int:
    """Write a one-sheet workbook to `stream` in write-only mode; return the row count."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append([_xlsx_value(sheet, v) for v in header])
    count = 0
    for row in rows:
        sheet.append([_xlsx_value(sheet, v) for v in row])
        count += 1
    workbook.save(stream)
    return count


def xlsx_response(filename: str, header: Sequence, rows: Rows) -> HttpResponse:
    """An XLSX download built in memory (small exports only)."""
    buffer = io.BytesIO()
    write_xlsx(buffer, header, rows)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
