"""Mandatory training in the Wagtail admin, and the due dates courses show."""

from wagtail import hooks

from courses.hooks import LEARNER_DUE_DATES

from .selectors import due_dates_for
from .viewsets import AssignmentViewSet


@hooks.register("register_admin_viewset")
def register_assignment_viewset():
    return AssignmentViewSet()


@hooks.register(LEARNER_DUE_DATES)
def assigned_due_dates(*, user, course_ids):
    return due_dates_for(user=user, course_ids=course_ids)
