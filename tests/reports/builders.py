"""Shared data for the reports tests: a date, completions, teams and generated orgs."""

import csv
import io
from datetime import date, datetime

from django.utils import timezone

from hypothesis import strategies as st

from people.models import Employee
from tests.people.factories import EmployeeFactory, OrgUnitFactory, UserFactory

TODAY = timezone.localdate()


def finish(learners, day: date) -> None:
    """Record a completion on `day` as the progress sync would (both fields)."""
    learners.update(
        completed_at=timezone.make_aware(datetime.combine(day, datetime.min.time())),
        completed_on=day,
    )


def team_of(manager, size: int) -> list[Employee]:
    """`size` new people in `manager`'s unit, reporting to them, each with a login."""
    boss = manager.employee
    return [
        EmployeeFactory(org_unit=boss.org_unit, manager=boss, user=UserFactory())
        for _ in range(size)
    ]


# An org: units as a tree (each unit's parent is an earlier unit or none), each
# person in a unit with an optional manager among the earlier people, some units
# with a head, some people inactive.
org_trees = st.integers(min_value=1, max_value=4).flatmap(
    lambda units: st.integers(min_value=2, max_value=9).flatmap(
        lambda people: st.fixed_dictionaries(
            {
                "unit_parents": st.tuples(
                    *[st.integers(-1, i - 1) for i in range(units)]
                ),
                "unit_of": st.tuples(
                    *[st.integers(0, units - 1) for _ in range(people)]
                ),
                "manager_of": st.tuples(
                    *[st.integers(-1, i - 1) for i in range(people)]
                ),
                "heads": st.tuples(
                    *[st.integers(-1, people - 1) for _ in range(units)]
                ),
                "inactive": st.sets(st.integers(0, people - 1), max_size=2),
                "narrow_to": st.integers(0, units - 1),
            }
        )
    )
)


def build_org(tree, framework):
    """The units and people `tree` (one of org_trees) describes, in the role given."""
    units = []
    for i, parent in enumerate(tree["unit_parents"]):
        units.append(
            OrgUnitFactory(code=f"G{i}", parent=units[parent] if parent >= 0 else None)
        )
    people = []
    for i, unit in enumerate(tree["unit_of"]):
        manager = tree["manager_of"][i]
        people.append(
            EmployeeFactory(
                org_unit=units[unit],
                manager=people[manager] if manager >= 0 else None,
                role_profile=framework["role"],
                is_active=i not in tree["inactive"],
            )
        )
    for unit, head in zip(units, tree["heads"], strict=True):
        if head >= 0:
            unit.head = people[head]
            unit.save(update_fields=["head"])
    return units, people


def _rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def _figures(rows):
    return {
        (r.label, r.assignment.item_title): (
            r.assigned,
            r.completed,
            r.in_progress,
            r.overdue,
            r.on_time_percent,
        )
        for r in rows
    }
