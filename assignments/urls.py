"""Mandatory training on the site, for managers and L&D admins (under /learn/assignments/)."""

from django.urls import path

from . import views

app_name = "assignments"

urlpatterns = [
    path("", views.assignment_list, name="list"),
    path("new/", views.assign, name="assign"),
    path("new/people/", views.assign_people_search, name="people-search"),
    path("<int:pk>/", views.assignment_detail, name="detail"),
    path("learners/<int:pk>/extend/", views.extend, name="learner-extend"),
    path("learners/<int:pk>/exempt/", views.exempt, name="learner-exempt"),
    path(
        "learners/<int:pk>/lift-exemption/",
        views.exemption_lift,
        name="learner-exemption-lift",
    ),
]
