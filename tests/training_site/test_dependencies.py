"""Every library our code imports is declared in pyproject.toml, not merely present
because something else happens to pull it in (issue 13, item 15: openpyxl)."""

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
# Every package of the product: the apps (each has apps.py) and lib. Found, not
# listed, so that a new app is checked from its first commit.
OURS = {path.parent.name for path in ROOT.glob("*/apps.py")} | {"lib"}


def _name(requirement: str) -> str:
    """A requirement's distribution name, normalised (PEP 503)."""
    name = re.match(r"[A-Za-z0-9._-]+", requirement).group(0)
    return re.sub(r"[-_.]+", "-", name).lower()


def _imported_modules() -> dict[str, str]:
    """Top-level third-party modules imported by the product's code: {module: file}."""
    found: dict[str, str] = {}
    for package in OURS:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and not node.level:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    top = name.split(".")[0]
                    if top not in sys.stdlib_module_names and top not in OURS:
                        found.setdefault(top, str(path.relative_to(ROOT)))
    return found


def test_every_imported_library_is_a_declared_dependency():
    declared = {_name(r) for r in PYPROJECT["project"]["dependencies"]}
    providers = importlib.metadata.packages_distributions()
    undeclared = {
        module: where
        for module, where in _imported_modules().items()
        if not {_name(d) for d in providers.get(module, [module])} & declared
    }
    assert undeclared == {}
