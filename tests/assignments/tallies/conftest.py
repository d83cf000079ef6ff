"""The world the tally tests change: two divisions, seven people, two assignments."""

from datetime import timedelta

from django.utils import timezone

import pytest

from assignments.models import (
    Assignment,
)
from assignments.services import (
    assignment_create,
)
from assignments.tallies import (
    tallies_rebuild,
)
from tests.courses.factories import make_course
from tests.people.factories import EmployeeFactory, OrgUnitFactory, UserFactory


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what the block leaves for after its commit, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def admin(client_for):
    """A superuser in the Wagtail admin, where people are moved and deleted one by one."""
    return client_for(UserFactory(is_superuser=True))


@pytest.fixture
def world(org, committed):
    """Two divisions, seven people, an all-staff course and an overdue one for Parks."""
    parks = OrgUnitFactory(code="PARKS", name="Parks")
    gardens = OrgUnitFactory(code="GARDENS", name="Gardens", parent=parks)
    places = [org["team_a"]] * 3 + [org["team_b"]] * 2 + [gardens] * 2
    people = [EmployeeFactory(org_unit=unit, user=UserFactory()) for unit in places]
    yearly = make_course(title="Yearly safety", modules=2, validity_months=12)
    trees = make_course(title="Tree safety", modules=1)
    tallies_rebuild()
    today = timezone.localdate()
    with committed():
        everyone, parks_only = _assign(yearly, trees, parks, today)
    return {
        **org,
        "parks": parks,
        "gardens": gardens,
        "people": people,
        "yearly": yearly,
        "trees": trees,
        "everyone": everyone,
        "parks_only": parks_only,
    }


def _assign(yearly, trees, parks, today):
    everyone = assignment_create(
        actor=None,
        course=yearly,
        target=Assignment.Target.EVERYONE,
        due_date=today + timedelta(days=10),
    ).assignment
    parks_only = assignment_create(
        actor=None,
        course=trees,
        target=Assignment.Target.ORG_UNIT,
        target_unit=parks,
        due_date=today - timedelta(days=1),
    ).assignment
    return everyone, parks_only
