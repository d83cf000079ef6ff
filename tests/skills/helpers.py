"""Shortcuts for putting people's ratings in place through the real services."""

from skills.services import (
    self_assessment_open,
    self_assessment_review,
    self_assessment_save,
)


def submit(user, ratings: dict) -> object:
    """`user` submits {skill: level} as their self-assessment."""
    draft = self_assessment_open(employee=user.employee)
    return self_assessment_save(
        self_assessment=draft,
        ratings={skill.pk: (level, "") for skill, level in ratings.items()},
        submit=True,
    )


def review(reviewer, submitted, decisions: dict) -> object:
    """`reviewer` rates each skill {skill: level} with a comment where adjusted."""
    return self_assessment_review(
        self_assessment=submitted,
        reviewer=reviewer,
        decisions={
            skill.pk: (level, "Adjusted.") for skill, level in decisions.items()
        },
    )


def post_levels(levels: dict, prefix: str = "level") -> dict:
    return {f"{prefix}_{skill.pk}": str(level) for skill, level in levels.items()}
