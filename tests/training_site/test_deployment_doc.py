"""docs/deployment.md's recipe: what scripts/prod-smoke.sh runs, with production settings.

The smoke test (make prod-smoke, in CI) runs the blocks marked
`<!-- prod-smoke -->`; these checks keep the recipe whole without running it.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "deployment.md").read_text()


def recipe_lines() -> list[str]:
    blocks = re.findall(r"^<!-- prod-smoke -->\n```\w*\n(.*?)^```$", DOC, re.M | re.S)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


def test_the_recipe_has_every_step_of_a_production_install():
    recipe = "\n".join(recipe_lines())
    for step in [
        "python3 -m venv .venv",
        "npm ci",
        "manage.py migrate",
        "manage.py collectstatic",
        "gunicorn training_site.wsgi",
        "manage.py db_worker",
        "manage.py close_expired_attempts",
        "manage.py publish_scheduled",
        "manage.py issue_missing_certificates",
        "manage.py send_reminders",
        "manage.py prune_db_task_results",
        "manage.py clearsessions",
    ]:
        assert step in recipe, f"docs/deployment.md's recipe lacks {step!r}"


def test_every_command_of_the_recipe_runs_with_the_production_settings():
    # manage.py alone loads the development settings (no manifest, DEBUG on).
    for line in recipe_lines():
        if "manage.py" in line or "gunicorn" in line:
            assert "scripts/prod-env.sh .venv/bin/" in line, line


def test_the_smoke_test_runs_the_marked_blocks():
    script = (ROOT / "scripts" / "prod-smoke.sh").read_text()
    assert "<!-- prod-smoke -->" in script
    assert "docs/deployment.md" in script


def test_every_variable_the_production_settings_read_is_in_the_table():
    settings_dir = ROOT / "training_site" / "settings"
    source = "".join(
        (settings_dir / name).read_text()
        for name in ("base.py", "production.py", "media.py")
    )
    read = set(re.findall(r'env_\w+\(\s*"([A-Z0-9_]+)"', source))
    assert len(read) > 20
    undocumented = sorted(name for name in read if f"`{name}`" not in DOC)
    assert not undocumented, f"not in docs/deployment.md: {undocumented}"


def test_ci_runs_the_multi_server_test_the_docs_show():
    # docs/deployment.md, "Several app servers": the command shown is one CI runs.
    assert "```sh\nmake multi-server\n```" in DOC
    assert "timed make multi-server" in (ROOT / ".ci" / "run").read_text()
    makefile = (ROOT / "Makefile").read_text()
    assert "multi-server: install-dev\n\tscripts/multi-server.sh" in makefile
