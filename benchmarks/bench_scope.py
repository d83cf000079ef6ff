"""Whom a manager may see, on the 40,000-employee demo org (goal: well under 100 ms)."""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from benchmarks.harness import Figure, median_ms
from people.models import Employee, OrgUnit
from people.selectors import employee_scope_for_user, org_unit_subtree_ids

EMPLOYEES = 40_000


def _ids(queryset) -> list[int]:
    return list(queryset.values_list("pk", flat=True))


def run() -> list[Figure]:
    if Employee.objects.count() < EMPLOYEES:
        call_command("seed_demo", employees=EMPLOYEES, stdout=io.StringIO())
    user_model = get_user_model()
    total = Employee.objects.count()
    # The biggest division whose head does not see the whole city.
    candidates = []
    for unit in OrgUnit.objects.filter(depth__lte=2, head__isnull=False):
        size = Employee.objects.filter(org_unit__path__startswith=unit.path).count()
        if size < total:
            candidates.append((size, unit))
    _size, head_unit = max(candidates, key=lambda pair: pair[0])
    head = user_model.objects.get(employee__pk=head_unit.head_id)
    depth = (
        OrgUnit.objects.filter(path__startswith=head_unit.path)
        .order_by("-depth")
        .values_list("depth", flat=True)
        .first()
    )

    def scope():
        fresh = user_model.objects.get(pk=head.pk)
        return _ids(employee_scope_for_user(user=fresh))

    def subtree_only():
        # The same user fetch plus the unit-subtree half of the scope alone.
        user_model.objects.get(pk=head.pk)
        return _ids(
            Employee.objects.filter(
                org_unit_id__in=org_unit_subtree_ids(path=head_unit.path)
            )
        )

    size = len(scope())
    with CaptureQueriesContext(connection) as queries:
        scope()
    scope_ms = median_ms(scope, repeat=20, warmup=3)
    baseline_ms = median_ms(subtree_only, repeat=20, warmup=3)
    return [
        Figure(
            f"scope of a division head ({size:,} people, {depth - head_unit.depth + 1} levels)",
            scope_ms,
            "ms",
            "plain subtree query",
            baseline_ms,
            goal="< 100 ms",
        ),
        Figure("queries for that scope", len(queries), "queries", goal="constant"),
    ]
