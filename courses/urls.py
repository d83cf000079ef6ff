from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("enrol/<int:course_id>/", views.enrol, name="enrol"),
    path(
        "modules/<int:module_id>/complete/",
        views.complete_module,
        name="complete-module",
    ),
]
