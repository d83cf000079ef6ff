"""Reads about skills, already scoped to the asking user; constant query counts.

One module per question: `levels` (current levels), `profile` (*My skills*),
`assessments` (self-assessment rounds and their review), `courses` (what
courses build), `scope` (what the team reports start from), `team` (the skills
matrix) and `units` (org unit × skill).
Other apps import the names below from `skills.selectors`.
"""

from .assessments import (
    framework_for_assessment,
    open_self_assessment,
    review_for,
    review_items,
    review_queue_for,
    reviews_waiting_count,
)
from .courses import course_skill_names
from .levels import LevelMap, gap_counts, skill_levels_by_window, skill_levels_for
from .profile import SkillRow, my_skills
from .scope import SMALL_CELL, category_choices, team_report_people
from .team import MatrixCell, PeopleInOrder, SkillsMatrix, skills_matrix
from .units import (
    UnitCell,
    UnitRef,
    UnitRows,
    levels_at_target,
    skills_by_unit,
    unit_role_headcounts,
)

__all__ = [
    "SMALL_CELL",
    "LevelMap",
    "MatrixCell",
    "PeopleInOrder",
    "SkillRow",
    "SkillsMatrix",
    "UnitCell",
    "UnitRef",
    "UnitRows",
    "category_choices",
    "course_skill_names",
    "framework_for_assessment",
    "gap_counts",
    "levels_at_target",
    "my_skills",
    "open_self_assessment",
    "review_for",
    "review_items",
    "review_queue_for",
    "reviews_waiting_count",
    "skill_levels_by_window",
    "skill_levels_for",
    "skills_by_unit",
    "skills_matrix",
    "team_report_people",
    "unit_role_headcounts",
]
