"""The readiness dashboard's numbers: right where shown, hidden where they would tell."""

import pytest

from assignments.models import AssignedLearner
from change import privacy
from change.models import BarrierAction
from change.readiness import ALL, readiness
from change.results import readiness_results_refresh
from change.services import initiative_training_sync
from tests.change.builders import answer, closed_round, staff
from tests.change.factories import CheckInRoundFactory, InitiativeFactory
from tests.courses.factories import make_course
from tests.people.factories import OrgUnitFactory, RoleProfileFactory

NIGHT_APPLY = [3, 4, 4, 5, 5]


@pytest.fixture
def roads(org):
    """The research note's example: Roads has 6 respondents, its Night crew 5."""
    initiative = InitiativeFactory(units=[org["section"]])
    baseline = closed_round(initiative)
    night = OrgUnitFactory(code="NIGHT", name="Night crew", parent=org["section"])
    # Spread out, so Apply shows a mean (class disclosure would word it).
    for person, apply in zip(staff(night, 5), NIGHT_APPLY, strict=True):
        answer(baseline, person, apply=apply)
    (day_person,) = staff(org["section"], 1)
    answer(baseline, day_person, apply=2)
    return initiative


def _row(dashboard, name):
    return next(row for row in dashboard.rows if row.name == name)


def test_the_sixth_person_of_roads_cannot_be_worked_out(roads):
    dashboard = readiness(initiative=roads, unit_paths=None)

    roads_row, night_row = _row(dashboard, "Roads"), _row(dashboard, "Night crew")
    assert roads_row.summary.hidden == ""
    assert roads_row.summary.stages[3].mean == round((sum(NIGHT_APPLY) + 2) / 6, 1)
    assert night_row.summary.hidden == privacy.PROTECTS_ANOTHER
    assert night_row.summary.stages == []


def test_a_round_still_open_shows_no_answers(org):
    initiative = InitiativeFactory(units=[org["team_a"]])
    open_round = CheckInRoundFactory(initiative=initiative)
    for person in staff(org["team_a"], 12):
        answer(open_round, person)

    dashboard = readiness(initiative=initiative, unit_paths=None)

    assert dashboard.chosen is None
    assert all(row.summary.hidden and not row.summary.stages for row in dashboard.rows)


def test_heatmap_cells_carry_the_mean_and_the_share_at_four_or_five(org):
    initiative = InitiativeFactory(units=[org["team_a"]])
    baseline = closed_round(initiative)
    people = staff(org["team_a"], 10)
    for person, learn in zip(people, [1, 2, 3, 3, 4, 4, 4, 5, 5, 5], strict=True):
        answer(baseline, person, learn=learn)

    row = _row(readiness(initiative=initiative, unit_paths=None), "Road Crew A")

    learn = row.summary.stages[2]
    assert (learn.mean, learn.high_percent) == (3.6, 60)
    assert row.summary.responses == 10
    # Four people's first gap is Learn, six are ready.
    assert row.summary.barriers.percents == {1: 0, 2: 0, 3: 40, 4: 0, 5: 0, None: 60}
    assert row.summary.ready == 60
    assert row.summary.top_barrier == 3


def test_the_suggested_action_is_the_initiatives_text_for_the_top_barrier(org):
    initiative = InitiativeFactory(units=[org["team_a"]])
    BarrierAction.objects.create(
        initiative=initiative, stage=2, text="Ask the crew what worries them."
    )
    baseline = closed_round(initiative)
    for person in staff(org["team_a"], 3):
        answer(baseline, person, commit=2)
    for person in staff(org["team_a"], 4):
        answer(baseline, person)

    row = _row(readiness(initiative=initiative, unit_paths=None), "Road Crew A")

    assert row.action == "Ask the crew what worries them."


def test_most_people_at_one_barrier_is_told_without_numbers(org):
    initiative = InitiativeFactory(units=[org["team_a"]])
    baseline = closed_round(initiative)
    for person in staff(org["team_a"], 9):
        answer(baseline, person, learn=2)
    (ready,) = staff(org["team_a"], 1)
    answer(baseline, ready)

    row = _row(readiness(initiative=initiative, unit_paths=None), "Road Crew A")

    assert row.summary.barriers == privacy.Distribution({}, concentrated=True, most=3)
    assert row.summary.ready is None


def test_the_funnel_counts_affected_and_trained_from_the_roster(org, ld_admin):
    initiative = InitiativeFactory(units=[org["team_a"]])
    initiative.courses.set([make_course(title="The 311 system")])
    people = staff(org["team_a"], 6)
    initiative_training_sync(initiative=initiative, actor=ld_admin)
    done = [p.user_id for p in people[:4]]
    AssignedLearner.objects.filter(user_id__in=done).update(
        completed_on="2026-01-05", completed_at="2026-01-05T10:00Z"
    )

    row = _row(readiness(initiative=initiative, unit_paths=None), "Road Crew A")

    assert (row.affected, row.trained) == (6, 4)


def test_the_trend_shows_each_closed_round_of_the_top_row(org):
    initiative = InitiativeFactory(units=[org["team_a"]])
    baseline = closed_round(initiative, name="Baseline", weeks_ago=6)
    later = closed_round(initiative, name="30 days after", weeks_ago=2)
    people = staff(org["team_a"], 8)
    for person in people:
        answer(baseline, person, learn=2)
        answer(later, person)

    dashboard = readiness(initiative=initiative, unit_paths=None)

    assert dashboard.rows[0].key == ALL
    assert [(r.name, s.hidden) for r, s in dashboard.trend] == [
        ("Baseline", ""),
        ("30 days after", ""),
    ]
    assert [s.barriers.most for _r, s in dashboard.trend] == [3, None]


def test_a_manager_sees_only_the_units_under_their_paths(org):
    initiative = InitiativeFactory(units=[org["section"]])
    baseline = closed_round(initiative)
    for unit in (org["team_a"], org["team_b"]):
        for person in staff(unit, 6):
            answer(baseline, person)

    dashboard = readiness(initiative=initiative, unit_paths=[org["team_a"].path])

    assert [row.name for row in dashboard.rows] == ["Road Crew A"]
    assert [r.name for r, _s in dashboard.trend] == ["Baseline"]


def test_a_role_filter_narrows_every_row(org):
    initiative = InitiativeFactory(units=[org["team_a"]])
    baseline = closed_round(initiative)
    inspector = RoleProfileFactory(name="Inspector")
    for person in staff(org["team_a"], 6, role_profile=inspector):
        answer(baseline, person, learn=2)
    for person in staff(org["team_a"], 6):
        answer(baseline, person)

    dashboard = readiness(
        initiative=initiative, unit_paths=None, role_profile_id=inspector.pk
    )

    assert [r.name for r in dashboard.role_profiles] == ["Inspector"]
    row = _row(dashboard, "Road Crew A")
    assert (row.affected, row.summary.responses, row.summary.top_barrier) == (6, 5, 3)


@pytest.mark.parametrize("people", [6, 40])
def test_queries_do_not_grow_with_people_rounds_or_units(
    org, ld_admin, people, django_assert_num_queries
):
    initiative = InitiativeFactory(units=[org["division"]])
    initiative.courses.set([make_course(title="The 311 system")])
    rounds = [
        closed_round(initiative, name=f"R{n}", weeks_ago=2 + 2 * n) for n in range(3)
    ]
    for unit in (org["team_a"], org["team_b"], org["section"]):
        for person in staff(unit, people // 3 + 1):
            for checkin_round in rounds:
                answer(checkin_round, person, learn=3)
    initiative_training_sync(initiative=initiative, actor=ld_admin)
    # The daily run after the rounds closed stored the results.
    readiness_results_refresh(initiative=initiative)

    with django_assert_num_queries(9):
        dashboard = readiness(initiative=initiative, unit_paths=None)
    assert len(dashboard.trend) == 3
