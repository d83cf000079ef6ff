"""The framework spreadsheet: export, import, every validation error, and round trips."""

import csv
import io

from django.core.management import call_command

import pytest

from people.models import RoleProfile
from skills.framework_csv import COLUMNS, FrameworkFileError, framework_export
from skills.framework_defaults import (
    default_framework_csv,
    default_role_profiles,
    framework_load_default,
)
from skills.framework_import import framework_import
from skills.models import RoleSkillTarget, Skill, SkillCategory, SkillLevelDescriptor


def _rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def _csv(rows: list[dict], header: list[str] | None = None) -> bytes:
    header = header or list(rows[0])
    out = io.StringIO()
    writer = csv.DictWriter(out, header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def _snapshot():
    return (
        framework_export(),
        Skill.objects.count(),
        SkillCategory.objects.count(),
        SkillLevelDescriptor.objects.count(),
        RoleSkillTarget.objects.count(),
    )


@pytest.fixture
def loaded(db):
    result = framework_load_default()
    assert not result.errors
    return result


@pytest.mark.django_db
def test_the_default_framework_loads_once_and_keeps_edits(loaded):
    skills = len(_rows(default_framework_csv()))
    assert 18 <= skills <= 22
    assert (loaded.created, loaded.categories_created) == (skills, 5)
    assert Skill.objects.count() == skills
    assert SkillLevelDescriptor.objects.count() == skills * 4
    assert set(RoleProfile.objects.values_list("code", flat=True)) >= {
        code for code, _n, _d in default_role_profiles()
    }
    assert RoleSkillTarget.objects.values("role_profile").distinct().count() == 8

    Skill.objects.filter(code="data-literacy").update(name="Data sense")
    call_command("load_skills_framework", stdout=io.StringIO())
    assert Skill.objects.count() == skills
    assert Skill.objects.get(code="data-literacy").name == "Data sense"


@pytest.mark.django_db
def test_export_then_import_changes_nothing(loaded):
    before = _snapshot()
    text = framework_export()
    header = next(csv.reader(io.StringIO(text)))
    assert header[: len(COLUMNS)] == list(COLUMNS)
    assert header[len(COLUMNS) :] == [
        f"target_{c}" for c in sorted(r[0] for r in default_role_profiles())
    ]
    result = framework_import(data=text.encode())
    assert (result.created, result.updated, result.errors) == (0, 0, [])
    assert result.unchanged == Skill.objects.count()
    assert _snapshot() == before


@pytest.mark.django_db
def test_an_import_updates_creates_and_removes_targets(loaded):
    rows = _rows(framework_export())
    data = next(r for r in rows if r["code"] == "data-literacy")
    data["level_2"] = "Reads the monthly dashboard and asks what is missing."
    data["target_CSR"] = "2"  # was 1
    data["target_DATA"] = ""  # was 4: removed
    rows.append(
        {
            **data,
            "code": "open-data",
            "name": "Publishing open data",
            "category": "Open government",
            "active": "no",
            "target_CSR": "",
            "target_DATA": "3",
        }
    )
    result = framework_import(data=_csv(rows))
    assert (result.created, result.updated, result.categories_created) == (1, 1, 1)
    change = next(c for c in result.changes if c.code == "data-literacy")
    assert change.fields == ("level_2", "target_CSR", "target_DATA")
    skill = Skill.objects.get(code="data-literacy")
    assert skill.descriptors.get(level=2).description.startswith("Reads the monthly")
    targets = dict(skill.role_targets.values_list("role_profile__code", "level"))
    assert targets["CSR"] == 2 and "DATA" not in targets
    new = Skill.objects.get(code="open-data")
    assert (new.is_active, new.category.name) == (False, "Open government")
    assert (
        dict(new.role_targets.values_list("role_profile__code", "level"))["DATA"] == 3
    )


@pytest.mark.django_db
def test_two_skills_may_swap_names(loaded):
    rows = _rows(framework_export())
    a, b = rows[0], rows[1]
    a["name"], b["name"] = b["name"], a["name"]
    result = framework_import(data=_csv(rows))
    assert result.updated == 2
    assert Skill.objects.get(code=a["code"]).name == a["name"]


@pytest.mark.django_db
def test_every_row_error_is_reported_by_line_and_nothing_is_written(loaded):
    before = _snapshot()
    rows = _rows(framework_export())
    good = rows[0]
    bad = [
        {**good, "code": "empty-name", "name": ""},  # line 2
        {**good, "code": "long-one", "name": "L" * 121},  # line 3
        {**good, "code": "Not A Code", "name": "Bad code"},  # line 4
        {**good, "code": "twice", "name": "Twice one"},  # line 5
        {**good, "code": "twice", "name": "Twice two"},  # line 6
        {**good, "code": "dup-name-1", "name": "Same name"},  # line 7
        {**good, "code": "dup-name-2", "name": "Same name"},  # line 8
        {**good, "code": "taken", "name": rows[1]["name"]},  # line 9 (code differs)
        {**good, "code": "maybe", "name": "Maybe", "active": "perhaps"},  # line 10
        {**good, "code": "target-5", "name": "Five", "target_CSR": "5"},  # line 11
        {**good, "code": "no-level", "name": "No level 3", "level_3": ""},  # line 12
    ]
    text = _csv(bad, header=list(good)).decode()
    text += "only,three,values\n"  # line 13
    result = framework_import(data=text.encode())
    found = {(e.line, e.code, e.column) for e in result.errors}
    assert found == {
        (2, "required", "name"),
        (3, "too_long", "name"),
        (4, "bad_code", "code"),
        (6, "duplicate_code", "code"),
        (8, "duplicate_name", "name"),
        (9, "name_taken", "name"),
        (10, "bad_active", "active"),
        (11, "bad_target", "target_CSR"),
        (12, "required", "level_3"),
        (13, "row_width", ""),
    }
    assert [e.line for e in result.errors] == sorted(e.line for e in result.errors)
    assert "already used on line 5" in next(
        e.message for e in result.errors if e.line == 6
    )
    assert (result.created, result.updated, result.applied) == (0, 0, False)
    assert _snapshot() == before


@pytest.mark.django_db
def test_header_errors_are_reported_on_line_one(loaded):
    rows = _rows(framework_export())
    header = [*rows[0], "target_ZZZ", "notes"]
    result = framework_import(data=_csv(rows[:1], header=header))
    assert {(e.line, e.code, e.column) for e in result.errors} == {
        (1, "unknown_role", "target_ZZZ"),
        (1, "unknown_column", "notes"),
    }


@pytest.mark.django_db
def test_line_numbers_count_lines_inside_quoted_values(loaded):
    rows = _rows(framework_export())
    rows[0]["description"] = "Two\nlines"
    rows[1]["active"] = "sometimes"
    result = framework_import(data=_csv(rows[:2]))
    assert [(e.line, e.code) for e in result.errors] == [(4, "bad_active")]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"category,code,name\n", "missing_columns"),
        (
            (
                b"category,code,name,description,active,level_1,level_2,level_3,level_4,name\n"
            ),
            "duplicate_column",
        ),
        (",".join(COLUMNS).encode() + b"\n", "no_rows"),
        (",".join(COLUMNS).encode() + b"\nData,d,D\xe9,x,yes,a,b,c,d\n", "not_utf8"),
    ],
)
@pytest.mark.django_db
def test_unreadable_files_are_refused_whole(data, code):
    with pytest.raises(FrameworkFileError) as error:
        framework_import(data=data)
    assert error.value.code == code
    assert not Skill.objects.exists()


@pytest.mark.django_db
def test_a_dry_run_writes_nothing_and_semicolons_work(loaded):
    before = _snapshot()
    rows = _rows(framework_export())
    rows[0]["name"] = "Renamed"
    out = io.StringIO()
    writer = csv.DictWriter(out, list(rows[0]), delimiter=";", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    result = framework_import(data=out.getvalue().encode(), dry_run=True)
    assert (result.updated, result.applied, result.errors) == (1, False, [])
    assert _snapshot() == before


@pytest.mark.django_db
def test_cells_that_look_like_formulas_are_defused_and_restored(loaded):
    Skill.objects.filter(code="data-literacy").update(
        description="=SUM(A1:A9) is not a skill"
    )
    text = framework_export()
    assert "'=SUM(A1:A9)" in text
    result = framework_import(data=text.encode())
    assert (result.updated, result.unchanged) == (0, Skill.objects.count())
    assert Skill.objects.get(code="data-literacy").description.startswith("=SUM")
