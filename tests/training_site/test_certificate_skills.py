"""The site joins certificates and skills: a certificate lists what its course builds."""

import pytest

from certificates.models import Certificate
from certificates.rendering import certificate_record
from courses.models import CourseIndexPage, LearningPathCourse, LearningPathPage
from courses.services import module_complete
from tests.courses.factories import make_course, modules_of
from tests.skills.factories import add_outcome, make_category, make_skill


@pytest.fixture
def complete(django_capture_on_commit_callbacks):
    """Complete every module of a course as the learner, running after-commit work."""

    def run(user, course) -> None:
        with django_capture_on_commit_callbacks(execute=True):
            for module in modules_of(course):
                module_complete(user=user, module=module)

    return run


@pytest.mark.django_db
def test_a_certificate_issued_on_completion_lists_the_course_skills(employee, complete):
    digital = make_category("Digital", sort_order=1)
    people = make_category("People", sort_order=2)
    course = make_course(title="Data essentials", modules=2)
    add_outcome(course, make_skill("Plain language", category=people), 2)
    add_outcome(course, make_skill("Data literacy", category=digital), 3)
    add_outcome(course, make_skill("Retired", category=digital, is_active=False), 2)
    add_outcome(make_course(title="Other"), make_skill("Drones", category=digital), 2)

    complete(employee, course)

    certificate = Certificate.objects.get(user=employee, course_id=course.pk)
    # Framework order (category, then name); a retired skill is not attested.
    assert certificate.skills == ["Data literacy", "Plain language"]
    assert certificate_record(certificate)["skills"] == certificate.skills


@pytest.mark.django_db
def test_a_path_certificate_lists_the_skills_of_all_its_courses(employee, complete):
    first, second = make_course(title="Basics"), make_course(title="Stories")
    digital = make_category("Digital")
    shared = make_skill("Data literacy", category=digital)
    add_outcome(first, shared, 2)
    add_outcome(second, shared, 3)
    add_outcome(second, make_skill("Storytelling", category=digital), 2)
    path = LearningPathPage(title="Data path", slug="data-path")
    path.path_courses = [
        LearningPathCourse(course=first, sort_order=0),
        LearningPathCourse(course=second, sort_order=1),
    ]
    CourseIndexPage.objects.get().add_child(instance=path)

    complete(employee, first)
    complete(employee, second)

    assert Certificate.objects.get(learning_path=path).skills == [
        "Data literacy",
        "Storytelling",
    ]
