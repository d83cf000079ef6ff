"""The current-level and gap rules, written once (docs/skills.md explains them)."""

import datetime
from collections.abc import Iterable
from typing import NamedTuple

MANAGER, COURSE, SELF = "manager", "course", "self"


class Resolved(NamedTuple):
    """A person's current level in one skill, and where it comes from.

    A tuple, not a dataclass: the team matrix builds tens of thousands of them.
    """

    level: int
    source: str  # "manager" | "course" | "self"
    assessed_at: datetime.datetime | None  # None when read with dated=False
    self_level: int | None

    @property
    def is_confirmed(self) -> bool:
        return self.source != SELF


# (level, when) of one assessment
Rating = tuple[int, datetime.datetime]


def resolve_level(
    *, manager: Rating | None, course: Rating | None, self_rating: Rating | None
) -> Resolved | None:
    """The manager's rating, raised by newer higher course evidence; else course, self.

    `course` is the highest course evidence since the manager's rating (or of
    all, without one); evidence from before the rating is the manager's to weigh.
    """
    self_level = self_rating[0] if self_rating else None
    if course is not None and (
        manager is None or (course[1] >= manager[1] and course[0] > manager[0])
    ):
        return Resolved(course[0], COURSE, course[1], self_level)
    for source, rating in ((MANAGER, manager), (SELF, self_rating)):
        if rating is not None:
            return Resolved(rating[0], source, rating[1], self_level)
    return None


def resolve_from_assessments(
    rows: Iterable[tuple[str, int, datetime.datetime, int]],
) -> Resolved | None:
    """Apply the rule to one person's assessments of one skill: (kind, level, at, id)."""
    rows = list(rows)
    latest: dict[str, tuple[datetime.datetime, int, int]] = {}
    for kind, level, at, pk in rows:
        if kind != COURSE and (kind not in latest or (at, pk) > latest[kind][:2]):
            latest[kind] = (at, pk, level)
    manager = latest.get(MANAGER)
    since = manager[:2] if manager else None
    # Course evidence from before the manager's rating is theirs to weigh.
    courses = [
        (level, at, pk)
        for kind, level, at, pk in rows
        if kind == COURSE and (since is None or (at, pk) > since)
    ]
    best_course = max(courses, default=None)
    own = latest.get(SELF)
    return resolve_level(
        manager=(manager[2], manager[0]) if manager else None,
        course=(best_course[0], best_course[1]) if best_course else None,
        self_rating=(own[2], own[0]) if own else None,
    )


def skill_gap(*, target: int | None, current: int | None) -> int:
    """Target minus current, never below zero; no target means no gap, no rating is 0."""
    if not target:
        return 0
    return max(target - (current or 0), 0)
