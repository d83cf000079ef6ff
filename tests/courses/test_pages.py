"""Page-type rules and the moderation workflow that publishes courses."""

from wagtail.models import Page, WorkflowState
from wagtail.test.utils import WagtailPageTestCase

import pytest

from courses.models import CourseIndexPage, CoursePage, LearningPathPage, ModulePage
from tests.courses.factories import make_course
from training_site.models import HomePage


class TestPageTypeRules(WagtailPageTestCase):
    def test_courses_and_paths_live_in_the_catalogue(self):
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage, LearningPathPage})
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})
        self.assertAllowedParentPageTypes(LearningPathPage, {CourseIndexPage})

    def test_modules_live_in_courses_only(self):
        self.assertAllowedSubpageTypes(CoursePage, {ModulePage})
        self.assertAllowedParentPageTypes(ModulePage, {CoursePage})
        self.assertAllowedSubpageTypes(ModulePage, set())

    def test_catalogue_sits_below_the_home_page(self):
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(HomePage, {Page})


@pytest.mark.django_db
def test_trainers_edit_but_cannot_publish_and_ld_admins_can(
    trainer, ld_admin, employee
):
    course = make_course(live=False)
    for_trainer = course.permissions_for_user(trainer)
    assert for_trainer.can_edit()
    assert not for_trainer.can_publish()
    assert course.get_parent().permissions_for_user(trainer).can_add_subpage()
    assert course.permissions_for_user(ld_admin).can_publish()
    assert not course.permissions_for_user(employee).can_edit()


@pytest.mark.django_db
def test_trainer_submits_and_ld_admin_approves_to_publish(trainer, ld_admin):
    course = make_course(title="Plain language writing", live=False)
    workflow = course.get_workflow()
    assert workflow is not None and workflow.name == "Course review"
    course.save_revision(user=trainer)
    state = workflow.start(course, trainer)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    task_state = state.current_task_state
    task = task_state.task.specific
    assert not task.user_can_access_editor(course, trainer) or "approve" not in [
        name for name, _label, _modal in task.get_actions(course, trainer)
    ]
    assert "approve" in [
        name for name, _label, _modal in task.get_actions(course, ld_admin)
    ]
    task.on_action(task_state, ld_admin, "approve")
    course.refresh_from_db()
    assert course.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


@pytest.mark.django_db
def test_published_course_appears_in_the_catalogue(employee, client):
    course = make_course(title="Plain language writing", live=False)
    client.force_login(employee)
    assert "Plain language writing" not in client.get("/courses/").text
    course.save_revision().publish()
    assert "Plain language writing" in client.get("/courses/").text
