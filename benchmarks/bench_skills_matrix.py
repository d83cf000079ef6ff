"""The manager's skills matrix page for 1,000 people x 50 skills (goal: < 300 ms server time)."""

from django.db import connection, reset_queries
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from benchmarks.bench_skills import _build
from benchmarks.harness import Figure, paired_ms

PAGES = {
    "matrix page, by name": "/my/team/skills/",
    "matrix page, largest gap first": "/my/team/skills/?sort=gap",
    "aggregate by org unit page": "/my/team/skills/units/",
}


def run() -> list[Figure]:
    # The same 1,000 x 50 team as bench_skills (built once, reused if present).
    boss, people, skills = _build()
    client = Client()
    client.force_login(boss)
    figures = []
    with override_settings(ROOT_URLCONF="benchmarks.urls"):

        def bare():
            return client.get("/__bench__/bare-user/")

        for name, url in PAGES.items():

            def page(url=url):
                response = client.get(url)
                assert response.status_code == 200, response.status_code
                return response

            page()  # warm up; then count (the request resets the query log)
            reset_queries()
            with CaptureQueriesContext(connection) as queries:
                page()
            count = len(queries)  # now: later requests reset the log it reads
            page_ms, bare_ms = paired_ms(page, bare, repeat=7)
            figures.append(
                Figure(
                    f"{name} ({len(people):,} x {len(skills)})",
                    page_ms,
                    "ms",
                    "signed-in bare view",
                    bare_ms,
                    goal="< 300 ms",
                )
            )
            figures.append(
                Figure("  queries for that page", count, "queries", goal="constant")
            )

        def csv_export():
            response = client.get("/my/team/skills/?format=csv")
            return sum(len(chunk) for chunk in response.streaming_content)

        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            size = csv_export()
        count = len(queries)
        export_ms, bare_ms = paired_ms(csv_export, bare, repeat=3)
        figures.append(
            Figure(
                f"CSV export, streamed ({len(people) * len(skills):,} rows, "
                f"{size / 1e6:.1f} MB)",
                export_ms,
                "ms",
                "signed-in bare view",
                bare_ms,
            )
        )
        figures.append(
            Figure(
                "  queries for that export",
                count,
                "queries",
                goal="two more per 500 people",
            )
        )
    return figures
