"""Completing a course records its skill outcomes as evidence: once per completion."""

import io

from django.core.management import call_command
from django.db import IntegrityError, transaction

import pytest

from courses.models import Enrolment
from courses.services import module_complete
from courses.signals import course_completed
from skills.models import Assessment, CurrentSkillLevel
from skills.services import course_evidence_backfill
from tests.courses.factories import make_course, modules_of
from tests.people.factories import UserFactory
from tests.skills.factories import add_outcome


@pytest.fixture
def complete(django_capture_on_commit_callbacks):
    """module_complete, with its after-commit work (the signal) run as on a real commit."""

    def run(user, module):
        with django_capture_on_commit_callbacks(execute=True):
            return module_complete(user=user, module=module)

    return run


@pytest.fixture
def course(framework):
    course = make_course(title="Data for everyone", modules=2)
    add_outcome(course, framework["skills"]["data"], 3)
    add_outcome(course, framework["skills"]["cyber"], 1)
    return course


def _finish(complete, user, course):
    for module in modules_of(course):
        enrolment = complete(user, module)
    return enrolment


@pytest.mark.django_db
def test_completion_records_each_outcome_once(employee, framework, course, complete):
    alice = employee.employee
    complete(employee, modules_of(course)[0])
    assert not Assessment.objects.exists()  # not complete yet

    enrolment = _finish(complete, employee, course)
    evidence = Assessment.objects.filter(employee=alice, kind="course")
    assert sorted(evidence.values_list("skill__code", "level")) == [
        ("cyber", 1),
        ("data-literacy", 3),
    ]
    assert set(evidence.values_list("enrolment_id", flat=True)) == {enrolment.pk}
    assert set(evidence.values_list("note", flat=True)) == {"Data for everyone"}
    level = CurrentSkillLevel.objects.get(
        employee=alice, skill=framework["skills"]["data"]
    )
    assert (level.level, level.source, level.is_confirmed) == (3, "course", True)

    # Completing the modules again, and the signal arriving twice, add nothing.
    _finish(complete, employee, course)
    course_completed.send(sender=Enrolment, enrolment=enrolment)
    course_completed.send(sender=Enrolment, enrolment=enrolment)
    assert Assessment.objects.filter(kind="course").count() == 2


@pytest.mark.django_db
def test_the_database_refuses_a_second_copy(employee, framework, course, complete):
    enrolment = _finish(complete, employee, course)
    with pytest.raises(IntegrityError), transaction.atomic():
        Assessment.objects.create(
            employee=employee.employee,
            skill=framework["skills"]["data"],
            kind="course",
            level=3,
            enrolment=enrolment,
        )


@pytest.mark.django_db
def test_a_course_without_outcomes_records_nothing(employee, framework, complete):
    _finish(complete, employee, make_course(modules=1))
    assert not Assessment.objects.exists()


@pytest.mark.django_db
def test_an_account_without_an_employee_record_is_skipped(framework, course, complete):
    contractor = UserFactory(username="contractor")
    enrolment = _finish(complete, contractor, course)
    assert enrolment.completed_at is not None
    assert not Assessment.objects.exists()


@pytest.mark.django_db
def test_backfill_covers_completions_from_before_the_outcomes(
    employee, framework, complete
):
    course = make_course(modules=1)
    _finish(complete, employee, course)
    assert not Assessment.objects.exists()
    add_outcome(course, framework["skills"]["plain"], 2)

    assert course_evidence_backfill() == 1
    out = io.StringIO()
    call_command("backfill_course_evidence", stdout=out)  # again: nothing new
    assert "checked for 1 completions" in out.getvalue()
    evidence = Assessment.objects.get()
    assert (evidence.kind, evidence.level) == ("course", 2)
    assert CurrentSkillLevel.objects.get(employee=employee.employee).level == 2
