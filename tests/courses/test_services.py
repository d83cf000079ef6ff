"""Enrolment, module completion and course completion: right, once, and history-safe."""

import pytest

from courses.models import Enrolment, ModuleCompletion, ModulePage
from courses.services import CourseError, enrolment_create, module_complete
from courses.signals import course_completed
from tests.courses.factories import make_course, make_module, modules_of


@pytest.fixture
def completions():
    """Every course_completed signal sent during the test."""
    received = []

    def receiver(sender, enrolment, **kwargs):
        received.append(enrolment.pk)

    course_completed.connect(receiver, dispatch_uid="test-receiver")
    yield received
    course_completed.disconnect(dispatch_uid="test-receiver")


@pytest.fixture
def complete(django_capture_on_commit_callbacks):
    """module_complete, with its after-commit work (the signal) run as on a real commit."""

    def run(user, module):
        with django_capture_on_commit_callbacks(execute=True):
            return module_complete(user=user, module=module)

    return run


def _finish(complete, user, course):
    for module in modules_of(course):
        if module.is_required:
            enrolment = complete(user, module)
    return enrolment


@pytest.mark.django_db
def test_completing_every_required_module_completes_the_course_once(
    employee, completions, complete
):
    course = make_course(modules=3)
    modules = modules_of(course)
    complete(employee, modules[0])
    complete(employee, modules[1])
    assert completions == []
    enrolment = complete(employee, modules[2])
    assert enrolment.completed_at is not None
    assert completions == [enrolment.pk]
    # Doing it all again changes nothing and announces nothing.
    _finish(complete, employee, course)
    assert completions == [enrolment.pk]
    assert ModuleCompletion.objects.filter(enrolment=enrolment).count() == 3


@pytest.mark.django_db
def test_optional_modules_are_not_needed(employee, completions, complete):
    course = make_course(modules=2, optional=1)
    enrolment = _finish(complete, employee, course)
    assert enrolment.completed_at is not None
    optional = [m for m in modules_of(course) if not m.is_required][0]
    assert not ModuleCompletion.objects.filter(module=optional).exists()
    assert len(completions) == 1


@pytest.mark.django_db
def test_enrolling_twice_gives_one_enrolment(employee):
    course = make_course()
    first = enrolment_create(user=employee, course=course)
    second = enrolment_create(user=employee, course=course)
    assert first.pk == second.pk
    assert Enrolment.objects.filter(user=employee).count() == 1


@pytest.mark.django_db
def test_unpublished_content_cannot_be_taken(employee):
    course = make_course(live=False)
    with pytest.raises(CourseError) as error:
        enrolment_create(user=employee, course=course)
    assert error.value.code == "course_not_live"
    draft = make_module(make_course(), title="Draft", live=False)
    with pytest.raises(CourseError) as error:
        module_complete(user=employee, module=draft)
    assert error.value.code == "module_not_live"


@pytest.mark.django_db
def test_a_module_added_after_completion_leaves_the_completion_intact(
    employee, complete
):
    course = make_course(modules=2)
    enrolment = _finish(complete, employee, course)
    snapshot_ids = [m["id"] for m in enrolment.completion_snapshot["required_modules"]]
    make_module(course, title="New regulations")
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    assert snapshot_ids == [m.pk for m in modules_of(course)[:2]]
    assert enrolment.completion_snapshot["course_title"] == course.title


@pytest.mark.django_db
def test_a_removed_module_does_not_block_or_break_progress(employee, client):
    course = make_course(modules=3)
    modules = modules_of(course)
    module_complete(user=employee, module=modules[0])
    module_complete(user=employee, module=modules[1])
    ModulePage.objects.get(pk=modules[1].pk).delete()
    # The completion row for the deleted module survives as history.
    assert ModuleCompletion.objects.filter(module_id=modules[1].pk).exists()
    client.force_login(employee)
    assert client.get(course.url).status_code == 200
    assert client.get("/my/learning/").status_code == 200
    enrolment = module_complete(user=employee, module=modules[2])
    assert enrolment.completed_at is not None


@pytest.mark.django_db
def test_the_course_resumes_where_the_learner_left_off(employee, client):
    course = make_course(modules=3)
    modules = modules_of(course)
    module_complete(user=employee, module=modules[0])
    client.force_login(employee)
    client.get(modules[1].url)
    page = client.get(course.url).text
    assert f'href="{modules[1].url}"' in page
    assert "Continue" in page
