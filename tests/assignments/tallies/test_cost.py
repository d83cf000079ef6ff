"""Report tallies stay cheap to keep current, and right under any sequence of changes."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assignments.models import (
    AssignedLearner,
)
from assignments.services import (
    assignments_expand_all,
    learner_exempt,
    learner_exemption_lift,
    learner_extend,
)
from courses.services import module_complete
from people.models import Employee
from tests.assignments.counts import live, tallied
from tests.assignments.tallies.helpers import (
    admin_move,
    assert_tallies_match,
    complete,
    start,
)
from tests.courses.factories import modules_of
from tests.people.factories import EmployeeFactory, UserFactory

# --- cost --------------------------------------------------------------------------


def test_a_completion_recounts_in_the_same_few_queries_at_any_size(world, committed):
    def completion_queries(colleagues: int) -> list[str]:
        for _ in range(colleagues):
            EmployeeFactory(org_unit=world["team_a"], user=UserFactory())
        user = UserFactory()
        EmployeeFactory(org_unit=world["team_a"], user=user)
        with committed():
            assignments_expand_all()
        first, last = modules_of(world["yearly"])
        module_complete(user=user, module=first)
        with CaptureQueriesContext(connection) as queries, committed():
            module_complete(user=user, module=last)
        return [query["sql"] for query in queries.captured_queries]

    # The first two completions in a fresh process differ (53, then 66 queries,
    # then 62 every time: per-process caches such as content types fill, and the
    # first certificates are numbered): measure the steady ones after them.
    completion_queries(2)
    completion_queries(2)
    small, large = completion_queries(2), completion_queries(40)
    assert len(small) == len(large)
    recount = [sql for sql in large if "assignmenttally" in sql]
    # The build row lock, the group's existing rows, one upsert (the count
    # itself reads learner rows, for one unit only).
    assert len(recount) == 3, recount
    count = next(sql for sql in large if sql.startswith("SELECT") and "GROUP BY" in sql)
    assert '"org_unit_id" IN' in count
    assert_tallies_match("completed")


@pytest.mark.django_db(transaction=False)
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    steps=st.lists(
        st.tuples(
            st.sampled_from(["start", "complete", "extend", "exempt", "lift", "move"]),
            st.integers(0, 6),
            st.integers(0, 2),
        ),
        max_size=12,
    )
)
def test_any_sequence_of_changes_keeps_the_tallies_right(
    world, committed, admin, steps
):
    from django.db import transaction

    actor = UserFactory()
    units = [world["team_a"], world["team_b"], world["gardens"]]

    def act(action: str, who: int, where: int) -> None:
        employee = Employee.objects.get(pk=world["people"][who].pk)
        learner = (
            AssignedLearner.objects.filter(user=employee.user)
            .order_by("assignment_id")
            .select_related("assignment__course")[where % 2 :]
            .first()
        )
        if action == "move":
            admin_move(admin, employee, units[where])
        elif learner is None:
            return
        elif action == "start" and learner.started_at is None:
            start(employee.user, learner.assignment.course)
        elif action == "complete" and learner.completed_at is None:
            complete(employee.user, learner.assignment.course)
        elif action == "extend":
            learner_extend(
                learner=learner,
                actor=actor,
                due_on=learner.due_on + timedelta(days=7 * (where + 1)),
                reason="More time",
            )
        elif action == "exempt":
            learner_exempt(learner=learner, actor=actor, reason="Not needed")
        elif action == "lift":
            learner_exemption_lift(learner=learner, actor=actor)

    with transaction.atomic():
        for step in steps:
            with committed():
                act(*step)
        assert tallied() == live()
        transaction.set_rollback(True)
