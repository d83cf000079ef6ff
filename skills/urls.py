"""Skills pages on the site; mounted at /skills/ by training_site.urls."""

from django.urls import path

from . import views

app_name = "skills"

urlpatterns = [
    path("", views.my_skills, name="my-skills"),
    path("self-assessment/", views.self_assessment, name="self-assessment"),
    path("notices/<int:pk>/dismiss/", views.notice_dismiss, name="notice-dismiss"),
    path("reviews/", views.review_list, name="review-list"),
    path("reviews/<int:pk>/", views.review, name="review"),
]
