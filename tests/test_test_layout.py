"""Tests share code through conftest.py (fixtures) and plainly named helper modules
(builders, factories, helpers), never by importing a test module or a conftest.

Importing a `test_*` module runs its module-level code twice and re-collects its
fixtures under a second name; importing a conftest bypasses pytest's scoping.
"""

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent


def _is_test_or_conftest(module: str) -> bool:
    parts = module.split(".")
    return parts[0] == "tests" and (
        parts[-1].startswith("test_") or parts[-1] == "conftest"
    )


def _absolute(node: ast.ImportFrom, package: str) -> str:
    """The module `from ... import` names, with a relative import resolved."""
    if not node.level:
        return node.module or ""
    base = package.split(".")[: len(package.split(".")) - node.level + 1]
    return ".".join([*base, *([node.module] if node.module else [])])


def forbidden_imports(source: str, *, package: str) -> list[str]:
    """The test and conftest modules a module of `package` imports from."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = _absolute(node, package)
            # `from tests.x import test_y` names a module too.
            modules = [module, *(f"{module}.{alias.name}" for alias in node.names)]
        else:
            continue
        found += [module for module in modules if _is_test_or_conftest(module)]
    return found


@pytest.mark.parametrize(
    ("source", "package"),
    [
        ("from tests.reports.test_team import known", "tests.reports"),
        ("from tests.skills.conftest import framework", "tests.browser"),
        ("import tests.browser.test_learning", "tests.browser"),
        ("from .test_learning import tab_to", "tests.browser"),
        ("from . import conftest", "tests.browser"),
        ("from ..training_site.test_home import assign", "tests.browser"),
        ("from tests.reports import test_team_skills", "tests.browser"),
        ("def f():\n    from tests.browser.conftest import sign_in", "tests.skills"),
    ],
)
def test_the_check_catches_an_import_from_a_test_module_or_a_conftest(source, package):
    assert forbidden_imports(source, package=package)


@pytest.mark.parametrize(
    "source",
    [
        "from tests.reports.builders import TODAY, build_org",
        "from tests.browser.helpers import sign_in",
        "from .checks import assert_accessible",
        "from django.test import Client",
        "from django.test.utils import CaptureQueriesContext",
        "import pytest",
    ],
)
def test_the_check_lets_helper_modules_and_other_packages_pass(source):
    assert forbidden_imports(source, package="tests.browser") == []


def test_no_test_module_imports_from_a_test_module_or_a_conftest():
    offenders = {}
    for path in sorted(TESTS.rglob("*.py")):
        package = ".".join(path.relative_to(TESTS.parent).parent.parts)
        found = forbidden_imports(path.read_text(), package=package)
        if found:
            offenders[str(path.relative_to(TESTS.parent))] = found
    assert offenders == {}, (
        "Move shared fixtures to a conftest.py and shared helpers to a plain module "
        f"(builders.py, factories.py, helpers.py): {offenders}"
    )
