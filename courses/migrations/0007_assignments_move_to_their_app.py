"""Mandatory training moves to the assignments app: its models leave this app's state.

State only: the tables (courses_assignment and the rest) stay where they are,
with every row, and `assignments.0001_initial` takes them over under their
existing names. No SQL runs.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0006_quiz_review_shows_wrong_questions"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='assignedlearner',
                    name='assignment',
                ),
                migrations.RemoveField(
                    model_name='assignedlearner',
                    name='employee',
                ),
                migrations.RemoveField(
                    model_name='assignedlearner',
                    name='user',
                ),
                migrations.RemoveField(
                    model_name='assignmentevent',
                    name='learner',
                ),
                migrations.RemoveField(
                    model_name='reminder',
                    name='learner',
                ),
                migrations.RemoveField(
                    model_name='assignment',
                    name='course',
                ),
                migrations.RemoveField(
                    model_name='assignment',
                    name='created_by',
                ),
                migrations.RemoveField(
                    model_name='assignment',
                    name='learning_path',
                ),
                migrations.RemoveField(
                    model_name='assignment',
                    name='target_employee',
                ),
                migrations.RemoveField(
                    model_name='assignment',
                    name='target_role',
                ),
                migrations.RemoveField(
                    model_name='assignment',
                    name='target_unit',
                ),
                migrations.RemoveField(
                    model_name='assignmenttally',
                    name='assignment',
                ),
                migrations.RemoveField(
                    model_name='assignmentevent',
                    name='actor',
                ),
                migrations.RemoveField(
                    model_name='assignmenttally',
                    name='org_unit',
                ),
                migrations.DeleteModel(
                    name='AssignmentTallyBuild',
                ),
                migrations.RemoveField(
                    model_name='reminder',
                    name='manager',
                ),
                migrations.DeleteModel(
                    name='AssignedLearner',
                ),
                migrations.DeleteModel(
                    name='Assignment',
                ),
                migrations.DeleteModel(
                    name='AssignmentEvent',
                ),
                migrations.DeleteModel(
                    name='AssignmentTally',
                ),
                migrations.DeleteModel(
                    name='Reminder',
                ),
            ],
            database_operations=[],
        ),
    ]
