"""ExportJob now belongs to the reports app: forget it here, in state only.

The table stays as it is (reports.0001 takes it over under its existing name).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("training_site", "0003_exportjob")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ExportJob")],
            database_operations=[],
        )
    ]
