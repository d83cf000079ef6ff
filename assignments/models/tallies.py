"""The per-unit report figures of each assignment, and the day they were counted for."""

from django.db import models

from .assignments import Assignment


class AssignmentTally(models.Model):
    """The report figures of one assignment in one org unit, kept current.

    The organisation-wide report sums these (one row per assignment and unit
    with learners in it) instead of counting every learner row. The services
    that write learner rows recount the groups they touch; see
    `assignments.tallies` for how the figures stay right.
    """

    assignment = models.ForeignKey(
        Assignment, on_delete=models.CASCADE, related_name="tallies"
    )
    org_unit = models.ForeignKey(
        "people.OrgUnit", on_delete=models.CASCADE, related_name="+"
    )
    assigned = models.PositiveIntegerField(default=0)
    completed = models.PositiveIntegerField(default=0)
    in_progress = models.PositiveIntegerField(default=0)
    not_started = models.PositiveIntegerField(default=0)
    due_soon = models.PositiveIntegerField(default=0)
    overdue = models.PositiveIntegerField(default=0)
    on_time = models.PositiveIntegerField(default=0)

    class Meta:
        # Created by the courses app; kept so no data moved (migration 0001).
        db_table = "courses_assignmenttally"
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "org_unit"], name="one_tally_per_unit"
            ),
        ]

    def __str__(self) -> str:
        return f"Assignment {self.assignment_id} in unit {self.org_unit_id}"


class AssignmentTallyBuild(models.Model):
    """The single row saying which day the tallies were last counted for in full.

    Every status but completed depends on the date, so tallies counted for
    an earlier day are rebuilt before anyone reads them. Every tally write locks
    this row first, so a rebuild and a recount never interleave.
    """

    counted_for = models.DateField()
    built_at = models.DateTimeField()

    class Meta:
        # Created by the courses app; kept so no data moved (migration 0001).
        db_table = "courses_assignmenttallybuild"

    def __str__(self) -> str:
        return f"Tallies counted for {self.counted_for.isoformat()}"
