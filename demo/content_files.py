"""Read the demo's data files in demo/content/ (shipped with the package as data).

Each course is a folder: `course.toml` holds the page's fields and the numbered
`NN-<slug>.toml` files beside it its modules, in order; a `NN-<slug>.quiz.toml`
is that module's knowledge check. Module bodies are StreamField blocks (`type`
and `value`) whose rich text stays HTML, as Wagtail stores it.
"""

import tomllib
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

CONTENT = files("demo") / "content"
QUIZ_SUFFIX = ".quiz.toml"


def _read(entry: Traversable) -> dict[str, Any]:
    return tomllib.loads(entry.read_text(encoding="utf-8"))


def _sorted(folder: Traversable) -> list[Traversable]:
    return sorted(folder.iterdir(), key=lambda entry: entry.name)


def content_read(name: str) -> dict[str, Any]:
    """One TOML file of demo/content/, by its path inside that folder."""
    entry = CONTENT
    for part in name.split("/"):
        entry = entry / part
    return _read(entry)


@cache
def courses() -> list[dict[str, Any]]:
    """Every demo course with its modules (bodies as (type, value) pairs), in order."""
    found = []
    for folder in _sorted(CONTENT / "courses"):
        course = _read(folder / "course.toml")
        course.setdefault("validity_months", None)  # TOML has no null: never expires
        course["modules"] = [
            {
                **(module := _read(entry)),
                "body": [(block["type"], block["value"]) for block in module["body"]],
            }
            for entry in _sorted(folder)
            if entry.name[:2].isdigit() and not entry.name.endswith(QUIZ_SUFFIX)
        ]
        found.append(course)
    return found


@cache
def quizzes() -> dict[str, dict[str, Any]]:
    """The knowledge checks, keyed by the slug of the module that holds them."""
    found = {}
    for folder in _sorted(CONTENT / "courses"):
        modules = {entry.name: entry for entry in _sorted(folder)}
        for name, entry in modules.items():
            if name.endswith(QUIZ_SUFFIX):
                module = _read(modules[name.removesuffix(QUIZ_SUFFIX) + ".toml"])
                quiz = _read(entry)
                quiz.setdefault("attempts_allowed", None)  # TOML has no null: unlimited
                found[module["slug"]] = quiz
    return found


@cache
def learning_paths() -> list[dict[str, Any]]:
    """The demo's learning paths, each with its course slugs in order."""
    return content_read("learning_paths.toml")["paths"]
