"""The readiness dashboard of one initiative: 40,000 people, 4 closed rounds (issue 16).

The results are computed once (the background job after a round closes, timed
and printed); the page then reads them stored, timed against a signed-in bare
view. With its adoption section: 25 days of tool usage for the same people
(1,000,000 rows at 40,000), whose figures are computed once too (the
background job after usage is imported, timed and printed), then the page
with them is timed against the bare view. BENCH_READINESS_PEOPLE sets a
smaller audience (the figures say which).
"""

import os
import random
import time
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection, reset_queries, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from benchmarks.harness import Figure, paired_ms
from change import privacy
from change.adoption import adoption
from change.adoption_results import adoption_results_refresh
from change.models import (
    AdoptionSnapshot,
    CheckInInvitation,
    CheckInResponse,
    CheckInRound,
    Initiative,
    ReadinessSnapshot,
    UsageDay,
)
from change.readiness import readiness
from change.respondents import respondent_key
from change.results import readiness_results_refresh
from change.stages import barrier_stage
from people.models import Employee, OrgUnit, RoleProfile
from people.roles import LD_ADMINS

PEOPLE = int(os.environ.get("BENCH_READINESS_PEOPLE", "40000"))
ROUNDS = 4
ROLES = 8
# Divisions × sections × teams: 8 × 6 × 8 = 384 teams of ~100 people at 40,000.
SHAPE = (8, 6, 8)
USAGE_DAYS = 25
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
        _invite(initiative)
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
        _invite(initiative)
    return initiative


def _invite(initiative: Initiative) -> None:
    """Everyone was invited to every round (the dashboard counts them by unit)."""
    rounds = list(initiative.rounds.all())
    if CheckInInvitation.objects.filter(round__in=rounds).exists():
        return
    people = Employee.objects.filter(employee_number__startswith="BRD-")
    now = timezone.now()
    CheckInInvitation.objects.bulk_create(
        (
            CheckInInvitation(round=checkin_round, employee_id=pk, invited_at=now)
            for checkin_round in rounds
            for pk in people.values_list("pk", flat=True)
        ),
        batch_size=5000,
    )


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


def _admin():
    user_model = get_user_model()
    admin = user_model.objects.filter(username="bench-readiness-admin").first()
    if admin is None:
        admin = user_model.objects.create(
            username="bench-readiness-admin",
            password="!",  # noqa: S106
        )
        admin.groups.add(Group.objects.get(name=LD_ADMINS))
    return admin


def run() -> list[Figure]:
    initiative = _build()
    responses = CheckInResponse.objects.filter(round__initiative=initiative).count()
    usage = UsageDay.objects.filter(initiative=initiative).count()
    # What the daily run does once the rounds have closed: a background job.
    ReadinessSnapshot.objects.filter(initiative=initiative).update(key="")
    started = time.perf_counter()
    readiness_results_refresh(initiative=initiative)
    refresh_s = time.perf_counter() - started
    # And after usage is imported (or the day turns): a background job too.
    AdoptionSnapshot.objects.filter(initiative=initiative).update(key="")
    started = time.perf_counter()
    adoption_results_refresh(initiative=initiative)
    adoption_refresh_s = time.perf_counter() - started

    client = Client()
    client.force_login(_admin())
    url = reverse("change:readiness", args=[initiative.slug])

    def selector():
        return readiness(initiative=initiative, unit_paths=None)

    def bare():
        return client.get("/__bench__/bare-user/")

    def page():
        response = client.get(url)
        assert response.status_code == 200, response.status_code
        return response

    def export():
        response = client.get(url, {"format": "csv"})
        assert response.status_code == 200, response.status_code
        return response

    def counted(func) -> int:
        func()  # warm up; then count (a request resets the query log)
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            func()
        return len(queries)

    with override_settings(ROOT_URLCONF="benchmarks.urls"):
        # The page without usage imported: the readiness sections alone.
        with transaction.atomic():
            UsageDay.objects.filter(initiative=initiative).delete()
            counts = {"selector": counted(selector), "page": counted(page)}
            selector_ms, selector_bare = paired_ms(selector, bare, repeat=5)
            page_ms, bare_ms = paired_ms(page, bare, repeat=5)
            export_ms, export_bare = paired_ms(export, bare, repeat=3)
            transaction.set_rollback(True)
        # With usage: the adoption section reads its stored figures.
        counts["usage page"] = counted(page)
        usage_page_ms, usage_bare_ms = paired_ms(page, bare, repeat=5)
        usage_export_ms, usage_export_bare = paired_ms(export, bare, repeat=3)
    dashboard = selector()
    shown = sum(not row.summary.hidden for row in dashboard.rows)
    with CaptureQueriesContext(connection) as adoption_queries:
        started = time.perf_counter()
        figures = adoption(dashboard=dashboard)
        adoption_ms = (time.perf_counter() - started) * 1000
    assert not figures.preparing
    hidden = sum(
        f.not_ready_not_using.hidden in HIDDEN_BY_GATEKEEPER for _row, f in figures.rows
    )
    return [
        Figure(
            f"results refresh (background job), {PEOPLE} people, {responses} answers",
            refresh_s,
            "s",
        ),
        Figure(
            f"adoption refresh (background job), {usage} usage rows",
            adoption_refresh_s,
            "s",
        ),
        Figure(
            "readiness selector, stored results",
            selector_ms,
            "ms",
            "signed-in bare view",
            selector_bare,
        ),
        Figure(
            "readiness dashboard (whole page, L&D admin, no usage)",
            page_ms,
            "ms",
            "signed-in bare view",
            bare_ms,
            goal="< 300 ms",
        ),
        Figure("  queries for the selector", counts["selector"], "queries"),
        Figure("  queries for the page", counts["page"], "queries", goal="constant"),
        Figure(
            "readiness CSV export", export_ms, "ms", "signed-in bare view", export_bare
        ),
        Figure(
            "dashboard with adoption (whole page, stored figures)",
            usage_page_ms,
            "ms",
            "signed-in bare view",
            usage_bare_ms,
            goal="< 300 ms",
        ),
        Figure(
            "  queries for the page with adoption",
            counts["usage page"],
            "queries",
            goal="constant",
        ),
        Figure(
            "readiness CSV export with adoption",
            usage_export_ms,
            "ms",
            "signed-in bare view",
            usage_export_bare,
        ),
        Figure(
            f"rows with their numbers shown (of {len(dashboard.rows)})",
            shown,
            "rows",
        ),
        Figure(
            "adoption section, stored figures (one run)",
            adoption_ms,
            "ms",
            baseline_name="the readiness selector",
            baseline_value=selector_ms,
        ),
        Figure(
            "  queries for the adoption section",
            len(adoption_queries),
            "queries",
            goal="constant",
        ),
        Figure(
            f"not-ready-and-not-using cells the gatekeeper hid (of {len(figures.rows)})",
            hidden,
            "rows",
        ),
    ]
