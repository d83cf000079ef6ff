"""ExportJob moves here from training_site: its table, rows and permissions stay.

The model is created in state only, on the table training_site made
(`training_site_exportjob`), and its content type is relabelled so that
permissions and admin log entries keep pointing at it. No row changes otherwise.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def _relabel(apps, *, old: str, new: str) -> None:
    content_types = apps.get_model("contenttypes", "ContentType").objects
    # A fresh database has no content type yet: post_migrate creates it later.
    if not content_types.filter(app_label=new, model="exportjob").exists():
        content_types.filter(app_label=old, model="exportjob").update(app_label=new)


def forwards(apps, schema_editor):
    _relabel(apps, old="training_site", new="reports")


def backwards(apps, schema_editor):
    _relabel(apps, old="reports", new="training_site")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("training_site", "0004_exportjob_moves_to_reports"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ExportJob",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("kind", models.CharField(max_length=50, verbose_name="kind")),
                        (
                            "params",
                            models.JSONField(
                                blank=True, default=dict, verbose_name="parameters"
                            ),
                        ),
                        (
                            "filename",
                            models.CharField(max_length=200, verbose_name="file name"),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("queued", "Queued"),
                                    ("running", "Running"),
                                    ("done", "Ready"),
                                    ("failed", "Failed"),
                                ],
                                default="queued",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "file",
                            models.FileField(
                                blank=True, upload_to="exports/", verbose_name="file"
                            ),
                        ),
                        (
                            "row_count",
                            models.PositiveIntegerField(default=0, verbose_name="rows"),
                        ),
                        ("error", models.TextField(blank=True, verbose_name="error")),
                        (
                            "created_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now,
                                verbose_name="requested at",
                            ),
                        ),
                        (
                            "finished_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="finished at"
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="export_jobs",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="requested by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "export",
                        "verbose_name_plural": "exports",
                        "ordering": ["-created_at"],
                        "db_table": "training_site_exportjob",
                    },
                )
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
