"""Mandatory training sits above courses and people: imports point down (issue 14)."""

import ast
from pathlib import Path

from tests.import_graph import ROOT, cycles, package_imports


def _apps_imported_by(package: str) -> set[str]:
    """The top-level packages `package` imports anywhere, function-local included."""
    found = set()
    for path in (ROOT / package).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(Path(path).read_text())):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                found.add(node.module.split(".")[0])
    return found


def test_no_module_of_assignments_imports_its_importers():
    assert cycles(package_imports("assignments")) == []


def test_courses_people_and_lib_never_import_assignments():
    assert {
        app: "assignments" in _apps_imported_by(app)
        for app in ("courses", "people", "lib")
    } == {"courses": False, "people": False, "lib": False}


def test_assignments_import_only_the_apps_below_them():
    upper = {"skills", "certificates", "reports", "change", "training_site", "demo"}
    assert _apps_imported_by("assignments") & upper == set()


def test_the_reminder_tasks_are_above_the_emails_they_send():
    graph = package_imports("assignments")
    assert "assignments.tasks" in graph["assignments.reminders"]
    assert "assignments.reminders" not in graph["assignments.emails"]
