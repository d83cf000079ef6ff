"""The readiness dashboard of one initiative: 40,000 people, 4 closed rounds (issue 16).

With its adoption section: 30 days of tool usage for the same people, timed
against the readiness selector it sits beside. BENCH_READINESS_PEOPLE sets a
smaller audience (the figures say which).
"""

import os
import random
import time
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from benchmarks.harness import Figure
from change import privacy
from change.adoption import adoption
from change.models import CheckInResponse, CheckInRound, Initiative, UsageDay
from change.readiness import readiness
from change.respondents import respondent_key
from change.stages import barrier_stage
from people.models import Employee, OrgUnit, RoleProfile

PEOPLE = int(os.environ.get("BENCH_READINESS_PEOPLE", "40000"))
ROUNDS = 4
ROLES = 8
# Divisions × sections × teams: 8 × 6 × 8 = 384 teams of ~100 people at 40,000.
SHAPE = (8, 6, 8)
USAGE_DAYS = 30
HIDDEN_BY_GATEKEEPER = {privacy.TOO_FEW, privacy.PROTECTS_ANOTHER}


def _tree() -> list[OrgUnit]:
    """The org tree; returns the teams people sit in."""
    teams = []
    for d in range(SHAPE[0]):
        division = OrgUnit.add_root(code=f"BR-{d}", name=f"Division {d}")
        for s in range(SHAPE[1]):
            section = division.add_child(code=f"BR-{d}-{s}", name=f"Section {d}.{s}")
            for t in range(SHAPE[2]):
                teams.append(
                    section.add_child(code=f"BR-{d}-{s}-{t}", name=f"Team {d}.{s}.{t}")
                )
    return teams


def _build() -> Initiative:
    """An initiative over the whole tree; most people answer most rounds."""
    initiative = Initiative.objects.filter(slug="bench-readiness").first()
    if initiative is not None:
        return initiative
    rng = random.Random(16)
    user_model = get_user_model()
    with transaction.atomic():
        teams = _tree()
        roles = RoleProfile.objects.bulk_create(
            RoleProfile(code=f"BR-ROLE-{i}", name=f"Role {i}") for i in range(ROLES)
        )
        users = user_model.objects.bulk_create(
            user_model(username=f"brd-{i:06d}", password="!")  # noqa: S106
            for i in range(PEOPLE)
        )
        people = Employee.objects.bulk_create(
            Employee(
                user=user,
                employee_number=f"BRD-{i:06d}",
                first_name="Bench",
                last_name=f"Person {i:06d}",
                org_unit=teams[i % len(teams)],
                role_profile=roles[rng.randrange(ROLES)],
            )
            for i, user in enumerate(users)
        )
        today = timezone.localdate()
        initiative = Initiative.objects.create(
            name="Benchmark readiness",
            slug="bench-readiness",
            tool_name="the benchmark tool",
            why="To time the dashboard.",
            go_live=today - timedelta(days=60),
            status=Initiative.Status.ACTIVE,
        )
        initiative.units.set(OrgUnit.objects.filter(depth=1))
        rounds = [
            CheckInRound.objects.create(
                initiative=initiative,
                name=f"Round {n + 1}",
                opens_on=today - timedelta(days=100 - 20 * n),
                closes_on=today - timedelta(days=90 - 20 * n),
            )
            for n in range(ROUNDS)
        ]
        # Answers barely move; a few people skip a round (stable participation).
        rows = []
        for person in people:
            key = respondent_key(initiative_id=initiative.pk, employee_id=person.pk)
            base = [rng.randint(2, 5) for _ in range(5)]
            for checkin_round in rounds:
                if rng.random() < 0.1:
                    continue
                scores = [min(5, s + rng.randint(0, 1)) for s in base]
                rows.append(
                    CheckInResponse(
                        round=checkin_round,
                        respondent_key=key,
                        unit_id=person.org_unit_id,
                        role_profile_id=person.role_profile_id,
                        understand=scores[0],
                        commit=scores[1],
                        learn=scores[2],
                        apply=scores[3],
                        sustain=scores[4],
                        barrier_stage=barrier_stage(scores),
                    )
                )
        CheckInResponse.objects.bulk_create(rows, batch_size=5000)
        _usage(initiative, people, rng=rng, today=today)
    return initiative


def _usage(initiative, people, *, rng: random.Random, today) -> None:
    """A row per person per day of the window: a fifth never use it, the rest
    on about half the days (a 0 is a day reported with no use)."""
    days = [today - timedelta(days=n) for n in range(USAGE_DAYS)]
    rows = []
    for person in people:
        user = rng.random() >= 0.2
        rows += [
            UsageDay(
                initiative=initiative,
                employee=person,
                day=day,
                count=rng.randint(1, 9) if user and rng.random() < 0.5 else 0,
            )
            for day in days
        ]
        if len(rows) >= 50_000:
            UsageDay.objects.bulk_create(rows, batch_size=5000)
            rows = []
    UsageDay.objects.bulk_create(rows, batch_size=5000)


def run() -> list[Figure]:
    initiative = _build()
    samples, adoption_samples = [], []
    with CaptureQueriesContext(connection) as queries:
        for _ in range(3):
            started = time.perf_counter()
            dashboard = readiness(initiative=initiative, unit_paths=None)
            samples.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as adoption_queries:
        for _ in range(3):
            started = time.perf_counter()
            figures = adoption(dashboard=dashboard)
            adoption_samples.append((time.perf_counter() - started) * 1000)
    shown = sum(not row.summary.hidden for row in dashboard.rows)
    hidden = sum(
        f.not_ready_not_using.hidden in HIDDEN_BY_GATEKEEPER for _row, f in figures.rows
    )
    responses = CheckInResponse.objects.filter(round__initiative=initiative).count()
    usage = UsageDay.objects.filter(initiative=initiative).count()
    median = sorted(samples)[1]
    return [
        Figure(
            f"readiness dashboard, {PEOPLE} people, {responses} answers (median)",
            median,
            "ms",
            goal="< 300 ms",
        ),
        Figure("queries per dashboard", len(queries) / 3, "queries", goal="constant"),
        Figure(
            f"rows with their numbers shown (of {len(dashboard.rows)})",
            shown,
            "rows",
        ),
        Figure(
            f"adoption section, {usage} usage rows (median)",
            sorted(adoption_samples)[1],
            "ms",
            baseline_name="the readiness selector",
            baseline_value=median,
        ),
        Figure(
            "queries per adoption section",
            len(adoption_queries) / 3,
            "queries",
            goal="constant",
        ),
        Figure(
            f"not-ready-and-not-using cells the gatekeeper hid (of {len(figures.rows)})",
            hidden,
            "rows",
        ),
    ]
