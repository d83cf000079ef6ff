"""An L&D admin reads training by division in the admin and narrows it to one division."""

from datetime import timedelta

from django.utils import timezone

import pytest
from playwright.sync_api import expect

from assignments.models import AssignedLearner, Assignment
from assignments.services import assignment_create, learner_exempt
from tests.browser.checks import assert_accessible
from tests.browser.helpers import sign_in
from tests.courses.factories import make_course
from tests.people.factories import EmployeeFactory, OrgUnitFactory, UserFactory
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_ld_admin_reads_training_by_division(page, live_server, personas, org):
    parks = OrgUnitFactory(code="PARKS", name="Parks")
    for _ in range(3):
        EmployeeFactory(org_unit=parks, user=UserFactory())
    assignment = assignment_create(
        actor=personas["ld_admin"],
        course=make_course(title="Accessibility basics", modules=1),
        target=Assignment.Target.EVERYONE,
        due_date=timezone.localdate() + timedelta(days=20),
    ).assignment
    learner_exempt(
        learner=AssignedLearner.objects.filter(
            assignment=assignment, user__employee__org_unit=parks
        ).first(),
        actor=personas["ld_admin"],
        reason="Seasonal",
    )
    sign_in(page, live_server, "lee", PASSWORD)
    page.goto(f"{live_server.url}/admin/reports/org/training-by-division/")
    expect(page.get_by_role("heading", name="Training by division")).to_be_visible()
    table = page.get_by_role("table")
    expect(
        table.get_by_role("columnheader", name="% completed on time")
    ).to_be_visible()
    parks_row = table.get_by_role("row").filter(has_text="Parks")
    expect(parks_row.get_by_role("cell").nth(3)).to_have_text("2")  # one is exempt
    expect(table.get_by_role("row").filter(has_text="Public Works")).to_have_count(1)
    assert_accessible(page)

    page.goto(
        f"{live_server.url}/admin/reports/org/training-by-division/?division={parks.pk}"
    )
    expect(table.get_by_role("row").filter(has_text="Public Works")).to_have_count(0)
    expect(parks_row).to_have_count(1)
    assert_accessible(page)
