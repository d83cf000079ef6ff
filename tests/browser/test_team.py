"""Monday morning: Bob opens My team, finds who is overdue, checks skills, exports them."""

from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from assignments.models import AssignedLearner, Assignment
from assignments.services import assignment_create
from tests.browser.checks import assert_accessible
from tests.browser.helpers import sign_in
from tests.courses.factories import make_course
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


@pytest.fixture
def team(employee, manager):
    """Bob's team: Alice and two more, a role with two target skills, one overdue."""
    role = make_role("CSR", "Customer service representative")
    data = make_skill(
        "Data literacy", code="data", category=make_category("Data", sort_order=1)
    )
    cyber = make_skill(
        "Cybersecurity", code="cyber", category=make_category("Digital", sort_order=2)
    )
    set_target(role, data, 3)
    set_target(role, cyber, 2)
    boss = manager.employee
    people = [employee.employee] + [
        EmployeeFactory(
            org_unit=boss.org_unit,
            manager=boss,
            user=UserFactory(),
            first_name=first,
            last_name=last,
        )
        for first, last in [("Omar", "Haddad"), ("Zoe", "Zhang")]
    ]
    for person, (data_level, cyber_level) in zip(
        people, [(3, 1), (1, 2), (2, 0)], strict=True
    ):
        person.role_profile = role
        person.save(update_fields=["role_profile"])
        # As the services run in a request: inside a transaction (PostgreSQL
        # refuses their row locks without one; this test runs in autocommit).
        with transaction.atomic():
            rate(person, data, data_level)
            rate(person, cyber, cyber_level, kind="self")
    overdue = people[2]
    assignment_create(
        actor=manager,
        course=make_course(title="Accessibility for public service", modules=1),
        target=Assignment.Target.EMPLOYEE,
        target_employee=overdue,
        due_date=timezone.localdate() - timedelta(days=5),
    )
    return {"people": people, "overdue": overdue}


def test_manager_reviews_the_team_and_exports_the_skills_matrix(
    page, live_server, manager, team, tmp_path
):
    sign_in(page, live_server, "bob", PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="My team"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My team")
    assert_accessible(page)

    # The people list, sorted by overdue: Zoe (5 days late) comes first.
    page.get_by_role("link", name="people in your team").click()
    page.get_by_role("link", name="Overdue", exact=True).click()
    first_row = page.get_by_role("table").get_by_role("row").nth(1)
    expect(first_row).to_contain_text(team["overdue"].display_name)
    expect(page.get_by_role("columnheader", name="Overdue")).to_have_attribute(
        "aria-sort", "descending"
    )
    assert_accessible(page)

    # The skills matrix: numbers in the cells, then one person's page.
    page.get_by_role("link", name="My team").first.click()
    page.get_by_role("link", name="Skills matrix").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Team skills")
    assert_accessible(page)
    on_screen = {}
    for row in page.locator("table.matrix tbody tr").all():
        name = row.get_by_role("rowheader").inner_text().strip()
        on_screen[name] = [
            cell.inner_text().split()[0].rstrip("*")
            for cell in row.locator("td.cell").all()
        ]
    assert set(on_screen) == {p.display_name for p in team["people"]}

    page.get_by_role("link", name=team["people"][1].display_name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        team["people"][1].display_name
    )
    expect(page.get_by_role("heading", name="Skills")).to_be_visible()
    assert_accessible(page)
    page.go_back()

    with page.expect_download() as download:
        page.get_by_role("link", name="Download Excel (XLSX)").click()
    path = tmp_path / "matrix.xlsx"
    download.value.save_as(path)
    sheet = load_workbook(path, read_only=True).active
    header, *rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    name_at, level_at = header.index("Name"), header.index("Current level")
    exported = {}
    for row in rows:
        exported.setdefault(row[name_at], []).append(str(row[level_at]))
    assert exported == on_screen


def test_manager_reads_training_statuses_that_add_up_to_assigned(
    page, live_server, manager, team
):
    """Every person counts in one status column, so the row adds up to Assigned."""
    alice, omar, _zoe = team["people"]
    records = assignment_create(
        actor=manager,
        course=make_course(title="Records management", modules=1),
        target=Assignment.Target.TEAM,
        target_employee=manager.employee,
        due_date=timezone.localdate() + timedelta(days=30),
    ).assignment
    # Alice has started; Omar's date was brought forward (due soon); Zoe has not.
    learners = AssignedLearner.objects.filter(assignment=records)
    learners.filter(user=alice.user).update(started_at=timezone.now())
    learners.filter(user=omar.user).update(
        due_on=timezone.localdate() + timedelta(days=5)
    )

    sign_in(page, live_server, "bob", PASSWORD)
    page.goto(live_server.url + reverse("reports:my-team"))
    page.get_by_role(
        "link", name="Training: each assignment, by org unit and month"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Training")
    table = page.get_by_role("table")
    expect(table.get_by_role("columnheader")).to_have_text(
        [
            "Course or learning path",
            "Assigned",
            "Completed",
            "In progress",
            "Not started",
            "Due soon",
            "Overdue",
            "Completed on time",
        ]
    )
    row = table.get_by_role("row").filter(has_text="Records management")
    expect(row.get_by_role("cell")).to_have_text(["3", "0", "1", "1", "1", "0", "–"])
    row = table.get_by_role("row").filter(has_text="Accessibility for public service")
    expect(row.get_by_role("cell")).to_have_text(["1", "0", "0", "0", "0", "1", "0%"])
    assert_accessible(page)
