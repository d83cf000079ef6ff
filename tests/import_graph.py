"""The import graph of one of our packages, read from its source.

Every import counts, function-local ones included: an import moved into a
function to dodge a cycle is still a cycle.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_module(name: str, root: Path) -> bool:
    path = root.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def _targets(node: ast.AST, *, module: str, is_package: bool, root: Path) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    if node.level:
        base = module.split(".") if is_package else module.split(".")[:-1]
        base = base[: len(base) - (node.level - 1)]
        source = ".".join([*base, node.module] if node.module else base)
    else:
        source = node.module or ""
    # `from . import views` imports the module `views`, not the package.
    submodules = [f"{source}.{alias.name}" for alias in node.names]
    return [name for name in submodules if _is_module(name, root)] or [source]


def module_imports(package: str, root: Path = ROOT) -> dict[str, set[str]]:
    """{module: every module it imports, ours or not}, migrations left out."""
    graph: dict[str, set[str]] = {}
    for path in sorted((root / package).rglob("*.py")):
        if "migrations" in path.relative_to(root).parts:
            continue
        module = _module_name(path, root)
        tree = ast.parse(path.read_text())
        is_package = path.name == "__init__.py"
        graph[module] = {
            target
            for node in ast.walk(tree)
            for target in _targets(
                node, module=module, is_package=is_package, root=root
            )
            if target != module
        }
    return graph


def package_imports(package: str) -> dict[str, set[str]]:
    """{module: the modules of `package` it imports}, migrations left out."""
    return {
        module: {t for t in targets if t == package or t.startswith(f"{package}.")}
        for module, targets in module_imports(package).items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, in a circle (Tarjan's SCCs)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)
