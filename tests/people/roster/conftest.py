"""Roster import fixtures: the base roster imported once, and a file on disk."""

import pytest

from people.roster import roster_import
from tests.people.roster.helpers import base_rows, to_csv


@pytest.fixture
def imported(db):
    """The base roster, already imported once."""
    roster_import(data=to_csv(base_rows()))
    return base_rows()


@pytest.fixture
def roster_file(tmp_path):
    def write(rows, name="roster.csv"):
        path = tmp_path / name
        path.write_bytes(to_csv(rows))
        return str(path)

    return write
