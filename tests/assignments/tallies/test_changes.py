"""Report tallies equal a live count of the learner rows after every kind of change."""

from datetime import timedelta

from django.utils import timezone

import pytest

from assignments.models import (
    AssignedLearner,
    Assignment,
)
from assignments.recertification import assignments_recertify
from assignments.services import (
    assignment_create,
    assignments_expand_all,
    learner_exempt,
    learner_exemption_lift,
    learner_extend,
)
from assignments.tallies import (
    tallies_rebuild,
)
from people.models import Employee
from people.roster import roster_import
from tests.assignments.counts import tallied
from tests.assignments.tallies.helpers import (
    admin_delete_user,
    admin_move,
    assert_tallies_match,
    complete,
    start,
)
from tests.courses.factories import make_course
from tests.people.factories import EmployeeFactory, UserFactory
from tests.people.roster.helpers import person, to_csv


def test_every_change_through_the_services_keeps_the_tallies_right(world, committed):
    people, yearly = world["people"], world["yearly"]
    assert_tallies_match("assigned")
    assert len(tallied()) == 4  # all staff in three units, Parks' course in one

    with committed():
        start(people[0].user, yearly)
    assert_tallies_match("started")
    with committed():
        complete(people[1].user, yearly)
        complete(people[5].user, world["trees"])  # late: it was due yesterday
    assert_tallies_match("completed")

    admin = UserFactory()
    overdue = AssignedLearner.objects.get(
        user=people[6].user, assignment=world["parks_only"]
    )
    with committed():
        learner_extend(
            learner=overdue,
            actor=admin,
            due_on=timezone.localdate() + timedelta(days=5),
            reason="Storm clean-up",
        )
    assert_tallies_match("extended")
    mine = AssignedLearner.objects.get(
        user=people[2].user, assignment=world["everyone"]
    )
    with committed():
        learner_exempt(learner=mine, actor=admin, reason="On leave")
    assert_tallies_match("exempted")
    with committed():
        learner_exemption_lift(learner=mine, actor=admin, reason="Back")
    assert_tallies_match("exemption lifted")

    # A completion entering its recertification window re-opens (today or later).
    done = AssignedLearner.objects.get(
        user=people[1].user, assignment=world["everyone"]
    )
    with committed():
        assert assignments_recertify(today=done.expires_on - timedelta(days=30)) == 1
    assert_tallies_match("re-opened")


def test_nothing_is_recounted_before_the_change_commits(world, committed):
    before = tallied()
    with committed():
        complete(world["people"][0].user, world["yearly"])
        assert tallied() == before  # still inside the transaction
    assert tallied() != before


def test_people_moving_joining_and_leaving_keep_the_tallies_right(
    world, committed, admin
):
    people = world["people"]
    with committed():
        complete(people[0].user, world["yearly"])

    mover = Employee.objects.get(pk=people[0].pk)
    with committed():
        admin_move(admin, mover, world["gardens"])
    assert_tallies_match("moved to another division")

    with committed():
        newcomer = EmployeeFactory(org_unit=world["team_b"], user=UserFactory())
    assert_tallies_match("joined, not yet assigned")
    # The newcomer gets the all-staff course, the mover Parks' course.
    with committed():
        assert assignments_expand_all() == 2
    assert_tallies_match("joined and assigned")
    assert (world["everyone"].pk, world["team_b"].pk) in tallied()

    with committed():
        admin_delete_user(admin, people[3].user)
        admin_delete_user(admin, people[4].user)
        admin_delete_user(admin, newcomer.user)
    assert_tallies_match("left")
    assert (world["everyone"].pk, world["team_b"].pk) not in tallied()


@pytest.mark.parametrize("change", ["move", "deactivate and move"])
def test_a_roster_import_that_moves_people_keeps_the_tallies_right(
    db, committed, change
):
    rows = [
        person("1", "Grace", "Oyelaran", "DIV", "Public Works"),
        person("2", "Luc", "Bergeron", "TM1", "Road Crew", "DIV", "1"),
        person("3", "Priya", "Raman", "TM1", "Road Crew", "DIV", "1"),
    ]
    roster_import(data=to_csv(rows))
    tallies_rebuild()
    with committed():
        assignment_create(
            actor=None,
            course=make_course(modules=1),
            target=Assignment.Target.EVERYONE,
            due_date=timezone.localdate(),
        )
    assert_tallies_match("assigned")
    status = "inactive" if change == "deactivate and move" else "active"
    rows[2] = person("3", "Priya", "Raman", "TM2", "Bridges", "DIV", "1", status=status)
    with committed():
        result = roster_import(data=to_csv(rows), allow_mass_deactivation=True)
    assert result.applied and result.updated + result.deactivated == 1
    assert_tallies_match("moved by the import")
