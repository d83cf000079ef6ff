"""Import the framework spreadsheet: check every row, then apply all of it or none.

Problems are reported by line (and column), like the roster import; nothing is
written unless every row is valid.
"""

from django.db import transaction
from django.db.models import F, Max, Value
from django.db.models.functions import Concat
from django.utils.translation import gettext as _

from lib.csv_import import CsvReader, RowError, header_index, row_width_message
from lib.safe_csv import restore
from people.models import RoleProfile

from .framework_csv import (
    CODE_PATTERN,
    COLUMNS,
    MAX_LENGTHS,
    NO,
    REQUIRED_VALUES,
    TARGET_PREFIX,
    TARGET_VALUES,
    YES,
    FrameworkChange,
    FrameworkFileError,
    FrameworkResult,
    decode,
)
from .models import TARGET_CHOICES, RoleSkillTarget, Skill, SkillCategory
from .models import SkillLevelDescriptor as Descriptor


def framework_import(
    *, data: bytes, dry_run: bool = False, update_existing: bool = True
) -> FrameworkResult:
    """Check the framework CSV in `data` and, unless rejected or a dry run, apply it.

    Skills are matched by code. `update_existing=False` only adds what is
    missing (the default framework loader uses it so it never undoes L&D's edits).
    """
    text = decode(data)
    with transaction.atomic():
        state = _Import(text, update_existing=update_existing)
        if state.errors:
            return FrameworkResult(errors=state.errors, row_count=len(state.rows))
        if not dry_run:
            state.apply()
            state.result.applied = True
        return state.result


class _Import:
    """One import: the file's rows checked against the framework, then applied."""

    def __init__(self, text: str, *, update_existing: bool):
        self.update_existing = update_existing
        self.errors: list[RowError] = []
        self.rows: list[tuple[int, dict[str, str]]] = []
        self.result = FrameworkResult()
        self.roles = dict(RoleProfile.objects.values_list("code", "pk"))
        self.categories = {c.name: c for c in SkillCategory.objects.all()}
        self.skills = {s.code: s for s in Skill.objects.select_related("category")}
        self.descriptors = {
            (s, level): description
            for s, level, description in Descriptor.objects.values_list(
                "skill_id", "level", "description"
            )
        }
        self.targets = {
            (s, r): level
            for s, r, level in RoleSkillTarget.objects.values_list(
                "skill_id", "role_profile_id", "level"
            )
        }
        self._parse(text)
        self._check_names()
        if not self.errors:
            self._plan()
        self.errors.sort(key=lambda error: error.line)

    def _error(self, line: int, column: str, value: str, message: str, code: str):
        self.errors.append(RowError(line, column, value, message, code))

    def _parse(self, text: str) -> None:
        reader = CsvReader(text, error=FrameworkFileError)
        header = [name.strip() for name in reader.header]
        self._read_header(header)
        first_line: dict[str, int] = {}
        for line, cells in reader:
            self._read_row(line, cells, header, first_line)
        if not self.rows and not self.errors:
            raise reader.no_rows()

    def _read_header(self, header: list[str]) -> None:
        header_index(
            header,
            required=COLUMNS,
            # Target columns are checked one by one below, as errors on line 1.
            known=lambda name: name in COLUMNS or name.startswith(TARGET_PREFIX),
            error=FrameworkFileError,
        )
        self.role_columns = {}
        for name in header:
            if name in COLUMNS:
                continue
            role = name.removeprefix(TARGET_PREFIX)
            if not name.startswith(TARGET_PREFIX):
                self._error(
                    1,
                    name,
                    name,
                    _("The column %(name)s is not recognised.") % {"name": name},
                    "unknown_column",
                )
            elif role not in self.roles:
                self._error(
                    1,
                    name,
                    role,
                    _("There is no role profile with the code %(code)s.")
                    % {"code": role},
                    "unknown_role",
                )
            else:
                self.role_columns[name] = self.roles[role]

    def _read_row(
        self, line: int, cells: list[str], header: list[str], first_line: dict
    ):
        if problem := row_width_message(cells, len(header)):
            self._error(line, "", "", problem, "row_width")
            return
        values = {name: restore(cells[i].strip()) for i, name in enumerate(header)}
        before = len(self.errors)
        for name in REQUIRED_VALUES:
            if not values[name]:
                self._error(
                    line,
                    name,
                    "",
                    _("%(column)s is required.") % {"column": name},
                    "required",
                )
        for name, limit in MAX_LENGTHS.items():
            if len(values[name]) > limit:
                self._error(
                    line,
                    name,
                    values[name],
                    _("%(column)s is longer than %(limit)s characters.")
                    % {"column": name, "limit": limit},
                    "too_long",
                )
        code = values["code"]
        if code and not CODE_PATTERN.match(code):
            self._error(
                line,
                "code",
                code,
                _(
                    "Codes use lower-case letters, digits and single hyphens (data-literacy)."
                ),
                "bad_code",
            )
        elif code in first_line:
            self._error(
                line,
                "code",
                code,
                _("The code %(code)s is already used on line %(line)s.")
                % {"code": code, "line": first_line[code]},
                "duplicate_code",
            )
        first_line.setdefault(code, line)
        if values["active"].lower() not in YES | NO:
            self._error(
                line,
                "active",
                values["active"],
                _("active must be yes or no."),
                "bad_active",
            )
        for column in self.role_columns:
            if values[column] and values[column] not in TARGET_VALUES:
                self._error(
                    line,
                    column,
                    values[column],
                    _("Targets are 1 to 4; leave the cell empty for no target."),
                    "bad_target",
                )
        if len(self.errors) == before:
            self.rows.append((line, values))

    def _check_names(self) -> None:
        # Names that stay as they are: skills the file leaves out (or may not change).
        in_file = {values["code"] for _line, values in self.rows}
        taken = {
            s.name: s.code
            for s in self.skills.values()
            if s.code not in in_file or not self.update_existing
        }
        first_line: dict[str, int] = {}
        for line, values in self.rows:
            name = values["name"]
            if not self.update_existing and values["code"] in self.skills:
                continue
            if name in first_line:
                self._error(
                    line,
                    "name",
                    name,
                    _("The name %(name)s is already used on line %(line)s.")
                    % {"name": name, "line": first_line[name]},
                    "duplicate_name",
                )
            elif name in taken:
                self._error(
                    line,
                    "name",
                    name,
                    _("The name %(name)s belongs to the skill %(code)s.")
                    % {"name": name, "code": taken[name]},
                    "name_taken",
                )
            first_line.setdefault(name, line)

    def _wanted(self, values: dict[str, str]) -> dict:
        return {
            "name": values["name"],
            "description": values["description"],
            "category": values["category"],
            "active": values["active"].lower() in YES,
            **{
                f"level_{lvl}": values[f"level_{lvl}"] for lvl, _label in TARGET_CHOICES
            },
            **{
                column: int(values[column]) if values[column] else None
                for column in self.role_columns
            },
        }

    def _current(self, skill: Skill) -> dict:
        return {
            "name": skill.name,
            "description": skill.description,
            "category": skill.category.name,
            "active": skill.is_active,
            **{
                f"level_{lvl}": self.descriptors.get((skill.pk, lvl), "")
                for lvl, _label in TARGET_CHOICES
            },
            **{
                column: self.targets.get((skill.pk, role))
                for column, role in self.role_columns.items()
            },
        }

    def _plan(self) -> None:
        self.plan: list[tuple[Skill | None, dict]] = []
        for line, values in self.rows:
            wanted = self._wanted(values)
            skill = self.skills.get(values["code"])
            if skill is None:
                action, fields = "create", tuple(wanted)
            elif not self.update_existing:
                self.result.unchanged += 1
                continue
            else:
                current = self._current(skill)
                fields = tuple(k for k, v in wanted.items() if current[k] != v)
                action = "update"
                if not fields:
                    self.result.unchanged += 1
                    continue
            self.result.changes.append(
                FrameworkChange(line, values["code"], action, fields)
            )
            setattr(self.result, f"{action}d", getattr(self.result, f"{action}d") + 1)
            self.plan.append((skill, {"code": values["code"], **wanted}))
        self.result.row_count = len(self.rows)
        new_categories = {w["category"] for _s, w in self.plan} - set(self.categories)
        self.result.categories_created = len(new_categories)

    def apply(self) -> None:
        order = SkillCategory.objects.aggregate(top=Max("sort_order"))["top"] or 0
        for _skill, wanted in self.plan:
            if wanted["category"] not in self.categories:
                order += 1
                self.categories[wanted["category"]] = SkillCategory.objects.create(
                    name=wanted["category"], sort_order=order
                )
        # Park renamed skills on a unique temporary name so two may swap names.
        renamed = [s.pk for s, w in self.plan if s is not None and s.name != w["name"]]
        Skill.objects.filter(pk__in=renamed).update(name=Concat(Value("~"), F("code")))
        touched = []
        for skill, wanted in self.plan:
            skill = skill or Skill(code=wanted["code"])
            skill.name, skill.description = wanted["name"], wanted["description"]
            skill.category = self.categories[wanted["category"]]
            skill.is_active = wanted["active"]
            skill.save()
            touched.append((skill, wanted))
        ids = [skill.pk for skill, _w in touched]
        Descriptor.objects.filter(skill_id__in=ids).delete()
        Descriptor.objects.bulk_create(
            Descriptor(skill=skill, level=lvl, description=wanted[f"level_{lvl}"])
            for skill, wanted in touched
            for lvl, _label in TARGET_CHOICES
        )
        roles = self.role_columns
        RoleSkillTarget.objects.filter(
            skill_id__in=ids, role_profile_id__in=roles.values()
        ).delete()
        RoleSkillTarget.objects.bulk_create(
            RoleSkillTarget(skill=skill, role_profile_id=role, level=wanted[column])
            for skill, wanted in touched
            for column, role in roles.items()
            if wanted[column]
        )
