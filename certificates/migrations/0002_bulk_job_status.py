"""Bulk certificate jobs share lib.jobs.BackgroundJob: `state` is `status` in Python.

State only: the column keeps its name (`db_column="state"`), no row changes.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("certificates", "0001_initial")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RenameField("bulkcertificatejob", "state", "status"),
                migrations.AlterField(
                    model_name="bulkcertificatejob",
                    name="status",
                    field=models.CharField(
                        choices=[
                            ("pending", "Waiting to start"),
                            ("running", "Running"),
                            ("done", "Finished"),
                            ("failed", "Failed"),
                        ],
                        db_column="state",
                        default="pending",
                        max_length=10,
                        verbose_name="state",
                    ),
                ),
            ],
            database_operations=[],
        )
    ]
