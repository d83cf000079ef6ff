"""The import graph reads top to bottom (docs/architecture.md, "Apps and their direction").

Every import is counted, function-local ones included: an import moved into a function
hides a cycle from Python, not from the design. Migrations are history and are left out.
"""

import ast
import re
from pathlib import Path

from tests.import_graph import cycles, module_imports

ROOT = Path(__file__).resolve().parents[1]

# Top to bottom. An app imports only apps on lower rows; apps on one row never import
# each other. Keep in step with docs/architecture.md.
LAYERS: list[set[str]] = [
    {"demo"},
    {"training_site"},
    {"reports"},
    {"change"},
    {"certificates", "skills", "assignments"},
    {"courses"},
    {"people"},
    {"lib"},
]
RANK = {app: rank for rank, row in enumerate(LAYERS) for app in row}
APPS = set(RANK)


def _ours(module: str) -> str | None:
    app = module.split(".")[0]
    return app if app in APPS else None


def _graph(root: Path) -> dict[str, set[str]]:
    """{module of ours: the modules of ours it imports}, every app together."""
    graph = {}
    for app in sorted(APPS):
        if (root / app).is_dir():
            for module, targets in module_imports(app, root).items():
                graph[module] = {t for t in targets if _ours(t)}
    return graph


def _upward(root: Path) -> list[str]:
    """Imports that point up the picture, or sideways along one row."""
    return [
        f"{module} -> {target}"
        for module, targets in sorted(_graph(root).items())
        for target in sorted(targets)
        if _ours(target) != _ours(module) and RANK[_ours(target)] <= RANK[_ours(module)]
    ]


def _upward_strings(root: Path) -> list[str]:
    """Dotted strings naming a higher app ("skills.selectors.x", "reports:team")."""
    wrong = []
    for path in sorted(root.glob("*/**/*.py")):
        relative = path.relative_to(root)
        app = relative.parts[0]
        if app not in APPS or "migrations" in relative.parts:
            continue
        higher = [other for other in APPS if RANK[other] < RANK[app]]
        if not higher:
            continue
        pattern = re.compile(rf"^({'|'.join(sorted(higher))})[.:][A-Za-z_]")
        for node in ast.walk(ast.parse(path.read_text())):
            is_text = isinstance(node, ast.Constant) and isinstance(node.value, str)
            if is_text and pattern.match(node.value):
                wrong.append(f"{relative}:{node.lineno} {app} names {node.value!r}")
    return wrong


def _write(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text)
    return root


def test_the_checks_catch_a_hidden_cycle_and_an_upward_import(tmp_path):
    root = _write(
        tmp_path,
        {
            "people/__init__.py": "",
            "people/selectors.py": "def scope():\n    from . import permissions\n",
            "people/permissions.py": "from people.selectors import scope\n",
            "courses/__init__.py": "",
            "courses/services.py": "def go():\n    from skills import services\n",
            "courses/hooks.py": 'PROVIDER = "skills.services.go"\n',
            "skills/__init__.py": "",
            "skills/services.py": "from courses.services import go\n",
        },
    )
    assert cycles(_graph(root)) == [
        ["courses.services", "skills.services"],
        ["people.permissions", "people.selectors"],
    ]
    assert _upward(root) == ["courses.services -> skills.services"]
    assert _upward_strings(root) == [
        "courses/hooks.py:1 courses names 'skills.services.go'"
    ]


def test_every_app_of_ours_has_a_place_in_the_picture():
    ours = {
        path.parent.name
        for path in ROOT.glob("*/apps.py")
        if (path.parent / "__init__.py").exists()
    } | {"lib"}
    assert ours - APPS == set()


def test_imports_point_down_the_picture():
    assert _upward(ROOT) == []


def test_no_app_names_a_higher_app_in_a_string():
    assert _upward_strings(ROOT) == []


def test_no_import_cycles_inside_or_between_apps():
    assert cycles(_graph(ROOT)) == []
