import io

import pytest

from lib.csv_import import (
    CsvFileError,
    CsvReader,
    csv_decode,
    csv_lines,
    header_index,
    row_width_message,
)


class OurFileError(CsvFileError):
    pass


@pytest.mark.parametrize(
    ("data", "code", "line"),
    [(b"", "empty", 1), (b"  \n", "empty", 1), (b"a,b\nok\n\xe9\n", "not_utf8", 3)],
)
def test_unreadable_bytes_are_refused_with_the_importers_error(data, code, line):
    with pytest.raises(OurFileError) as error:
        csv_decode(data, error=OurFileError)
    assert (error.value.code, error.value.line) == (code, line)


@pytest.mark.parametrize(
    ("data", "code", "line"),
    [(b"", "empty", 1), (b"  \n", "empty", 1), (b"a,b\nok\n\xe9\n", "not_utf8", 3)],
)
def test_a_big_file_read_line_by_line_is_refused_the_same_way(data, code, line):
    with pytest.raises(OurFileError) as error:
        csv_lines(io.BytesIO(data), error=OurFileError)
    assert (error.value.code, error.value.line) == (code, line)


def test_a_bad_byte_far_into_a_big_file_is_found_on_its_line():
    data = b"a,b\n" + b"1,2\n" * 400_000 + b"3,\xe9\n"
    with pytest.raises(OurFileError) as error:
        csv_lines(io.BytesIO(data), error=OurFileError)
    assert error.value.line == 400_002


def test_lines_of_a_file_read_like_its_text():
    data = '\ufeffa;b\r\n1;"two\r\nlines"\r\n\r\n3;4\r\n'.encode()
    reader = CsvReader(csv_lines(io.BytesIO(data)))
    assert reader.header == ["a", "b"]
    assert list(reader) == [(2, ["1", "two\r\nlines"]), (5, ["3", "4"])]


def test_a_byte_order_mark_is_dropped():
    assert csv_decode("\ufeffa,b\n".encode()) == "a,b\n"


def test_rows_carry_their_physical_line_and_blank_rows_are_skipped():
    reader = CsvReader('a;b\n1;"two\nlines"\n\n3;4\n')
    assert reader.header == ["a", "b"]
    assert list(reader) == [(2, ["1", "two\nlines"]), (5, ["3", "4"])]
    assert reader.row_count == 2


def test_a_file_that_is_not_csv_is_refused_with_its_line():
    # A cell over the csv module's field limit (131,072 characters) on line 3.
    reader = CsvReader("a,b\n1,2\n3," + "4" * 200_000 + "\n", error=OurFileError)
    with pytest.raises(OurFileError) as error:
        list(reader)
    assert (error.value.code, error.value.line) == ("bad_csv", 3)
    assert reader.no_rows().code == "no_rows"


def test_the_header_names_known_columns_once_and_all_required_ones():
    assert header_index(["b", "x", "a"], required=["a"], known={"a", "b"}) == {
        "b": 0,
        "a": 2,
    }
    with pytest.raises(CsvFileError) as twice:
        header_index(["a", "a"], required=["a"], known={"a"})
    assert (twice.value.code, twice.value.column) == ("duplicate_column", "a")
    with pytest.raises(CsvFileError) as missing:
        header_index(["nmae"], required=["name"], known={"name"}, written=["Nmae "])
    assert missing.value.code == "missing_columns"
    assert missing.value.message == (
        "The header is missing these columns: name. Columns not recognised: Nmae."
    )


def test_a_row_fits_its_header_even_with_empty_trailing_cells():
    assert row_width_message(["1", "2"], 2) is None
    assert row_width_message(["1", "2", " "], 2) is None
    assert "has 3 values but the header has 2" in row_width_message(["1", "2", "3"], 2)
    assert "has 1 values" in row_width_message(["1"], 2)
