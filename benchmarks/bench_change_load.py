"""The change-load page: 40,000 people in ~6,500 units, 30 initiatives (issue 16).

BENCH_LOAD_PEOPLE sets a smaller organisation (the figures say which).
"""

import os
import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection, reset_queries, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from benchmarks.harness import Figure, paired_ms
from change.load import add_months, month_start
from change.models import Initiative
from demo.people import people_demo_seed
from people import roles
from people.models import Employee, OrgUnit, RoleProfile

PEOPLE = int(os.environ.get("BENCH_LOAD_PEOPLE", "40000"))
INITIATIVES = 30


def _build():
    user_model = get_user_model()
    admin = user_model.objects.filter(username="bench-ld-admin").first()
    if admin is None:
        admin = user_model.objects.create(username="bench-ld-admin", password="!")  # noqa: S106
        admin.groups.add(Group.objects.get(name=roles.LD_ADMINS))
    if Employee.objects.count() < PEOPLE:
        people_demo_seed(password="x", employees=PEOPLE)  # noqa: S106 (benchmark only)
    if not Initiative.objects.filter(slug__startswith="bench-load-").exists():
        _initiatives()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # statistics for the planner after the bulk load
    return admin


def _initiatives() -> None:
    """30 go-lives over the next year: most for a few units, some for a role profile."""
    rng = random.Random(16)
    units = list(OrgUnit.objects.filter(depth__lte=3).values_list("pk", flat=True))
    role_ids = list(RoleProfile.objects.values_list("pk", flat=True))
    first = month_start(timezone.localdate())
    with transaction.atomic():
        for n in range(INITIATIVES):
            initiative = Initiative.objects.create(
                name=f"Benchmark change {n}",
                slug=f"bench-load-{n}",
                tool_name="the benchmark tool",
                why="To time the change-load page.",
                go_live=add_months(first, rng.randrange(12))
                + timedelta(days=rng.randrange(28)),
                status=rng.choice(
                    [Initiative.Status.PLANNED, Initiative.Status.ACTIVE]
                ),
            )
            initiative.units.set(rng.sample(units, rng.randint(1, 4)))
            if n % 5 == 0:
                initiative.role_profiles.set([rng.choice(role_ids)])


def run() -> list[Figure]:
    admin = _build()
    people = Employee.objects.active().count()
    units = OrgUnit.objects.count()
    busiest = (
        OrgUnit.objects.filter(depth=1)
        .order_by("-numchild")
        .values_list("pk", flat=True)
    )[0]
    month = f"{month_start(timezone.localdate()):%Y-%m}"
    client = Client()
    client.force_login(admin)
    url = reverse("change:load")
    pages = {
        "top": {},
        "division": {"unit": busiest},
        "cell": {"unit": busiest, "month": month},
        "csv": {"format": "csv"},
    }
    figures = []
    with override_settings(ROOT_URLCONF="benchmarks.urls"):

        def bare():
            return client.get("/__bench__/bare-user/")

        def get(params):
            def page():
                response = client.get(url, params)
                assert response.status_code == 200, response.status_code
                return response

            return page

        counts = {}
        for name, params in pages.items():
            get(params)()  # warm up; then count (a request resets the query log)
            reset_queries()
            with CaptureQueriesContext(connection) as queries:
                get(params)()
            counts[name] = len(queries)
        timed = {name: paired_ms(get(p), bare, repeat=5) for name, p in pages.items()}
    labels = {
        "top": f"change load, divisions ({people:,} people, {units:,} units)",
        "division": "  one division's sub-units",
        "cell": "  one division's cell list",
        "csv": "  the divisions as CSV",
    }
    for name, label in labels.items():
        page_ms, bare_ms = timed[name]
        figures += [
            Figure(
                label,
                page_ms,
                "ms",
                "signed-in bare view",
                bare_ms,
                goal="< 300 ms" if name == "top" else "",
            ),
            Figure(f"    queries ({name})", counts[name], "queries", goal="constant"),
        ]
    return figures
