"""The default skills framework that ships with the product (written for the City).

The data are two files in skills/data/, shipped with the package: `framework.csv`
in the framework import format (see skills.framework_csv) and `role_profiles.csv`,
the eight role profiles its targets name. `manage.py load_skills_framework` and
the demo load them through the same validation as a CSV import; L&D then maintain
the framework in the admin or a spreadsheet. The wording is our own: no published
framework's text is reused.
"""

import csv
import io
from importlib.resources import files

from people.models import RoleProfile

from .framework_import import FrameworkResult, framework_import

DATA = files("skills") / "data"


def default_framework_csv() -> str:
    """The default framework in the import format (see skills.framework_csv)."""
    return (DATA / "framework.csv").read_text(encoding="utf-8")


def default_role_profiles() -> list[tuple[str, str, str]]:
    """The (code, name, description) of the role profiles the default targets name."""
    text = (DATA / "role_profiles.csv").read_text(encoding="utf-8")
    return [
        (row["code"], row["name"], row["description"])
        for row in csv.DictReader(io.StringIO(text))
    ]


def role_profiles_load_default() -> None:
    """Create whichever default role profile is missing; never rename one."""
    for code, name, description in default_role_profiles():
        RoleProfile.objects.get_or_create(
            code=code, defaults={"name": name, "description": description}
        )


def framework_load_default() -> FrameworkResult:
    """Add whatever of the default framework is missing; never undo L&D's edits."""
    role_profiles_load_default()
    return framework_import(
        data=default_framework_csv().encode(), update_existing=False
    )
