"""The skills framework as a spreadsheet: its format, and the export.

One row per skill; its four level descriptors and its target for each role
profile are columns. `skills.framework_import` reads the same format back.
The format is described in docs/skills.md.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from lib.csv_import import CsvFileError, RowError, csv_decode
from lib.safe_csv import neutralise
from people.models import RoleProfile

from .models import TARGET_CHOICES, RoleSkillTarget, Skill, SkillCategory
from .models import SkillLevelDescriptor as Descriptor

LEVEL_COLUMNS = tuple(f"level_{level}" for level, _label in TARGET_CHOICES)
COLUMNS = ("category", "code", "name", "description", "active", *LEVEL_COLUMNS)
REQUIRED_VALUES = ("category", "code", "name", *LEVEL_COLUMNS)
TARGET_PREFIX = "target_"
MAX_LENGTHS = {
    "category": SkillCategory._meta.get_field("name").max_length,
    "code": Skill._meta.get_field("code").max_length,
    "name": Skill._meta.get_field("name").max_length,
    **dict.fromkeys(
        LEVEL_COLUMNS, Descriptor._meta.get_field("description").max_length
    ),
}
CODE_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")
YES = {"yes", "y", "true", "1", ""}
NO = {"no", "n", "false", "0"}
TARGET_VALUES = {str(level) for level, _label in TARGET_CHOICES}


@dataclass(frozen=True)
class FrameworkChange:
    """What an import does (or would do) to one skill."""

    line: int
    code: str
    action: str  # "create" | "update"
    fields: tuple[str, ...]


@dataclass
class FrameworkResult:
    """The outcome of an import or a dry run; counts are zero when rejected."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    categories_created: int = 0
    row_count: int = 0
    applied: bool = False
    errors: list[RowError] = field(default_factory=list)
    changes: list[FrameworkChange] = field(default_factory=list)


class FrameworkFileError(CsvFileError):
    """The file cannot be read as a framework at all (encoding, empty, header)."""


def framework_export() -> str:
    """The whole framework as CSV text, in the format `framework_import` reads."""
    roles = list(RoleProfile.objects.order_by("code").values_list("pk", "code"))
    skills = list(Skill.objects.in_framework_order().select_related("category"))
    descriptors = {
        (s, level): text
        for s, level, text in Descriptor.objects.values_list(
            "skill_id", "level", "description"
        )
    }
    targets = {
        (s, r): level
        for s, r, level in RoleSkillTarget.objects.values_list(
            "skill_id", "role_profile_id", "level"
        )
    }
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*COLUMNS, *(TARGET_PREFIX + code for _pk, code in roles)])
    for skill in skills:
        cells = [skill.category.name, skill.code, skill.name, skill.description]
        cells.append("yes" if skill.is_active else "no")
        cells += [
            descriptors.get((skill.pk, level), "") for level, _label in TARGET_CHOICES
        ]
        cells += [str(targets.get((skill.pk, role), "")) for role, _code in roles]
        writer.writerow([neutralise(cell) for cell in cells])
    return out.getvalue()


def decode(data: bytes) -> str:
    """The uploaded bytes as text, or FrameworkFileError."""
    return csv_decode(data, error=FrameworkFileError)
