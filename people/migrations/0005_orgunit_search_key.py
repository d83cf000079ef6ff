"""Org units get a search key (name without accents), filled for every unit there."""

from django.db import migrations, models

from people.search import search_text

BATCH_SIZE = 1000


def fill_search_keys(apps, schema_editor):
    """Write every existing unit's key, a thousand rows per statement."""
    # As 0004 does for employees: the historical model has no save() hook.
    unit = apps.get_model("people", "OrgUnit")
    sql = "UPDATE people_orgunit SET search_key = %s WHERE id = %s"
    rows = unit.objects.order_by("pk").values_list("pk", "name")
    last = 0
    with schema_editor.connection.cursor() as cursor:
        while batch := list(rows.filter(pk__gt=last)[:BATCH_SIZE]):
            cursor.executemany(sql, [(search_text(name), pk) for pk, name in batch])
            last = batch[-1][0]


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0004_employee_search_key"),
    ]

    operations = [
        migrations.AddField(
            model_name="orgunit",
            name="search_key",
            field=models.TextField(
                blank=True, default="", editable=False, verbose_name="search key"
            ),
        ),
        migrations.RunPython(
            fill_search_keys, migrations.RunPython.noop, elidable=True
        ),
    ]
