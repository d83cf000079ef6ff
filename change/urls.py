"""URLs of the change app (included at the root: each names its full path)."""

from django.urls import path

from . import views
from .usage.api import usage_api

app_name = "change"

urlpatterns = [
    path("my/changes/", views.my_changes_list, name="my-changes"),
    path("my/changes/<slug:slug>/", views.my_change_detail, name="my-change"),
    path(
        "my/changes/<slug:slug>/check-in/<int:round_id>/",
        views.check_in,
        name="check-in",
    ),
    path("change/load/", views.change_load_page, name="load"),
    path(
        "change/<slug:slug>/readiness/",
        views.readiness_dashboard,
        name="readiness",
    ),
    path("api/change/<slug:slug>/usage/", usage_api, name="usage-api"),
]
