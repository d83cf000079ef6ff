"""URLs of the *My team* skills reports and of background exports (under /my/)."""

from django.urls import path

from .. import exports
from . import skills

skills_patterns = [
    path("team/skills/", skills.team_skills, name="team-skills"),
    path("team/skills/units/", skills.team_skills_units, name="team-skills-units"),
    path("exports/<int:pk>/", exports.export_status, name="export-status"),
    path("exports/<int:pk>/download/", exports.export_download, name="export-download"),
]
