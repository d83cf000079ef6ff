"""The org-wide Skills by unit report on a 40,000-person org, everyone rated (< 300 ms)."""

import itertools
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection, reset_queries, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from benchmarks.bench_skills import random_ratings
from benchmarks.harness import Figure, paired_ms
from demo.people import people_demo_seed
from people import roles
from people.models import Employee
from skills.framework_defaults import framework_load_default
from skills.models import Assessment, CurrentSkillLevel, RoleSkillTarget
from skills.selectors import skills_by_unit
from skills.services import levels_rebuild

PEOPLE = 40_000
BATCH = 5_000
PER_PAGE = 100  # the report's page (SkillsByUnitReportView.paginate_by)


def _rate_everyone() -> None:
    """Ratings in every skill their role targets: most people's own, many a manager's."""
    targets: dict[int, list[int]] = {}
    for role, skill in RoleSkillTarget.objects.filter(
        skill__is_active=True
    ).values_list("role_profile_id", "skill_id"):
        targets.setdefault(role, []).append(skill)
    unrated = list(
        Employee.objects.active()
        .filter(role_profile__in=list(targets), skill_levels__isnull=True)
        .values_list("pk", "role_profile_id")
    )
    if not unrated:
        return
    with transaction.atomic():
        ratings = random_ratings(
            (
                (employee_id, skill)
                for employee_id, role in unrated
                for skill in targets[role]
            ),
            rng=random.Random(15),
            self_share=0.7,
        )
        while batch := list(itertools.islice(ratings, BATCH)):
            Assessment.objects.bulk_create(batch, batch_size=1000)
        levels_rebuild(employees=[pk for pk, _role in unrated])


def _analyze() -> None:
    # Statistics for the planner: an index a migration added since the last
    # ANALYZE has none (SQLite then skips the covering index), and PostgreSQL's
    # autovacuum may not have caught up with the bulk load yet.
    with connection.cursor() as cursor:
        for table in ("people_employee", "skills_currentskilllevel"):
            cursor.execute(f"ANALYZE {table}")


def _build():
    user_model = get_user_model()
    admin = user_model.objects.filter(username="bench-ld-admin").first()
    if admin is None:
        admin = user_model.objects.create(username="bench-ld-admin", password="!")  # noqa: S106
        admin.groups.add(Group.objects.get(name=roles.LD_ADMINS))
    if Employee.objects.count() < PEOPLE:
        people_demo_seed(password="x", employees=PEOPLE)  # noqa: S106 (benchmark only)
    framework_load_default()
    _rate_everyone()
    _analyze()
    return admin


def run() -> list[Figure]:
    admin = _build()
    people = Employee.objects.active().count()
    levels = CurrentSkillLevel.objects.count()
    client = Client()
    client.force_login(admin)
    url = reverse("org_skills_by_unit")
    figures = []

    def selector():
        # What the page reads: the report and its first page of rows.
        report = skills_by_unit(user=get_user_model().objects.get(pk=admin.pk))
        return report["rows"][:PER_PAGE]

    with override_settings(ROOT_URLCONF="benchmarks.urls"):

        def bare():
            return client.get("/__bench__/bare-user/")

        def page():
            response = client.get(url)
            assert response.status_code == 200, response.status_code
            return response

        def export():
            response = client.get(url, {"export": "csv"})
            assert response.status_code == 200, response.status_code
            return b"".join(response.streaming_content)

        counts = {}
        for name, func in (("page", page), ("export", export)):
            func()  # warm up; then count (a request resets the query log)
            reset_queries()
            with CaptureQueriesContext(connection) as queries:
                func()
            counts[name] = len(queries)
        selector_ms, _bare_ms = paired_ms(selector, bare, repeat=5)
        page_ms, bare_ms = paired_ms(page, bare, repeat=5)
        export_ms, bare2_ms = paired_ms(export, bare, repeat=3)
    units = len(skills_by_unit(user=admin)["rows"])
    figures += [
        Figure(
            f"skills by unit, selector, one page ({people:,} people, {levels:,} levels)",
            selector_ms,
            "ms",
        ),
        Figure(
            f"skills by unit (whole admin page, {units:,} units)",
            page_ms,
            "ms",
            "signed-in bare view",
            bare_ms,
            goal="< 300 ms",
        ),
        Figure("  queries for that page", counts["page"], "queries", goal="constant"),
        Figure(
            "skills by unit, CSV export",
            export_ms,
            "ms",
            "signed-in bare view",
            bare2_ms,
        ),
        Figure(
            "  queries for that export", counts["export"], "queries", goal="constant"
        ),
    ]
    return figures
