"""The current-level rule in every combination, the gap, and both ways of deriving them."""

import datetime
import itertools

from django.utils import timezone

import pytest

from skills.levels import resolve_from_assessments, resolve_level, skill_gap
from skills.models import Assessment, CurrentSkillLevel
from skills.selectors import skill_levels_by_window, skill_levels_for
from skills.services import levels_rebuild, levels_refresh
from tests.skills.factories import make_skill

T0 = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)


def day(n: int) -> datetime.datetime:
    return T0 + datetime.timedelta(days=n)


# Every combination of (manager, course, self) present or absent, and what wins.
COMBINATIONS = [
    # manager, course, self  -> level, source
    (None, None, None, None, None),
    (None, None, 1, 1, "self"),
    (None, 3, None, 3, "course"),
    (None, 3, 1, 3, "course"),
    (2, None, None, 2, "manager"),
    (2, None, 4, 2, "manager"),
    (2, 3, None, 2, "manager"),  # over older course evidence, even when lower
    (2, 3, 4, 2, "manager"),
]


@pytest.mark.parametrize(("manager", "course", "own", "level", "source"), COMBINATIONS)
def test_the_rule_in_every_combination(manager, course, own, level, source):
    resolved = resolve_level(
        manager=(manager, day(3)) if manager is not None else None,
        course=(course, day(2)) if course is not None else None,
        self_rating=(own, day(1)) if own is not None else None,
    )
    if level is None:
        assert resolved is None
        return
    assert (resolved.level, resolved.source) == (level, source)
    assert resolved.is_confirmed == (source != "self")
    assert resolved.self_level == own


def test_a_self_rating_newer_than_course_evidence_does_not_beat_it():
    rows = [("course", 2, day(1), 1), ("self", 4, day(5), 2)]
    assert resolve_from_assessments(rows).level == 2


def test_latest_manager_rating_wins_over_earlier_evidence_even_if_lower():
    rows = [
        ("manager", 4, day(1), 1),
        ("course", 3, day(2), 2),
        ("manager", 1, day(3), 3),
    ]
    resolved = resolve_from_assessments(rows)
    assert (resolved.level, resolved.source, resolved.assessed_at) == (
        1,
        "manager",
        day(3),
    )


def test_highest_course_evidence_wins_not_the_latest():
    rows = [("course", 3, day(1), 1), ("course", 1, day(2), 2), ("self", 4, day(3), 3)]
    assert resolve_from_assessments(rows).level == 3


def test_latest_self_rating_counts_and_same_time_ties_go_to_the_later_row():
    rows = [("self", 3, day(1), 1), ("self", 1, day(2), 2), ("self", 2, day(2), 3)]
    resolved = resolve_from_assessments(rows)
    assert (resolved.level, resolved.source, resolved.is_confirmed) == (
        2,
        "self",
        False,
    )


@pytest.mark.parametrize(
    ("target", "current", "gap"),
    [
        (3, 1, 2),
        (3, 3, 0),
        (2, 4, 0),
        (3, None, 3),
        (3, 0, 3),
        (None, 2, 0),
        (None, None, 0),
    ],
)
def test_gap_is_target_minus_current_never_negative(target, current, gap):
    assert skill_gap(target=target, current=current) == gap


def _add(employee, skill, kind, level, at):
    Assessment.objects.create(
        employee=employee, skill=skill, kind=kind, level=level, created_at=at
    )


@pytest.mark.django_db
def test_level_table_and_window_function_agree_in_every_combination(
    employee, framework
):
    """Each combination on its own skill; the table, the window and the rule agree."""
    alice = employee.employee
    skills = list(framework["skills"].values())
    combos = list(itertools.product([None, 1, 4], [None, 2, 3], [None, 0, 3]))
    skills += [make_skill() for _ in range(len(combos) - len(skills))]
    expected = {}
    for skill, (manager, course, own) in zip(skills, combos, strict=True):
        rows = []
        if own is not None:
            rows += [("self", 4 - own, day(1)), ("self", own, day(4))]  # older first
        if course is not None:
            # One before the manager's rating, a lower one after it.
            rows += [("course", course, day(2)), ("course", course - 1, day(5))]
        if manager is not None:
            rows.append(("manager", manager, day(3)))
        for kind, level, at in rows:
            _add(alice, skill, kind, level, at)
        expected[skill.pk] = resolve_from_assessments(
            (kind, level, at, n) for n, (kind, level, at) in enumerate(rows)
        )
    levels_refresh(pairs=[(alice.pk, s.pk) for s in skills])
    table = skill_levels_for(employees=[alice.pk], skills=skills)
    window = skill_levels_by_window(employees=[alice.pk], skills=skills)
    for skill in skills:
        want = expected[skill.pk]
        got_table = table.get((alice.pk, skill.pk))
        got_window = window.get((alice.pk, skill.pk))
        if want is None:
            assert got_table is None and got_window is None
            continue
        assert (got_table.level, got_table.source, got_table.self_level) == (
            want.level,
            want.source,
            want.self_level,
        )
        assert (got_window.level, got_window.source) == (want.level, want.source)
    # A rebuild from history gives the same table.
    before = set(CurrentSkillLevel.objects.values_list("skill_id", "level", "source"))
    CurrentSkillLevel.objects.all().delete()
    levels_rebuild()
    after = set(CurrentSkillLevel.objects.values_list("skill_id", "level", "source"))
    assert before == after


@pytest.mark.django_db
def test_assessments_are_append_only(employee, framework):
    _add(employee.employee, framework["skills"]["data"], "self", 2, timezone.now())
    assessment = Assessment.objects.get()
    assessment.level = 4
    with pytest.raises(ValueError, match="append-only"):
        assessment.save()
