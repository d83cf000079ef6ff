"""Mandatory training end to end: Bob assigns a course to his team, Alice sees it first."""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest
from playwright.sync_api import expect

from tests.browser.checks import assert_accessible
from tests.browser.helpers import sign_in
from tests.courses.factories import make_course
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_manager_assigns_a_course_and_the_employee_sees_it_first(
    page, live_server, employee, manager
):
    make_course(title="Cybersecurity essentials", modules=2)
    make_course(title="Plain language", modules=1)
    due = timezone.localdate() + timedelta(days=30)

    # Bob finds the page from the navigation and assigns to everyone below him.
    sign_in(page, live_server, "bob", PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Assigned training"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Assigned training")
    assert_accessible(page)
    page.get_by_role("link", name="Assign training").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Assign training")
    assert_accessible(page)
    page.get_by_label("Course or learning path").select_option(
        label="Cybersecurity essentials"
    )
    page.get_by_label("Everyone below me").check()
    page.get_by_label("On a fixed date").check()
    page.get_by_label("Due date").fill(due.isoformat())
    page.get_by_label("Why (shown to the people assigned)").fill(
        "Required for all road crews this year"
    )
    page.get_by_role("button", name="Assign").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Assigned Cybersecurity essentials to 1 person"
    )
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Cybersecurity essentials"
    )
    people = page.get_by_role("table")
    expect(people.get_by_role("rowheader", name="Alice Arsenault")).to_be_visible()
    expect(people).to_contain_text("Not started")
    assert_accessible(page)

    # Alice is away for a week: Bob extends her due date, and it is logged.
    due += timedelta(days=7)
    people.get_by_role("link", name="Extend Alice Arsenault").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Extend the due date: Alice Arsenault"
    )
    assert_accessible(page)
    page.get_by_label("New due date").fill(due.isoformat())
    page.get_by_label("Reason").fill("Away on training for a week")
    page.get_by_role("button", name="Extend").click()
    expect(page.get_by_role("status")).to_contain_text("Alice Arsenault is now due")
    row = page.get_by_role("row", name="Alice Arsenault")
    expect(row).to_contain_text("Due date extended")
    expect(row).to_contain_text("Away on training for a week")
    assert_accessible(page)

    # Alice sees it at the top of My learning, with its due date.
    page.context.clear_cookies()
    sign_in(page, live_server, "alice", PASSWORD)
    page.goto(live_server.url + reverse("training_site:my-learning"))
    first_section = page.locator("main section").first
    expect(first_section.get_by_role("heading", level=2)).to_have_text(
        "Assigned to you"
    )
    first_item = first_section.get_by_role("listitem").first
    expect(first_item.get_by_role("link")).to_have_text("Cybersecurity essentials")
    expect(first_item.locator("time")).to_have_attribute("datetime", due.isoformat())
    expect(first_item).to_contain_text(f"Due {due.day} {due:%B %Y}")
    expect(first_item).to_contain_text("Required for all road crews this year")
    assert_accessible(page)

    # Never opened, it is "Not started" with Start, not "In progress 0%".
    not_started = page.locator(
        "section", has=page.get_by_role("heading", name="Not started", exact=True)
    )
    expect(not_started.get_by_role("listitem")).to_contain_text(
        ["Cybersecurity essentials"]
    )
    expect(not_started.get_by_role("link", name=re.compile(r"^Start"))).to_be_visible()
    in_progress = page.locator(
        "section", has=page.get_by_role("heading", name="In progress", exact=True)
    )
    expect(in_progress).to_contain_text("Nothing in progress.")

    # The course page says when it is due, and offers Start.
    first_item.get_by_role("link").click()
    expect(page.locator(".course-due")).to_contain_text(f"Due {due.day} {due:%B %Y}")
    actions = page.locator(".course-actions")
    expect(actions).to_contain_text("Not started")
    assert_accessible(page)
    actions.get_by_role("link", name=re.compile(r"^Start")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Module 1 of course")

    # Opened once, it is in progress, with Resume.
    page.goto(live_server.url + reverse("training_site:my-learning"))
    expect(in_progress.get_by_role("link", name=re.compile(r"^Resume"))).to_be_visible()
    expect(page.get_by_role("heading", name="Not started", exact=True)).to_have_count(0)
    assert_accessible(page)


def test_every_status_reads_well_and_passes_axe(
    page, live_server, employee, manager, org
):
    """Overdue, due soon, exempt and lift: the badges and buttons on both sides."""
    from assignments.models import AssignedLearner, Assignment
    from assignments.services import assignment_create, learner_exempt
    from tests.people.factories import EmployeeFactory, UserFactory

    for n in range(2):
        EmployeeFactory(
            user=UserFactory(username=f"crew{n}", first_name="Crew", last_name=f"{n}"),
            org_unit=org["team_a"],
            manager=manager.employee,
        )
    today = timezone.localdate()
    assignment = assignment_create(
        actor=manager,
        course=make_course(title="Safe digging", modules=1),
        target=Assignment.Target.TEAM,
        target_employee=manager.employee,
        due_date=today + timedelta(days=5),
    ).assignment
    rows = list(assignment.learners.order_by("user__username"))
    AssignedLearner.objects.filter(pk=rows[0].pk).update(
        due_on=today - timedelta(days=2)
    )
    learner_exempt(learner=rows[1], actor=manager, reason="Trained elsewhere")

    sign_in(page, live_server, "bob", PASSWORD)
    page.goto(live_server.url + reverse("assignments:detail", args=[assignment.pk]))
    expect(page.get_by_role("row", name="Alice Arsenault")).to_contain_text("Overdue")
    expect(page.get_by_role("row", name="Crew 0")).to_contain_text("Exempt")
    expect(page.get_by_role("row", name="Crew 1")).to_contain_text("Due soon")
    assert_accessible(page)
    page.goto(live_server.url + reverse("assignments:list"))
    assert_accessible(page)

    page.context.clear_cookies()
    sign_in(page, live_server, "alice", PASSWORD)
    page.goto(live_server.url + reverse("training_site:my-learning"))
    expect(
        page.get_by_role("listitem").filter(has_text="Safe digging").first
    ).to_contain_text("Overdue: was due")
    assert_accessible(page)
    page.goto(live_server.url + "/courses/")
    expect(page.locator(".course-due")).to_contain_text("Overdue: was due")
    assert_accessible(page)
