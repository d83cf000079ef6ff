"""The migrated template every test database is copied from (tests/template_db.py)."""

from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from wagtail.models import Page, Site

from people import roles
from tests import template_db


def test_the_copied_database_has_every_migration_applied(db):
    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []


def test_the_copied_database_has_what_data_migrations_and_set_up_made(db):
    # Wagtail's tree and site come from its data migrations; the groups from
    # ours and from the post_migrate set-up.
    assert Page.objects.filter(depth=1).exists()
    assert Site.objects.filter(is_default_site=True).exists()
    assert {roles.TRAINERS, roles.LD_ADMINS} <= set(
        Group.objects.values_list("name", flat=True)
    )


def test_the_key_follows_project_code_a_migration_imports(tmp_path):
    migration = tmp_path / "0009_fill.py"
    migration.write_text(
        "from people.search import employee_search_key\n"
        "import courses.models\n"
        "from django.db import migrations\n"
    )
    found = template_db._project_modules_imported_by([migration])
    assert found == {
        template_db.ROOT / "people" / "search.py",
        template_db.ROOT / "courses" / "models" / "__init__.py",
    }


def test_the_key_changes_with_any_migration_file(monkeypatch, tmp_path):
    settings = {"ENGINE": "django.db.backends.sqlite3"}
    before = template_db.template_key(settings)
    migration = tmp_path / "0001_initial.py"
    migration.write_text("# one\n")
    files = [*template_db._migration_files(), migration]
    monkeypatch.setattr(template_db, "_migration_files", lambda: files)
    first = template_db.template_key(settings)
    migration.write_text("# two\n")
    assert len({before, first, template_db.template_key(settings)}) == 3
    assert template_db.template_key(
        {**settings, "PORT": "5433"}
    ) != template_db.template_key(settings)
