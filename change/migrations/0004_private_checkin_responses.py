"""Answers that cannot be lined up with invitations (docs/change.md, "Privacy").

CheckInResponse had a sequential id and created/updated times, and the
invitation the time of the first answer: the same second, in the same order.
The answers move to a new table with a random (UUID) key and no times, copied
in shuffled order so that not even the rows' physical order follows the order
people answered in; the old table is dropped. Nothing has a foreign key to it.
The invitation keeps only whether the person answered.

Copying into a new table, rather than swapping the primary key of the old one
in place, is the same on SQLite and PostgreSQL and leaves no trace of the old
order. Reversible (the times come back as the migration's own time).
"""

import random
import uuid

import django.db.models.deletion
from django.db import migrations, models
from django.utils import timezone

BATCH = 2000
SCORES = ("understand", "commit", "learn", "apply", "sustain")
COPIED = (
    "round_id",
    "respondent_key",
    "unit_id",
    "role_profile_id",
    *SCORES,
    "barrier_stage",
    "comment",
)


def _copy(source, target, *, new_ids: bool) -> None:
    rows = list(source.objects.values(*COPIED))
    random.SystemRandom().shuffle(rows)
    for start in range(0, len(rows), BATCH):
        target.objects.bulk_create(
            target(**({"id": uuid.uuid4()} if new_ids else {}), **row)
            for row in rows[start : start + BATCH]
        )


def answers_forwards(apps, schema_editor):
    _copy(
        apps.get_model("change", "CheckInResponse"),
        apps.get_model("change", "PrivateCheckInResponse"),
        new_ids=True,
    )


def answers_backwards(apps, schema_editor):
    _copy(
        apps.get_model("change", "PrivateCheckInResponse"),
        apps.get_model("change", "CheckInResponse"),
        new_ids=False,
    )


def responded_forwards(apps, schema_editor):
    invitation = apps.get_model("change", "CheckInInvitation")
    invitation.objects.filter(responded_at__isnull=False).update(responded=True)


def responded_backwards(apps, schema_editor):
    invitation = apps.get_model("change", "CheckInInvitation")
    invitation.objects.filter(responded=True).update(responded_at=timezone.now())


def _score(name, *, optional):
    return models.PositiveSmallIntegerField(
        blank=optional, null=optional, verbose_name=name
    )


def _in_range(field):
    return models.CheckConstraint(
        condition=models.Q(
            models.Q((f"{field}__gte", 1), (f"{field}__lte", 5)),
            (f"{field}__isnull", True),
            _connector="OR",
        ),
        name=f"response_{field}_1_to_5",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("change", "0003_usage_days_and_tokens"),
        ("people", "0001_initial"),
    ]

    operations = [
        # The invitation: whether, never when.
        migrations.AddField(
            model_name="checkininvitation",
            name="responded",
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(responded_forwards, responded_backwards),
        migrations.RemoveField(model_name="checkininvitation", name="responded_at"),
        # The answers: a new table, filled in shuffled order, under the old name.
        migrations.CreateModel(
            name="PrivateCheckInResponse",
            fields=[
                (
                    "id",
                    models.UUIDField(
                        default=uuid.uuid4,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                ("respondent_key", models.CharField(max_length=64)),
                ("understand", _score("understand", optional=False)),
                ("commit", _score("commit", optional=False)),
                ("learn", _score("learn", optional=False)),
                ("apply", _score("apply", optional=True)),
                ("sustain", _score("sustain", optional=True)),
                (
                    "barrier_stage",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        choices=[
                            (1, "Understand"),
                            (2, "Commit"),
                            (3, "Learn"),
                            (4, "Apply"),
                            (5, "Sustain"),
                        ],
                        null=True,
                    ),
                ),
                ("comment", models.TextField(blank=True, verbose_name="comment")),
                (
                    "role_profile",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="people.roleprofile",
                    ),
                ),
                (
                    "round",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="change.checkinround",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="people.orgunit",
                    ),
                ),
            ],
        ),
        migrations.RunPython(answers_forwards, answers_backwards),
        migrations.DeleteModel(name="CheckInResponse"),
        migrations.RenameModel(
            old_name="PrivateCheckInResponse", new_name="CheckInResponse"
        ),
        migrations.AlterField(
            model_name="checkinresponse",
            name="round",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="responses",
                to="change.checkinround",
            ),
        ),
        # The old table's index and constraints, under their old names.
        migrations.AddIndex(
            model_name="checkinresponse",
            index=models.Index(
                fields=["round", "unit"], name="change_chec_round_i_8019a7_idx"
            ),
        ),
        migrations.AddConstraint(
            model_name="checkinresponse",
            constraint=models.UniqueConstraint(
                fields=("round", "respondent_key"), name="one_response_per_round"
            ),
        ),
        *(
            migrations.AddConstraint(
                model_name="checkinresponse", constraint=_in_range(field)
            )
            for field in (*SCORES, "barrier_stage")
        ),
    ]
