"""Report tallies count again when the date changes, before anyone reads them."""

from datetime import timedelta
from unittest import mock

from django.urls import reverse
from django.utils import timezone

from assignments.models import (
    AssignedLearner,
    AssignmentTally,
    AssignmentTallyBuild,
)
from assignments.selectors import TRAINING_FIGURES
from assignments.tallies import (
    tallies_are_current,
    tallies_ensure_current,
    tallies_rebuild,
    tallies_recount,
)
from reports.admin.selectors import training_by_division
from tests.assignments.counts import live, tallied
from tests.assignments.tallies.helpers import (
    start,
)

# --- the date ------------------------------------------------------------------------


def test_the_next_day_counts_again_before_anyone_reads(world, committed):
    start(world["people"][0].user, world["yearly"])
    learner = AssignedLearner.objects.get(
        user=world["people"][0].user, assignment=world["everyone"]
    )
    AssignedLearner.objects.filter(pk=learner.pk).update(
        due_on=timezone.localdate()  # due today: due soon, not yet overdue
    )
    tallies_rebuild()
    key = (world["everyone"].pk, world["team_a"].pk)
    figures = dict(zip(TRAINING_FIGURES, tallied()[key], strict=True))
    # Started, but due today: "due soon" like the unit's two others (due in
    # 10 days), never also "in progress" (one status per person), not overdue.
    assert (figures["due_soon"], figures["in_progress"], figures["overdue"]) == (
        3,
        0,
        0,
    )

    tomorrow = timezone.localdate() + timedelta(days=1)
    with mock.patch("django.utils.timezone.localdate", return_value=tomorrow):
        assert not tallies_are_current()
        # A change on a day not yet counted leaves the tallies to the next reader.
        with committed():
            tallies_recount(assignment_ids=[world["everyone"].pk])
        assert AssignmentTallyBuild.objects.get().counted_for < tomorrow
        tallies_ensure_current()
        assert AssignmentTallyBuild.objects.get().counted_for == tomorrow
        figures = dict(zip(TRAINING_FIGURES, tallied()[key], strict=True))
        assert (figures["due_soon"], figures["in_progress"], figures["overdue"]) == (
            2,
            0,
            1,
        )
        assert tallied() == live()


def test_a_first_read_builds_the_tallies(world, admin):
    AssignmentTally.objects.all().delete()
    AssignmentTallyBuild.objects.all().delete()
    assert not tallies_are_current()
    assert admin.get(reverse("org_training_by_division")).status_code == 200
    rows = training_by_division()
    assert {row.label for row in rows} == {"Public Works", "Parks"}
    assert tallied() == live()


def test_the_daily_job_counts_the_tallies_for_the_day(world, capsys):
    from django.core.management import call_command

    AssignmentTallyBuild.objects.update(counted_for=timezone.localdate() - timedelta(1))
    call_command("send_reminders")
    assert "Report tallies counted again: 4 rows." in capsys.readouterr().out
    assert tallies_are_current()
