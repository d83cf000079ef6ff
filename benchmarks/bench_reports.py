"""Org-wide reports on a 40,000-person org with a million progress rows: by division, CSV."""

import random
import time
import tracemalloc
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Count
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from assignments.models import AssignedLearner, Assignment
from assignments.tallies import tallies_rebuild, tallies_recount
from benchmarks.harness import Figure, median_ms
from courses.models import CourseIndexPage, CoursePage, Enrolment
from demo.people import people_demo_seed
from people import roles
from people.models import Employee, OrgUnit
from reports.admin.selectors import training_by_division, training_by_division_live

PEOPLE = 40_000
ALL_STAFF = 13  # courses assigned to everyone: 13 × 40,000 × 2 rows ≈ 1.04 M
PER_DIVISION = 12  # further assignments, each to one division
BATCH = 5_000
SLUG = "bench-report-{}"


def _courses() -> list[CoursePage]:
    catalogue = CourseIndexPage.objects.get()
    courses = []
    for i in range(ALL_STAFF):
        course = CoursePage.objects.filter(slug=SLUG.format(i)).first()
        if course is None:
            course = catalogue.add_child(
                instance=CoursePage(
                    title=f"Report benchmark {i:02d}", slug=SLUG.format(i), summary="."
                )
            )
        courses.append(course)
    return courses


def _learner_rows(assignment, user_ids, rng, today, now):
    """AssignedLearner and Enrolment rows in every state, in a fixed mix."""
    for user_id in user_ids:
        due = today + timedelta(days=rng.randint(-60, 60))
        roll = rng.random()
        started = completed = exempted = None
        if roll < 0.45:  # completed, mostly on time
            started = now - timedelta(days=90)
            completed = now - timedelta(days=rng.randint(0, 80))
        elif roll < 0.65:
            started = now - timedelta(days=rng.randint(1, 30))
        elif roll < 0.67:
            exempted = now
        yield (
            AssignedLearner(
                assignment=assignment,
                user_id=user_id,
                assigned_on=today - timedelta(days=90),
                due_on=due,
                original_due_on=due,
                started_at=started,
                completed_at=completed,
                completed_on=timezone.localdate(completed) if completed else None,
                exempted_at=exempted,
            ),
            Enrolment(
                user_id=user_id,
                course_id=assignment.course_id,
                source=Enrolment.Source.ASSIGNED,
                started_at=started,
                completed_at=completed,
            ),
        )


def _bulk(rows) -> None:
    learners, enrolments = [], []
    for learner, enrolment in rows:
        learners.append(learner)
        if enrolment is not None:
            enrolments.append(enrolment)
        if len(learners) >= BATCH:
            AssignedLearner.objects.bulk_create(learners)
            Enrolment.objects.bulk_create(enrolments)
            learners, enrolments = [], []
    AssignedLearner.objects.bulk_create(learners)
    Enrolment.objects.bulk_create(enrolments)


def _build() -> tuple[object, CoursePage, float]:
    """The demo org at 40,000 people, 25 assignments and about 1 M progress rows."""
    started = time.perf_counter()
    user_model = get_user_model()
    admin = user_model.objects.filter(username="bench-ld-admin").first()
    if admin is None:
        admin = user_model.objects.create(username="bench-ld-admin", password="!")  # noqa: S106
        admin.groups.add(Group.objects.get(name=roles.LD_ADMINS))
    courses = _courses()
    if Assignment.objects.filter(course__in=courses).exists():
        return admin, courses[0], time.perf_counter() - started
    people_demo_seed(password="x", employees=PEOPLE)  # noqa: S106 (benchmark only)
    rng = random.Random(9)
    today, now = timezone.localdate(), timezone.now()
    user_ids = list(Employee.objects.values_list("user_id", flat=True))
    with transaction.atomic():
        for course in courses:
            assignment = Assignment.objects.create(
                course=course, target=Assignment.Target.EVERYONE, due_date=today
            )
            _bulk(_learner_rows(assignment, user_ids, rng, today, now))
        divisions = list(OrgUnit.objects.filter(depth=1).order_by("path"))
        for i, division in enumerate(divisions[:PER_DIVISION]):
            assignment = Assignment.objects.create(
                course=courses[i],
                target=Assignment.Target.ORG_UNIT,
                target_unit=division,
                due_date=today,
            )
            members = Employee.objects.filter(
                org_unit__path__startswith=division.path
            ).values_list("user_id", flat=True)
            # Enrolled already (the course is all-staff): learner rows only.
            _bulk(
                (learner, None)
                for learner, _ in _learner_rows(assignment, members, rng, today, now)
            )
        # Statistics for the query planner, as PostgreSQL's autovacuum keeps
        # them; SQLite has none until ANALYZE and then joins in a poor order.
        _analyze()
    return admin, courses[0], time.perf_counter() - started


def _analyze() -> None:
    from django.db import connection

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _export(client: Client, course: CoursePage) -> tuple[int, int, float, float]:
    """Rows, bytes, seconds and tracemalloc peak (MB) of one full CSV download."""
    url = reverse("org_assigned_people")
    tracemalloc.start()
    started = time.perf_counter()
    response = client.get(url, {"course": course.pk, "export": "csv"})
    size = lines = 0
    for chunk in response.streaming_content:
        size += len(chunk)
        lines += chunk.count(b"\n")
    seconds = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return lines - 1, size, seconds, peak / 1024 / 1024


def run() -> list[Figure]:
    admin, course, build_s = _build()
    progress_rows = AssignedLearner.objects.count() + Enrolment.objects.count()
    people = Employee.objects.count()

    # What the daily job and a roster import do; rows were bulk-loaded above.
    started = time.perf_counter()
    tally_rows = tallies_rebuild()
    rebuild_s = time.perf_counter() - started
    report_ms = median_ms(training_by_division, repeat=5, warmup=1)
    learners = AssignedLearner.objects.all()
    live_ms = median_ms(
        lambda: training_by_division_live(learners=learners), repeat=3, warmup=1
    )
    baseline_ms = median_ms(
        lambda: list(
            AssignedLearner.objects.values("assignment_id")
            .annotate(n=Count("pk"))
            .order_by()
        ),
        repeat=3,
        warmup=1,
    )
    # What one completion adds: its assignment counted again in its unit.
    someone = AssignedLearner.objects.filter(assignment__course=course).first()
    recount_ms = median_ms(
        lambda: tallies_recount(
            assignment_ids=[someone.assignment_id], user_ids=[someone.user_id]
        ),
        repeat=20,
        warmup=2,
    )
    client = Client()
    client.force_login(admin)
    url = reverse("org_training_by_division")

    def page():
        response = client.get(url)
        assert response.status_code == 200, response.status_code

    page_ms = median_ms(page, repeat=5, warmup=1)
    rows, size, export_s, peak_mb = _export(client, course)
    assert rows == AssignedLearner.objects.filter(assignment__course=course).count()
    return [
        Figure(
            f"data: {people:,} people, {progress_rows:,} progress rows",
            build_s,
            "s to build",
        ),
        Figure(
            f"report tallies rebuilt whole ({tally_rows:,} rows)",
            rebuild_s,
            "s",
            goal="under 60 s (daily, and after a roster import)",
        ),
        Figure(
            "one completion's tally recount",
            recount_ms,
            "ms",
        ),
        Figure(
            "training by division (selector, from the tallies)",
            report_ms,
            "ms",
            "COUNT(*) GROUP BY assignment",
            baseline_ms,
            goal="under 1000 ms",
        ),
        Figure(
            "training by division counted live (role/status)",
            live_ms,
            "ms",
        ),
        Figure(
            "training by division (whole admin page)",
            page_ms,
            "ms",
            goal="under 1000 ms",
        ),
        Figure(
            f"assigned-people CSV, {rows:,} rows ({size / 1e6:.1f} MB)",
            export_s,
            "s (under tracemalloc)",
        ),
        Figure(
            "memory growth during that CSV (tracemalloc peak)",
            peak_mb,
            "MB",
            goal="under 50 MB",
        ),
    ]
