from django.urls import path

from . import assignment_views, views
from .quizzes import views as quiz_views

app_name = "courses"

urlpatterns = [
    path("enrol/<int:course_id>/", views.enrol, name="enrol"),
    path(
        "modules/<int:module_id>/complete/",
        views.complete_module,
        name="complete-module",
    ),
    path("modules/<int:module_id>/quiz/start/", quiz_views.start, name="quiz-start"),
    path("attempts/<int:attempt_id>/", quiz_views.attempt_page, name="attempt"),
    path("attempts/<int:attempt_id>/save/", quiz_views.save, name="attempt-save"),
    path("attempts/<int:attempt_id>/submit/", quiz_views.submit, name="attempt-submit"),
    path("attempts/<int:attempt_id>/result/", quiz_views.result, name="attempt-result"),
    # Mandatory training: managers and L&D admins (courses.assignment_views).
    path("assignments/", assignment_views.assignment_list, name="assignments"),
    path("assignments/new/", assignment_views.assign, name="assign"),
    path(
        "assignments/new/people/",
        assignment_views.assign_people_search,
        name="assign-people-search",
    ),
    path(
        "assignments/<int:pk>/", assignment_views.assignment_detail, name="assignment"
    ),
    path(
        "assignments/learners/<int:pk>/extend/",
        assignment_views.extend,
        name="learner-extend",
    ),
    path(
        "assignments/learners/<int:pk>/exempt/",
        assignment_views.exempt,
        name="learner-exempt",
    ),
    path(
        "assignments/learners/<int:pk>/lift-exemption/",
        assignment_views.exemption_lift,
        name="learner-exemption-lift",
    ),
]
