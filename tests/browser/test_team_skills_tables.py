"""Wide skills tables on a narrow screen: the person (or unit) stays in view while
the skills scroll past, and a keyboard user can scroll them (issue 13, item 15a)."""

from django.db import transaction

import pytest
from playwright.sync_api import expect

from tests.browser.checks import assert_accessible
from tests.browser.helpers import sign_in
from tests.people.factories import EmployeeFactory, UserFactory
from tests.personas import PASSWORD
from tests.skills.factories import (
    make_category,
    make_role,
    make_skill,
    rate,
    set_target,
)

pytestmark = pytest.mark.django_db(transaction=True)

SKILLS = 14


@pytest.fixture
def wide_team(org, manager):
    """Six of Bob's people under a role that targets fourteen skills."""
    role = make_role("CSR", "Customer service representative")
    category = make_category("Digital confidence")
    skills = [
        make_skill(f"Skill with a long name {n}", category=category)
        for n in range(SKILLS)
    ]
    for skill in skills:
        set_target(role, skill, 3)
    boss = manager.employee
    people = [
        EmployeeFactory(
            org_unit=boss.org_unit, manager=boss, user=UserFactory(), role_profile=role
        )
        for _ in range(6)
    ]
    with transaction.atomic():
        for n, person in enumerate(people):
            for skill in skills[:4]:
                rate(person, skill, n % 5)
    return people


def _scrolled_to_the_end(page, region_name: str) -> tuple:
    """Scroll the region all the way right; the row headers' and region's left edges."""
    region = page.get_by_role("region", name=region_name)
    expect(region).to_be_visible()
    assert region.evaluate("el => el.scrollWidth > el.clientWidth + 200")
    region.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    page.wait_for_function(
        "name => { const el = document.querySelector(`[aria-label='${name}']`);"
        " return el.scrollLeft > 0; }",
        arg=region_name,
    )
    header = region.get_by_role("rowheader").first
    return region.bounding_box()["x"], header.bounding_box()["x"], header


def test_the_matrix_keeps_each_person_in_view_while_the_skills_scroll(
    page, live_server, manager, wide_team
):
    page.set_viewport_size({"width": 800, "height": 900})
    sign_in(page, live_server, "bob", PASSWORD)
    page.goto(f"{live_server.url}/my/team/skills/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Team skills")
    assert_accessible(page)

    region_left, header_left, header = _scrolled_to_the_end(page, "Skills matrix")
    # Sticky: the person's name sits at the region's left edge, not scrolled away.
    assert abs(header_left - region_left) < 2
    expect(header).to_be_in_viewport()
    expect(header.get_by_role("link")).to_have_text(
        sorted(wide_team, key=lambda p: (p.last_name, p.first_name, p.pk))[
            0
        ].display_name
    )


def test_the_units_table_scrolls_from_the_keyboard_and_keeps_the_unit_in_view(
    page, live_server, manager, wide_team
):
    page.set_viewport_size({"width": 800, "height": 900})
    sign_in(page, live_server, "bob", PASSWORD)
    page.goto(f"{live_server.url}/my/team/skills/units/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Team skills by org unit")
    # axe's scrollable-region-focusable: the table has no links to tab to.
    assert_accessible(page)

    region = page.get_by_role("region", name="Skills by org unit")
    region.focus()
    expect(region).to_be_focused()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.activeElement.scrollLeft > 0")

    region_left, header_left, header = _scrolled_to_the_end(page, "Skills by org unit")
    assert abs(header_left - region_left) < 2
    expect(header).to_contain_text("Road Crew A")
