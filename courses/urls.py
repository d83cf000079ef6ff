from django.urls import path

from . import views
from .packages import cmi5
from .packages import views as package_views
from .quizzes import views as quiz_views

app_name = "courses"

urlpatterns = [
    path("enrol/<int:course_id>/", views.enrol, name="enrol"),
    path(
        "modules/<int:module_id>/complete/",
        views.complete_module,
        name="complete-module",
    ),
    path("modules/<int:module_id>/play/", package_views.play, name="package-play"),
    path(
        "packages/<str:token>/commit/",
        package_views.commit,
        name="package-commit",
    ),
    path(
        "packages/<str:token>/cmi5/fetch/",
        cmi5.fetch,
        name="package-cmi5-fetch",
    ),
    path(
        "packages/<str:token>/xapi/<path:name>",
        cmi5.resource,
        name="package-xapi",
    ),
    path(
        "packages/<str:token>/files/<path:path>",
        package_views.package_file,
        name="package-file",
    ),
    path("modules/<int:module_id>/quiz/start/", quiz_views.start, name="quiz-start"),
    path("attempts/<int:attempt_id>/", quiz_views.attempt_page, name="attempt"),
    path("attempts/<int:attempt_id>/save/", quiz_views.save, name="attempt-save"),
    path("attempts/<int:attempt_id>/submit/", quiz_views.submit, name="attempt-submit"),
    path("attempts/<int:attempt_id>/result/", quiz_views.result, name="attempt-result"),
]
