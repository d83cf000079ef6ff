"""What a roster import reports back: errors by line, changes by person, counts."""

from dataclasses import asdict, dataclass, field
from typing import Any

from lib.csv_import import CsvFileError
from people.models import RosterImport


@dataclass(frozen=True)
class RosterError:
    """One problem with the file; line 0 means the file as a whole."""

    line: int
    column: str
    value: str
    message: str


@dataclass(frozen=True)
class RosterChange:
    """What an import does (or would do) to one employee."""

    line: int  # 0 for people deactivated because the file leaves them out
    employee_number: str
    action: str  # "create" | "update" | "deactivate"
    fields: tuple[str, ...]
    name: str


@dataclass
class RosterResult:
    """The outcome of an import or a dry run; counts are zero when rejected."""

    created: int = 0
    updated: int = 0
    deactivated: int = 0
    unchanged: int = 0
    errors: list[RosterError] = field(default_factory=list)
    changes: list[RosterChange] = field(default_factory=list)
    applied: bool = False
    import_record: RosterImport | None = None
    row_count: int = 0
    units_created: int = 0
    units_updated: int = 0  # renamed or moved

    def as_summary(self) -> dict[str, Any]:
        return {
            "created": self.created,
            "updated": self.updated,
            "deactivated": self.deactivated,
            "unchanged": self.unchanged,
            "errors": [asdict(error) for error in self.errors],
        }


class RosterFileError(CsvFileError):
    """The file cannot be read as a roster at all (encoding, empty, header)."""

    def as_error(self) -> RosterError:
        return RosterError(self.line, self.column, "", self.message)
