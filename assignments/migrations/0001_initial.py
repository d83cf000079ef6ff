"""The models of mandatory training, taken over from the courses app as they are.

State only: the tables were created by courses migrations 0003–0005 and keep
their names (each model's `db_table`), so no row moves. The content types
are relabelled (courses → assignments) so that permissions, Wagtail log
entries and revisions keep pointing at the same rows.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


MOVED_MODELS = [
    "assignment",
    "assignedlearner",
    "assignmentevent",
    "reminder",
    "assignmenttally",
    "assignmenttallybuild",
]


def _relabel(apps, *, old: str, new: str) -> None:
    content_type = apps.get_model("contenttypes", "ContentType")
    # A fresh database has no content types yet (post_migrate creates them
    # under the new label); an upgraded one has them under the old label.
    taken = content_type.objects.filter(
        app_label=new, model__in=MOVED_MODELS
    ).values_list("model", flat=True)
    content_type.objects.filter(app_label=old, model__in=MOVED_MODELS).exclude(
        model__in=list(taken)
    ).update(app_label=new)


def relabel_forwards(apps, schema_editor):
    _relabel(apps, old="courses", new="assignments")


def relabel_backwards(apps, schema_editor):
    _relabel(apps, old="assignments", new="courses")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ('courses', '0007_assignments_move_to_their_app'),
        ('people', '0005_orgunit_search_key'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='AssignmentTallyBuild',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('counted_for', models.DateField()),
                        ('built_at', models.DateTimeField()),
                    ],
                    options={
                        'db_table': 'courses_assignmenttallybuild',
                    },
                ),
                migrations.CreateModel(
                    name='Assignment',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('target', models.CharField(choices=[('employee', 'One person'), ('team', 'Everyone below a manager'), ('org_unit', 'An org unit and its sub-units'), ('role_profile', 'Everyone with a role profile'), ('everyone', 'All staff')], max_length=20, verbose_name='assign to')),
                        ('due_rule', models.CharField(choices=[('fixed', 'On a fixed date'), ('after_assignment', 'N days after being assigned'), ('after_hire', 'N days after the hire date')], default='fixed', max_length=20, verbose_name='due')),
                        ('due_date', models.DateField(blank=True, null=True, verbose_name='due date')),
                        ('due_days', models.PositiveIntegerField(blank=True, null=True, verbose_name='days')),
                        ('newcomer_days', models.PositiveIntegerField(default=30, help_text='For a fixed date: people who join after the date has passed get this many days from the day they are assigned.', verbose_name='days for newcomers')),
                        ('reason', models.CharField(blank=True, help_text='Shown to learners, e.g. “Required by the AODA for all staff”.', max_length=255, verbose_name='why')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='assigned at')),
                        ('is_active', models.BooleanField(default=True, verbose_name='active')),
                        ('course', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='courses.coursepage', verbose_name='course')),
                        ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='assigned by')),
                        ('learning_path', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='courses.learningpathpage', verbose_name='learning path')),
                        ('target_employee', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='people.employee', verbose_name='person or manager')),
                        ('target_role', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='people.roleprofile', verbose_name='role profile')),
                        ('target_unit', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='people.orgunit', verbose_name='org unit')),
                    ],
                    options={
                        'verbose_name': 'assignment',
                        'verbose_name_plural': 'assignments',
                        'db_table': 'courses_assignment',
                        'ordering': ['-created_at'],
                        'permissions': [('assign_anyone', 'Can assign training to anyone')],
                    },
                ),
                migrations.CreateModel(
                    name='AssignedLearner',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('assigned_on', models.DateField()),
                        ('due_on', models.DateField()),
                        ('original_due_on', models.DateField()),
                        ('started_at', models.DateTimeField(blank=True, null=True)),
                        ('completed_at', models.DateTimeField(blank=True, null=True)),
                        ('completed_on', models.DateField(blank=True, null=True)),
                        ('expires_on', models.DateField(blank=True, null=True)),
                        ('cycle', models.PositiveSmallIntegerField(default=1)),
                        ('exempted_at', models.DateTimeField(blank=True, null=True)),
                        ('exempt_reason', models.CharField(blank=True, max_length=255)),
                        ('employee', models.ForeignObject(from_fields=['user'], on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='people.employee', to_fields=['user'])),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='assignments', to=settings.AUTH_USER_MODEL)),
                        ('assignment', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='learners', to='assignments.assignment')),
                    ],
                    options={
                        'db_table': 'courses_assignedlearner',
                    },
                ),
                migrations.CreateModel(
                    name='AssignmentEvent',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('extended', 'Due date extended'), ('exempted', 'Exempted'), ('exemption_lifted', 'Exemption lifted'), ('reopened', 'Due again (recertification)')], max_length=20)),
                        ('at', models.DateTimeField(auto_now_add=True)),
                        ('reason', models.CharField(blank=True, max_length=255)),
                        ('old_due_on', models.DateField(blank=True, null=True)),
                        ('new_due_on', models.DateField(blank=True, null=True)),
                        ('actor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('learner', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='events', to='assignments.assignedlearner')),
                    ],
                    options={
                        'db_table': 'courses_assignmentevent',
                        'ordering': ['at', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='AssignmentTally',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('assigned', models.PositiveIntegerField(default=0)),
                        ('completed', models.PositiveIntegerField(default=0)),
                        ('in_progress', models.PositiveIntegerField(default=0)),
                        ('not_started', models.PositiveIntegerField(default=0)),
                        ('due_soon', models.PositiveIntegerField(default=0)),
                        ('overdue', models.PositiveIntegerField(default=0)),
                        ('on_time', models.PositiveIntegerField(default=0)),
                        ('assignment', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='tallies', to='assignments.assignment')),
                        ('org_unit', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='people.orgunit')),
                    ],
                    options={
                        'db_table': 'courses_assignmenttally',
                    },
                ),
                migrations.CreateModel(
                    name='Reminder',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('due_14', 'Due in 14 days'), ('due_3', 'Due in 3 days'), ('overdue', 'Overdue'), ('digest', "Manager's weekly digest")], max_length=10)),
                        ('due_on', models.DateField(blank=True, null=True)),
                        ('cycle', models.PositiveSmallIntegerField(default=1)),
                        ('week', models.CharField(blank=True, max_length=8)),
                        ('sent_at', models.DateTimeField(auto_now_add=True)),
                        ('learner', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='reminders', to='assignments.assignedlearner')),
                        ('manager', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='people.employee')),
                    ],
                    options={
                        'db_table': 'courses_reminder',
                    },
                ),
                migrations.AddConstraint(
                    model_name='assignment',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('course__isnull', False), ('learning_path__isnull', True)), models.Q(('course__isnull', True), ('learning_path__isnull', False)), _connector='OR'), name='assignment_course_xor_path'),
                ),
                migrations.AddConstraint(
                    model_name='assignment',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('due_date__isnull', False), ('due_rule', 'fixed')), models.Q(models.Q(('due_rule', 'fixed'), _negated=True), ('due_days__isnull', False)), _connector='OR'), name='assignment_due_rule_complete'),
                ),
                migrations.AddIndex(
                    model_name='assignedlearner',
                    index=models.Index(fields=['user', 'assignment', 'due_on', 'completed_on', 'exempted_at', 'started_at'], name='assignedlearner_report'),
                ),
                migrations.AddIndex(
                    model_name='assignedlearner',
                    index=models.Index(fields=['assignment', 'due_on'], name='courses_ass_assignm_a65588_idx'),
                ),
                migrations.AddIndex(
                    model_name='assignedlearner',
                    index=models.Index(fields=['expires_on'], name='courses_ass_expires_8db201_idx'),
                ),
                migrations.AddConstraint(
                    model_name='assignedlearner',
                    constraint=models.UniqueConstraint(fields=('assignment', 'user'), name='one_assigned_learner'),
                ),
                migrations.AddConstraint(
                    model_name='assignmenttally',
                    constraint=models.UniqueConstraint(fields=('assignment', 'org_unit'), name='one_tally_per_unit'),
                ),
                migrations.AddConstraint(
                    model_name='reminder',
                    constraint=models.UniqueConstraint(condition=models.Q(('learner__isnull', False)), fields=('learner', 'kind', 'cycle', 'due_on'), name='one_learner_reminder'),
                ),
                migrations.AddConstraint(
                    model_name='reminder',
                    constraint=models.UniqueConstraint(condition=models.Q(('kind', 'digest')), fields=('manager', 'week'), name='one_digest_per_week'),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(relabel_forwards, relabel_backwards),
    ]
