"""URLs of *My team* and of background exports (under /my/, as before reports was an app)."""

from django.urls import path

from . import views
from .team import readiness, skills
from .team import views as team_views

app_name = "reports"

urlpatterns = [
    path("team/", team_views.my_team, name="my-team"),
    path("team/people/", team_views.TeamPeopleReportView.as_view(), name="team-people"),
    path("team/people/<int:employee_id>/", team_views.team_person, name="team-person"),
    path(
        "team/training/",
        team_views.TeamTrainingReportView.as_view(),
        name="team-training",
    ),
    path("team/skills/", skills.TeamSkillsReportView.as_view(), name="team-skills"),
    path(
        "team/skills/units/",
        skills.TeamSkillsUnitsReportView.as_view(),
        name="team-skills-units",
    ),
    path("team/readiness/", readiness.team_readiness, name="team-readiness"),
    path("exports/<int:pk>/", views.export_status, name="export-status"),
    path("exports/<int:pk>/download/", views.export_download, name="export-download"),
]
