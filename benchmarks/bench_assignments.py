"""Assigning a course to a 10,000-person division (mandatory training expansion)."""

import time
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assignments.models import AssignedLearner, Assignment
from assignments.services import (
    assignment_create,
    assignment_expand,
    assignment_reschedule,
)
from benchmarks.harness import Figure, paired_ms
from courses.models import CourseIndexPage, CoursePage, Enrolment
from people.models import Employee, OrgUnit

PEOPLE = 10_000
UNIT = "BENCH-ASSIGN"


def _build() -> tuple[OrgUnit, CoursePage]:
    """A division of 10,000 people in 100 teams, and one published course."""
    division = OrgUnit.objects.filter(code=UNIT).first()
    if division is None:
        user_model = get_user_model()
        with transaction.atomic():
            division = OrgUnit.add_root(code=UNIT, name="Assignment benchmark")
            teams = [
                OrgUnit.objects.get(pk=division.pk).add_child(
                    code=f"{UNIT}-{t:03d}", name=f"Team {t:03d}"
                )
                for t in range(100)
            ]
            users = user_model.objects.bulk_create(
                (
                    user_model(username=f"bas-{i:05d}", password="!")  # noqa: S106
                    for i in range(PEOPLE)
                ),
                batch_size=2000,
            )
            Employee.objects.bulk_create(
                (
                    Employee(
                        user=user,
                        employee_number=f"BAS-{i:05d}",
                        first_name="Bench",
                        last_name=f"Person {i:05d}",
                        org_unit=teams[i % len(teams)],
                    )
                    for i, user in enumerate(users)
                ),
                batch_size=2000,
            )
    catalogue = CourseIndexPage.objects.get()
    course = CoursePage.objects.filter(slug="bench-assign").first()
    if course is None:
        course = catalogue.add_child(
            instance=CoursePage(
                title="Bench assignment", slug="bench-assign", summary="."
            )
        )
    return OrgUnit.objects.get(pk=division.pk), course


def _reset(course: CoursePage) -> None:
    Assignment.objects.filter(course=course).delete()
    Enrolment.objects.filter(course=course).delete()


def run() -> list[Figure]:
    division, course = _build()
    _reset(course)
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        expansion = assignment_create(
            actor=None,
            course=course,
            target=Assignment.Target.ORG_UNIT,
            target_unit=division,
            due_date=timezone.localdate(),
        )
    first_ms = (time.perf_counter() - started) * 1000
    assigned = AssignedLearner.objects.filter(assignment=expansion.assignment).count()
    assert assigned == PEOPLE, assigned
    # Again, as after a roster import: nobody new, so it must be cheap.
    started = time.perf_counter()
    assignment_expand(assignment=expansion.assignment)
    again_ms = (time.perf_counter() - started) * 1000
    # A go-live moved: everyone's date moves, against a bare UPDATE of theirs.
    assignment = expansion.assignment
    day = iter(range(1, 10_000))

    def reschedule():
        assignment_reschedule(
            assignment=assignment,
            due_date=timezone.localdate() + timedelta(days=next(day)),
        )

    def bare_update():
        AssignedLearner.objects.filter(assignment=assignment).update(
            due_on=timezone.localdate() + timedelta(days=next(day))
        )

    reschedule_ms, update_ms = paired_ms(reschedule, bare_update, repeat=5)
    _reset(course)
    return [
        Figure(
            f"assign a course to {PEOPLE:,} people (enrol all)",
            first_ms / 1000,
            "s",
            goal="under 10 s",
        ),
        Figure("queries for that assignment", len(queries), "queries"),
        Figure("expand again, nobody new (after a roster import)", again_ms, "ms"),
        Figure(
            f"move the due date of {PEOPLE:,} people",
            reschedule_ms,
            "ms",
            "a bare UPDATE of their dates",
            update_ms,
            goal="under 3x the bare UPDATE",
        ),
    ]
