"""Wagtail hooks the courses app asks, for what upper apps add to its pages.

learner_due_dates (`LEARNER_DUE_DATES`)
    Functions called as ``fn(user=..., course_ids=[...])`` that return
    ``{course id: date}``: when the learner must complete each course. The
    catalogue cards and the course page show the earliest date any of them
    gives. Assignments (mandatory training) registers one; with none
    registered, courses show no due date and cost no query.
"""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from wagtail import hooks

LEARNER_DUE_DATES = "learner_due_dates"


def learner_due_dates(
    *, user: AbstractBaseUser | AnonymousUser, course_ids: list[int]
) -> dict[int, date]:
    """{course id: the earliest due date any registered app gives this learner}."""
    due: dict[int, date] = {}
    if not user.is_authenticated:
        return due
    for due_dates in hooks.get_hooks(LEARNER_DUE_DATES):
        for course_id, due_on in due_dates(user=user, course_ids=course_ids).items():
            due[course_id] = min(due.get(course_id, due_on), due_on)
    return due
