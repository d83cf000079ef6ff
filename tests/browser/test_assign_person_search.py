"""A manager finds one of two namesakes by typing and picks her with the keyboard."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest
from playwright.sync_api import expect

from assignments.models import AssignedLearner
from tests.browser.checks import assert_accessible
from tests.browser.helpers import sign_in
from tests.courses.factories import make_course
from tests.people.factories import EmployeeFactory, OrgUnitFactory, UserFactory
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def _person(username, unit, manager, number):
    user = UserFactory(username=username, first_name="Alex", last_name="Martin")
    return EmployeeFactory(
        user=user,
        org_unit=unit,
        manager=manager.employee,
        first_name="Alex",
        last_name="Martin",
        employee_number=number,
    )


def test_manager_types_part_of_a_name_picks_by_keyboard_and_assigns(
    page, live_server, org, employee, manager, other_manager
):
    make_course(title="Plain language", modules=1)
    night = OrgUnitFactory(code="NIGHT", name="Night Crew", parent=org["team_a"])
    _person("alex1", org["team_a"], manager, "310001")
    _person("alex2", night, manager, "310002")
    # Dana's Alex Martin: Bob must never be offered her.
    _person("alex3", org["team_b"], other_manager, "310003")
    due = timezone.localdate() + timedelta(days=20)

    sign_in(page, live_server, "bob", PASSWORD)
    page.goto(live_server.url + reverse("assignments:assign"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Assign training")
    page.get_by_label("Course or learning path").select_option(label="Plain language")
    page.get_by_label("One person").check()

    box = page.get_by_role("combobox", name="Person")
    box.press_sequentially("mart")
    matches = page.get_by_role("listbox", name="Person: matches")
    options = matches.get_by_role("option")
    expect(options).to_have_count(2)
    expect(page.get_by_text("2 people found")).to_be_visible()
    # Same name, told apart by employee number and unit.
    expect(options.nth(0)).to_contain_text("Alex Martin")
    expect(options.nth(0)).to_contain_text("310001 · Road Crew A")
    expect(options.nth(1)).to_contain_text("310002 · Night Crew")
    expect(box).to_have_attribute("aria-expanded", "true")
    assert_accessible(page)

    box.press("Escape")
    expect(matches).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press("ArrowDown")
    expect(options.nth(0)).to_have_attribute("aria-selected", "true")
    box.press("ArrowDown")
    expect(options.nth(1)).to_have_attribute("aria-selected", "true")
    expect(options.nth(0)).to_have_attribute("aria-selected", "false")
    expect(box).to_have_attribute("aria-activedescendant", "id_person-listbox-1")
    box.press("Enter")
    expect(box).to_have_value("Alex Martin (310002)")
    expect(matches).to_be_hidden()
    expect(page.get_by_text("Chosen: Alex Martin (310002).")).to_be_visible()

    page.get_by_label("On a fixed date").check()
    page.get_by_label("Due date").fill(due.isoformat())
    page.get_by_role("button", name="Assign").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Assigned Plain language to 1 person"
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("Plain language")
    people = page.get_by_role("table")
    expect(people.get_by_role("rowheader", name="Alex Martin")).to_have_count(1)
    assert_accessible(page)
    assigned = AssignedLearner.objects.values_list("user__username", flat=True)
    assert list(assigned) == ["alex2"]
