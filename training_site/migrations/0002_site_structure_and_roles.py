"""Create the home page, the course catalogue, the Training collection and the
Trainers and L&D admins groups with exactly their permissions.

The work is done by `training_site.site_setup.site_sync`, which also runs after
every `migrate` and test flush so the structure can never drift or go missing.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    from training_site.site_setup import site_sync

    site_sync(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("training_site", "0001_initial"),
        ("courses", "0001_initial"),
        ("people", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
