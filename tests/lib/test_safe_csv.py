import pytest

from lib.safe_csv import neutralise, restore


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("plain", "plain"),
        ("'quoted", "'quoted"),
        ("", ""),
        (3, 3),
    ],
)
def test_neutralise_defuses_formula_starts_only(value, expected):
    assert neutralise(value) == expected


@pytest.mark.parametrize("value", ["=SUM(A1)", "-1", "plain", "'quoted", "''=x", ""])
def test_restore_undoes_neutralise(value):
    assert restore(neutralise(value)) == value
