"""Employees get a search key (names without accents), filled for everyone there."""

from django.db import migrations, models

from people.search import employee_search_key

BATCH_SIZE = 1000


def fill_search_keys(apps, schema_editor):
    """Write every existing employee's key, a thousand rows per statement."""
    # The historical model has no save() or bulk hooks, and bulk_update would
    # build a CASE per row: one parametrised UPDATE run for many rows is
    # cheaper on both databases.
    employee = apps.get_model("people", "Employee")
    connection = schema_editor.connection
    sql = "UPDATE people_employee SET search_key = %s WHERE id = %s"
    rows = employee.objects.order_by("pk").values_list(
        "pk", "first_name", "last_name", "preferred_name", "employee_number"
    )
    last = 0
    with connection.cursor() as cursor:
        # Batches by id, not one open cursor: SQLite does not isolate a read
        # from writes to the same table on the same connection.
        while batch := list(rows.filter(pk__gt=last)[:BATCH_SIZE]):
            cursor.executemany(
                sql,
                [
                    (
                        employee_search_key(
                            first_name=first,
                            last_name=last_name,
                            preferred_name=preferred,
                            employee_number=number,
                        ),
                        pk,
                    )
                    for pk, first, last_name, preferred, number in batch
                ],
            )
            last = batch[-1][0]


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0003_employee_user_unit_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="employee",
            name="search_key",
            field=models.TextField(
                blank=True, default="", editable=False, verbose_name="search key"
            ),
        ),
        migrations.RunPython(
            fill_search_keys, migrations.RunPython.noop, elidable=True
        ),
    ]
