"""Course pages and learner actions: who may do what, what they see, and at what cost."""

from datetime import timedelta

from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

import pytest

from assignments.models import Assignment
from assignments.services import assignment_create
from courses.models import (
    CourseIndexPage,
    CoursePage,
    Enrolment,
    LearningPathCourse,
    LearningPathPage,
    ModuleCompletion,
)
from courses.services import module_complete
from tests.courses.factories import make_course, make_module, modules_of, paragraph
from tests.personas import LOGIN, PERSONAS, every_persona


@pytest.fixture
def course(db):
    return make_course(title="Working with open data", modules=3, optional=1)


@pytest.mark.django_db
def test_course_pages_need_a_login_and_are_open_to_all_staff(course, persona_matrix):
    module = modules_of(course)[0]
    for url in ["/courses/", course.url, module.url]:
        persona_matrix(url, every_persona(200, anonymous=LOGIN))


@pytest.mark.django_db
def test_what_is_not_a_live_course_at_a_course_url_goes_on_to_wagtail(
    course, employee, client
):
    """A learning path shares the course URLs; drafts and unknown slugs are 404."""
    path = LearningPathPage(
        title="New tools programme",
        slug="new-tools",
        path_courses=[LearningPathCourse(course=course, sort_order=0)],
    )
    CourseIndexPage.objects.get().add_child(instance=path)
    path.save_revision().publish()
    draft = make_course(title="Not yet published", live=False)
    client.force_login(employee)
    page = client.get("/courses/new-tools/")
    assert page.status_code == 200
    assert "<h1>New tools programme" in page.text
    assert "Working with open data" in page.text
    assert client.get(f"/courses/{draft.slug}/").status_code == 404
    assert client.get("/courses/no-such-course/").status_code == 404


@pytest.mark.django_db
@override_settings(CATALOGUE_PUBLIC=True)
def test_a_public_catalogue_shows_a_course_page_to_anonymous_visitors(course, client):
    page = client.get(course.url)
    assert page.status_code == 200
    assert "Sign in to enrol" in page.text


@pytest.mark.django_db
def test_learner_actions_are_posts_for_signed_in_staff(
    course, personas, client_for, persona_matrix
):
    module = modules_of(course)[0]
    enrol = reverse("courses:enrol", args=[course.pk])
    complete = reverse("courses:complete-module", args=[module.pk])
    for url in [enrol, complete]:
        assert client_for(personas["employee"]).get(url).status_code == 405
        persona_matrix(url, every_persona(302, anonymous=LOGIN), method="post")
    assert Enrolment.objects.filter(course=course).count() == len(PERSONAS) - 1


@pytest.mark.django_db
def test_enrol_and_complete_are_idempotent(course, employee, client):
    client.force_login(employee)
    module = modules_of(course)[0]
    for _ in range(3):
        client.post(reverse("courses:enrol", args=[course.pk]))
        client.post(reverse("courses:complete-module", args=[module.pk]))
    assert Enrolment.objects.filter(user=employee).count() == 1
    assert ModuleCompletion.objects.filter(enrolment__user=employee).count() == 1


@pytest.mark.django_db
def test_unknown_or_draft_content_is_404_for_actions(employee, client):
    client.force_login(employee)
    draft = make_course(live=False)
    assert client.post(reverse("courses:enrol", args=[draft.pk])).status_code == 404
    assert (
        client.post(reverse("courses:complete-module", args=[999999])).status_code
        == 404
    )


@pytest.mark.django_db
def test_course_page_shows_ticks_progress_and_continue(course, employee, client):
    modules = modules_of(course)
    module_complete(user=employee, module=modules[0])
    client.force_login(employee)
    page = client.get(course.url).text
    assert "In progress" in page
    assert "33% complete" in page  # 1 of 3 required modules
    assert page.count("Done</span>") == 1
    assert "Continue" in page
    assert "optional" in page


@pytest.mark.django_db
def test_course_page_warns_about_missing_prerequisites(employee, client):
    basics = make_course(title="Data basics")
    advanced = make_course(title="Advanced data")
    advanced.prerequisites.add(basics)
    advanced.save_revision().publish()
    client.force_login(employee)
    page = client.get(advanced.url).text
    assert "this course builds on" in page
    assert "Data basics" in page
    for module in modules_of(basics):
        module_complete(user=employee, module=module)
    assert "this course builds on" not in client.get(advanced.url).text


@pytest.mark.django_db
def test_module_page_offers_mark_complete_then_shows_done(course, employee, client):
    module = modules_of(course)[0]
    client.force_login(employee)
    assert "Mark as complete" in client.get(module.url).text
    response = client.post(
        reverse("courses:complete-module", args=[module.pk]), follow=True
    )
    assert "marked as complete" in response.text
    page = client.get(module.url).text
    assert "You have completed this module." in page
    assert "Mark as complete" not in page


@pytest.mark.django_db
def test_finishing_the_last_module_lands_on_the_course_saying_complete(
    course, employee, client
):
    client.force_login(employee)
    required = [m for m in modules_of(course) if m.is_required]
    for module in required[:-1]:
        module_complete(user=employee, module=module)
    response = client.post(
        reverse("courses:complete-module", args=[required[-1].pk]), follow=True
    )
    assert "Course complete" in response.text
    assert "Completed" in response.text


@pytest.mark.django_db
def test_catalogue_search_and_filters(employee, client):
    make_course(
        title="Cybersecurity essentials", summary="Phishing, passwords and safe habits."
    )
    data = make_course(
        title="Working with data",
        summary="Spreadsheets to decisions.",
        level="intermediate",
        duration_minutes=90,
    )
    data.topics.add("data literacy")
    data.save_revision().publish()
    client.force_login(employee)
    found = client.get("/courses/", {"q": "phishing"}).text
    assert "Cybersecurity essentials" in found
    assert "Working with data" not in found
    by_level = client.get("/courses/", {"level": "intermediate"}).text
    assert (
        "Working with data" in by_level and "Cybersecurity essentials" not in by_level
    )
    by_topic = client.get("/courses/", {"topic": "data-literacy"}).text
    assert (
        "Working with data" in by_topic and "Cybersecurity essentials" not in by_topic
    )
    by_length = client.get("/courses/", {"duration": "short"}).text
    assert (
        "Cybersecurity essentials" in by_length and "Working with data" not in by_length
    )


@pytest.mark.django_db
def test_catalogue_cards_show_each_learners_state(employee, peer, client):
    started = make_course(title="Started course", modules=2)
    done = make_course(title="Finished course", modules=1)
    make_course(title="Untouched course")
    module_complete(user=employee, module=modules_of(started)[0])
    module_complete(user=employee, module=modules_of(done)[0])
    client.force_login(employee)
    page = client.get("/courses/").text
    assert "50% complete" in page
    assert page.count(">Completed<") == 1 or "Completed</span>" in page
    assert "Not started" in page
    client.force_login(peer)
    assert "50% complete" not in client.get("/courses/").text


@pytest.mark.django_db
def test_my_learning_lists_in_progress_with_resume_and_completed(employee, client):
    started = make_course(title="Started course", modules=2)
    done = make_course(title="Finished course", modules=1)
    module_complete(user=employee, module=modules_of(started)[0])
    module_complete(user=employee, module=modules_of(done)[0])
    client.force_login(employee)
    page = client.get(reverse("training_site:my-learning")).text
    in_progress, completed = page.split('id="completed-heading"')
    assert "Started course" in in_progress and "Resume" in in_progress
    assert "Finished course" in completed


def _grow_catalogue(user, courses: int, modules: int):
    made = [make_course(modules=modules) for _ in range(courses)]
    for course in made[: courses // 2]:
        module_complete(user=user, module=modules_of(course)[0])
    return made


@pytest.mark.django_db
@pytest.mark.parametrize("courses,modules", [(2, 2), (8, 6)])
def test_catalogue_queries_do_not_grow(
    courses, modules, employee, client, django_assert_max_num_queries
):
    _grow_catalogue(employee, courses, modules)
    client.force_login(employee)
    client.get("/courses/")  # warm the site-root cache
    # 16, plus one for the due dates of assigned courses (due_dates_for).
    with django_assert_max_num_queries(17):
        assert client.get("/courses/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("modules,done", [(2, 1), (12, 11)])
def test_course_page_takes_at_most_eight_queries(
    modules, done, employee, client, django_assert_max_num_queries
):
    """Whatever the modules and progress rows; assigned, with a prerequisite to check."""
    before = make_course(title="Digital basics", modules=1)
    course = make_course(modules=modules)
    course.prerequisites.add(before)
    course.save_revision().publish()
    assignment_create(
        actor=None,
        course=course,
        target=Assignment.Target.EMPLOYEE,
        target_employee=employee.employee,
        due_date=timezone.localdate() + timedelta(days=30),
    )
    for module in modules_of(course)[:done]:
        module_complete(user=employee, module=module)
    client.force_login(employee)
    client.get(course.url)
    with django_assert_max_num_queries(8):
        page = client.get(course.url)
    assert page.status_code == 200
    assert page.text.count("✓</span> Done") == done
    assert "Digital basics" in page.text  # the prerequisite not yet taken
    assert 'class="small mb-1 course-due"' in page.text


@pytest.mark.django_db
@pytest.mark.parametrize("modules,done", [(2, 1), (12, 11)])
def test_a_learners_enrolment_and_ticks_cost_one_query(
    modules, done, employee, client, django_assert_num_queries
):
    """Session, user, enrolment with its ticks, due dates; the module page has no due date."""
    course = make_course(modules=modules)
    chosen = modules_of(course)
    for module in chosen[:done]:
        module_complete(user=employee, module=module)
    client.force_login(employee)
    client.get(course.url)
    client.get(chosen[done - 1].url)  # resume here, so the next visit writes nothing
    with django_assert_num_queries(4):
        page = client.get(course.url)
    assert page.text.count("✓</span> Done") == done
    with django_assert_num_queries(3):
        page = client.get(chosen[done - 1].url)
    assert page.text.count('class="tick"> ✓</span>') == done  # the outline's ticks


@pytest.mark.django_db
@pytest.mark.parametrize("modules", [2, 12])
def test_module_page_takes_at_most_eight_queries(
    modules, employee, client, django_assert_max_num_queries
):
    course = make_course(modules=modules)
    chosen = modules_of(course)
    for module in chosen[: modules // 2]:
        module_complete(user=employee, module=module)
    client.force_login(employee)
    client.get(chosen[-1].url)
    with django_assert_max_num_queries(8):
        assert client.get(chosen[-1].url).status_code == 200
    with django_assert_max_num_queries(8):
        assert (
            client.get(chosen[0].url).status_code == 200
        )  # moves "resume here": one UPDATE


@pytest.mark.django_db
@pytest.mark.parametrize("courses", [2, 10])
def test_my_learning_queries_do_not_grow(
    courses, employee, client, django_assert_max_num_queries
):
    for course in _grow_catalogue(employee, courses, 3):
        module_complete(user=employee, module=modules_of(course)[0])
    client.force_login(employee)
    client.get(reverse("training_site:my-learning"))
    with django_assert_max_num_queries(12):
        assert client.get(reverse("training_site:my-learning")).status_code == 200


@pytest.mark.django_db
def test_a_published_change_or_unpublishing_shows_at_once_despite_the_cache(
    employee, client
):
    course = make_course(modules=2)
    module = modules_of(course)[0]
    client.force_login(employee)
    assert "The lesson text of" in client.get(module.url).text

    module.title = "Spotting phishing, revised"
    module.body = paragraph("A rewritten lesson.")
    module.save_revision().publish()
    page = client.get(module.url).text
    assert "Spotting phishing, revised" in page
    assert "A rewritten lesson." in page

    module.unpublish()
    assert client.get(module.url).status_code == 404


@pytest.mark.django_db
def test_a_published_course_change_shows_at_once_despite_the_cache(employee, client):
    course = make_course(modules=2)
    client.force_login(employee)
    assert course.title in client.get(course.url).text

    course.title = "Open data, revised"
    course.description = "<p>A rewritten description.</p>"
    course.save_revision().publish()
    added = make_module(course, title="A module added later", live=False)
    added.save_revision().publish()
    page = client.get(course.url).text
    assert "Open data, revised" in page
    assert "<p>A rewritten description.</p>" in page  # rendered, not escaped
    assert "A module added later" in page

    CoursePage.objects.get(pk=course.pk).unpublish()
    assert client.get(course.url).status_code == 404
