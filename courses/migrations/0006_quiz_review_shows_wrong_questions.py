# After a failed attempt the old default (after_each) showed every correct
# answer, which the next attempt could copy. The new default shows which
# questions were wrong and the answers once passed or out of attempts.

from django.db import migrations, models

OLD, NEW = "after_each", "wrong_until_done"


def _switch(apps, old: str, new: str) -> None:
    ModulePage = apps.get_model("courses", "ModulePage")
    QuizAttempt = apps.get_model("courses", "QuizAttempt")
    Revision = apps.get_model("wagtailcore", "Revision")
    # after_each was the default nobody had to choose, so quizzes on it move to
    # the new default; once_passed and never were chosen and stay. The page's
    # latest and live revisions move too, or the editor (which opens the latest
    # revision) would put the old value back on the next publish.
    pages = ModulePage.objects.filter(reveal_answers=old)
    revision_ids = {
        pk
        for pair in pages.values_list("latest_revision_id", "live_revision_id")
        for pk in pair
        if pk
    }
    for revision in Revision.objects.filter(pk__in=revision_ids):
        if revision.content.get("reveal_answers") == old:
            revision.content["reveal_answers"] = new
            revision.save(update_fields=["content"])
    pages.update(reveal_answers=new)
    # Attempts keep the policy they started under; a failed one with attempts
    # left would otherwise still show the answers to copy.
    QuizAttempt.objects.filter(reveal_answers=old).update(reveal_answers=new)


def show_wrong_questions_until_done(apps, schema_editor):
    _switch(apps, OLD, NEW)


def show_answers_after_each(apps, schema_editor):
    _switch(apps, NEW, OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0005_assignment_statuses_and_newcomer_window"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterField(
            model_name="modulepage",
            name="reveal_answers",
            field=models.CharField(
                choices=[
                    (
                        "wrong_until_done",
                        "Which questions were wrong; the answers once passed or out of attempts",
                    ),
                    ("after_each", "The answers after each attempt"),
                    ("once_passed", "The answers only once passed"),
                    ("never", "Never"),
                ],
                default="wrong_until_done",
                max_length=20,
                verbose_name="show correct answers",
            ),
        ),
        migrations.RunPython(show_wrong_questions_until_done, show_answers_after_each),
    ]
