"""The whole demo, seeded once for this module: what README promises, logins, re-runs.

Seeding takes about a minute, so every check that needs the whole demo lives here
and shares one seed (module-scoped, inside a transaction rolled back at the end);
each test still runs in its own savepoint, so none sees another's changes.
"""

import io
from collections import Counter

from django.apps import apps
from django.contrib.auth import authenticate, get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

import pytest

from assignments.models import AssignedLearner, Assignment
from assignments.selectors import learner_rows
from certificates.models import Certificate
from change.selectors import my_changes
from courses.models import CoursePage, LearningPathPage, ModulePage
from courses.quizzes.services import attempt_start, attempt_submit
from demo.skills import COURSE_OUTCOMES, skills_demo_seed
from people.models import Employee, OrgUnit, RoleProfile
from skills import models
from skills.models import SelfAssessment, Skill
from skills.selectors import my_skills, skills_matrix


def _row_counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label
        in {
            "people",
            "courses",
            "assignments",
            "skills",
            "certificates",
            "change",
            "training_site",
            "auth",
            "wagtailcore",
        }
    }


PASSWORD = "a demo password here"
# What README.md promises a newcomer who runs `make run`.
README_COURSES = {
    "Accessible customer service",
    "Agile delivery in government",
    "Cybersecurity essentials for city staff",
    "Getting started with CaseConnect, the new 311 case management system",
    "Human-centred service design",
    "Leading and living through change",
    "Responsible use of AI at work",
    "Working with data: from spreadsheets to decisions",
}
README_LOGINS = {
    "employee": "Priya Raman",
    "manager": "Daniel Tremblay",
    "trainer": "Marisol Vega",
    "admin": "Kenji Watanabe",
}


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The whole demo, seeded once; what seed_demo printed."""
    out = io.StringIO()
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", password=PASSWORD, stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)
    cache.clear()  # nothing cached from the rolled-back demo outlives it


def test_seed_demo_builds_the_demo_city_and_a_second_run_changes_nothing(
    seeded, db, rf
):
    first = _row_counts()
    assert first["people.Employee"] >= 10

    # The logins are printed and work.
    out = seeded
    for username in ["employee", "manager", "trainer", "admin"]:
        assert username in out
        assert authenticate(rf.get("/"), username=username, password=PASSWORD)
    assert PASSWORD in out

    # The personas have their places in the org.
    users = {u.username: u for u in get_user_model().objects.select_related("employee")}
    assert users["employee"].employee.manager == users["manager"].employee
    assert users["trainer"].groups.filter(name="Trainers").exists()
    assert users["admin"].groups.filter(name="L&D admins").exists()
    assert users["admin"].is_superuser

    # Mandatory training: a realistic mix of done, due soon and overdue.
    targets = {
        (a.course.slug, a.target): a
        for a in Assignment.objects.select_related("course")
    }
    everyone = targets[("accessible-customer-service", "everyone")]
    caseconnect = targets[("new-case-management-system", "org_unit")]
    assert everyone.learners.count() > 200
    assert caseconnect.target_unit.code == "DIV-311"
    statuses = Counter(
        AssignedLearner.objects.with_status().values_list("status", flat=True)
    )
    assert statuses["completed"] > 10
    assert statuses["due_soon"] > 100
    assert statuses["overdue"] > 10
    assert [
        (row.assignment.course.slug, row.status)
        for row in learner_rows(user=users["employee"])
    ] == [
        ("new-case-management-system", "overdue"),
        ("accessible-customer-service", "due_soon"),
    ]

    call_command("seed_demo", password=PASSWORD, stdout=io.StringIO())
    assert _row_counts() == first


def test_the_demo_has_what_the_readme_promises(seeded, db, rf):
    for username, name in README_LOGINS.items():
        user = authenticate(rf.get("/"), username=username, password=PASSWORD)
        assert f"{user.employee.first_name} {user.employee.last_name}" == name
    assert (OrgUnit.objects.count(), Employee.objects.count()) == (73, 300)
    divisions = OrgUnit.objects.filter(depth=1, code__startswith="DIV-")
    assert divisions.count() == 8
    assert OrgUnit.objects.get(code="OCM").name == "Office of the City Manager"
    live = CoursePage.objects.live()
    assert set(live.values_list("title", flat=True)) == README_COURSES
    assert ModulePage.objects.live().count() == 47
    assert LearningPathPage.objects.live().count() == 3
    # Including CaseConnect's, by the teams that finished it (assignments.toml).
    assert Certificate.objects.count() == 86
    assert SelfAssessment.objects.count() == 300
    assert Skill.objects.count() == 20
    assert RoleProfile.objects.count() == 8
    # The change half of the table: Priya has a check-in open, Daniel leads CaseConnect.
    priya = get_user_model().objects.get(username="employee").employee
    (caseconnect,) = my_changes(employee=priya)
    assert caseconnect.initiative.slug == "caseconnect"
    assert caseconnect.open_round is not None
    assert list(
        caseconnect.initiative.change_leads.values_list("username", flat=True)
    ) == ["manager"]


MODELS = [
    models.SkillCategory,
    models.Skill,
    models.SkillLevelDescriptor,
    models.RoleSkillTarget,
    models.CourseSkillOutcome,
    models.SelfAssessment,
    models.Assessment,
    models.CurrentSkillLevel,
]


def _counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_the_skills_seed_is_idempotent_and_shows_strengths_and_gaps(
    seeded, db, client_for
):
    first = _counts()
    skills_demo_seed()
    assert _counts() == first
    assert first["Skill"] >= 18 and first["SelfAssessment"] > 250
    for slug in COURSE_OUTCOMES:
        course = CoursePage.objects.get(slug=slug)
        assert course.skill_outcomes.exists(), slug
        # Saved through a revision, so the editor starts from them.
        latest = course.get_latest_revision_as_object()
        assert latest.skill_outcomes.count() == course.skill_outcomes.count()
    # Priya completed two courses in the courses seed, before outcomes existed.
    evidence = models.Assessment.objects.filter(
        employee__user__username="employee", kind="course"
    )
    assert evidence.values("enrolment").distinct().count() == 2

    # The demo manager's team has strengths, gaps and reviews waiting.
    users = get_user_model().objects.in_bulk(
        ["employee", "manager"], field_name="username"
    )
    priya = my_skills(employee=users["employee"].employee)
    gaps = {row.skill.code: row for row in priya["gaps"]}
    assert "new-systems" in gaps
    assert any(
        o.course.slug == "new-case-management-system"
        for o in gaps["new-systems"].courses
    )
    assert priya["notice"] is not None
    assert any(row.current and row.current.source == "manager" for row in priya["rows"])

    matrix = skills_matrix(user=users["manager"])
    gap_values = {
        cell.gap for _person, cells in matrix.rows(matrix.people) for cell in cells
    }
    assert 0 in gap_values and max(gap_values) >= 1
    queue = client_for(users["manager"]).get(reverse("skills:review-list")).text
    assert queue.count("Review<span") == 2


def test_every_seeded_demo_quiz_draws_from_a_pool_larger_than_the_draw(
    seeded, employee
):
    quizzes = [m for m in ModulePage.objects.live() if m.has_quiz]
    assert len(quizzes) >= 8
    for quiz in quizzes:
        assert quiz.questions_per_attempt, quiz.slug  # "empty" draws the whole pool
        assert len(quiz.questions) > quiz.questions_per_attempt, quiz.slug
        assert quiz.reveal_answers == ModulePage.Reveal.WRONG_UNTIL_DONE, quiz.slug
    # So attempts differ: the draw is random, but with 12 in the pool and 6
    # drawn, ten draws all alike would be about 1 in 10^26.
    quiz = quizzes[0]
    drawn = set()
    for _ in range(10):
        attempt = attempt_start(user=employee, module=quiz)
        assert len(attempt.questions) == quiz.questions_per_attempt
        drawn.add(frozenset(q["id"] for q in attempt.questions))
        attempt_submit(attempt=attempt, responses={})
        attempt.delete()  # so the attempts allowed never run out
    assert len(drawn) > 1


def test_the_demo_has_change_initiatives_with_answers_that_show_patterns(
    seeded, db, client_for
):
    from change.models import CheckInResponse, Initiative

    initiatives = {i.slug: i for i in Initiative.objects.all()}
    assert {slug: i.status for slug, i in initiatives.items()} == {
        "caseconnect": "active",
        "permit-portal": "active",
        "mobile-work-orders": "planned",
        "field-timesheets": "planned",
    }
    # CaseConnect counts the demo's existing CaseConnect training, not a copy.
    caseconnect = initiatives["caseconnect"]
    assert caseconnect.assignments.get().target_unit.code == "DIV-311"
    before = CheckInResponse.objects.filter(
        round__initiative=caseconnect, round__name="Before go-live"
    )
    barriers = Counter(
        before.filter(unit__code="TM-311-A").values_list("barrier_stage", flat=True)
    )
    assert barriers.most_common(1)[0][0] == 3  # stuck at Learn
    assert not before.filter(unit__code="TM-311-B").exclude(barrier_stage=None)
    # The demo employee has the open round still to answer.
    employee = get_user_model().objects.get(username="employee")
    page = client_for(employee).get(reverse("change:my-changes")).text
    assert "CaseConnect in the 311 Contact Centre" in page and "Check in" in page


def test_the_demo_readiness_dashboard_shows_team_a_stuck_at_learn(
    seeded, db, client_for
):
    manager = get_user_model().objects.get(username="manager")  # CaseConnect's lead
    url = reverse("change:readiness", args=["caseconnect"])

    page = client_for(manager).get(url)

    assert page.status_code == 200
    assert "Readiness: CaseConnect in the 311 Contact Centre" in page.text
    assert "Front Line Team A" in page.text
    rows = page.text.split("Barrier points and what to do")[1]
    team_a = rows.split("Front Line Team A")[1].split("</tr>")[0]
    assert "Learn" in team_a


def test_the_demo_adoption_shows_who_is_trained_using_or_neither(seeded, db):
    from change.adoption import adoption
    from change.models import Initiative
    from change.readiness import readiness

    def rows(slug):
        dashboard = readiness(
            initiative=Initiative.objects.get(slug=slug), unit_paths=None
        )
        return {
            row.name: figures for row, figures in adoption(dashboard=dashboard).rows
        }

    caseconnect = rows("caseconnect")
    # Ready before go-live, trained and using: Front Line Team B.
    team_b = caseconnect["Front Line Team B"]
    assert team_b.rate == 100 and team_b.trained_using.count == team_b.affected
    # Trained but not using (stuck at Apply since): Web and Chat.
    web = caseconnect["Web and Chat"]
    assert web.using == 0 and web.trained_not_using.count == web.affected
    # Stuck at Learn with the training unfinished, as before.
    team_a = caseconnect["Front Line Team A"]
    assert team_a.trained < team_a.affected / 2
    # The permit portal's pilot: inspectors using it without training; Street
    # Permits, unsure why, not using (and told in words: most are not ready).
    portal = rows("permit-portal")
    assert portal["Right-of-Way Inspections"].using_untrained.count == 6
    assert portal["Street Permits"].not_ready_not_using.most == "not_ready"


def test_the_demo_change_load_shows_transportation_over_the_limit(
    seeded, db, client_for
):
    # Permit portal, work orders and field timesheets: one month, three go-lives.
    from change.load import month_start
    from change.models import Initiative

    go_lives = {
        month_start(i.go_live)
        for i in Initiative.objects.filter(
            slug__in=["permit-portal", "mobile-work-orders", "field-timesheets"]
        )
    }
    assert len(go_lives) == 1
    admin = get_user_model().objects.get(username="admin")

    top = client_for(admin).get(reverse("change:load")).text
    permits = client_for(admin).get(
        reverse("change:load"), {"unit": OrgUnit.objects.get(code="SEC-TRN-PRM").pk}
    )

    over = top.split("Over the limit")[1].split("</ul>")[0]
    assert "Transportation Services, " in over
    assert "3 go-lives — over the limit of 2" in over
    rows = permits.text.split("<tbody>")[1].split("</tr>")
    street = next(row for row in rows if "Street Permits" in row)
    assert "over the limit of 2" in street
