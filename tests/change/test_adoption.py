"""Adoption figures: who is using the tool, beside training and readiness, per unit."""

from datetime import timedelta

from django.utils import timezone

import pytest

from change import privacy
from change.adoption import FEWER, NO_ROUND, adoption
from change.adoption_results import adoption_results_refresh
from change.models import UsageDay
from change.readiness import ALL, readiness
from tests.change.attacker import pinned_sets
from tests.change.builders import answer, closed_round, staff, trained, used
from tests.change.factories import InitiativeFactory
from tests.people.factories import OrgUnitFactory, RoleProfileFactory


def figures(initiative, *, unit_paths=None, role_profile_id=None):
    dashboard = readiness(
        initiative=initiative, unit_paths=unit_paths, role_profile_id=role_profile_id
    )
    return adoption(dashboard=dashboard)


def row(found, name):
    return next(f for r, f in found.rows if r.name == name)


def test_using_is_active_on_one_of_the_last_30_days_today_included(org):
    initiative = InitiativeFactory(units=[org["team_a"]])
    today, day_30, day_31, zero, never = staff(org["team_a"], 5)
    used(initiative, today, days_ago=0)
    used(initiative, day_30, days_ago=29)  # the 30th day back, counting today
    used(initiative, day_31, days_ago=30)
    used(initiative, zero, days_ago=1, count=0)  # reported, but not active

    team = row(figures(initiative), "Road Crew A")

    assert (team.affected, team.using, team.rate) == (5, 2, 40)


def test_the_window_is_a_setting(org, settings):
    settings.CHANGE_ADOPTION_WINDOW_DAYS = 7
    initiative = InitiativeFactory(units=[org["team_a"]])
    recent, older = staff(org["team_a"], 2)
    used(initiative, recent, days_ago=6)
    used(initiative, older, days_ago=7)

    found = figures(initiative)

    assert row(found, "Road Crew A").using == 1
    assert found.since == timezone.localdate() - timedelta(days=6)


def test_usage_in_the_future_or_of_another_initiative_does_not_count(org):
    initiative = InitiativeFactory(units=[org["team_a"]])
    other = InitiativeFactory(units=[org["team_a"]])
    tomorrow, elsewhere = staff(org["team_a"], 2)
    used(initiative, tomorrow, days_ago=-1)
    used(other, elsewhere)

    assert row(figures(initiative), "Road Crew A").using == 0


def test_people_are_counted_where_they_sit_today(org):
    initiative = InitiativeFactory(units=[org["section"]])
    mover, stays = staff(org["team_a"], 2)
    used(initiative, mover, days_ago=20)
    mover.org_unit = org["team_b"]
    mover.save()

    found = figures(initiative)

    assert row(found, "Road Crew A").using == 0
    assert (row(found, "Road Crew B").using, row(found, "Roads").using) == (1, 1)
    assert row(found, "Everyone affected").using == 1


def test_leavers_and_people_no_longer_affected_are_not_counted(org):
    initiative = InitiativeFactory(units=[org["team_a"]])
    leaver, stays = staff(org["team_a"], 2)
    used(initiative, leaver)
    used(initiative, stays)
    leaver.is_active = False
    leaver.save()

    team = row(figures(initiative), "Road Crew A")

    assert (team.affected, team.using) == (1, 1)


def test_the_quadrant_counts_each_pattern_and_hides_counts_under_five(org, ld_admin):
    initiative = InitiativeFactory(units=[org["team_a"]])
    trained_using = staff(org["team_a"], 6)
    trained_idle = staff(org["team_a"], 5)
    untrained_using = staff(org["team_a"], 2)
    staff(org["team_a"], 3)  # neither
    trained(initiative, trained_using + trained_idle, actor=ld_admin)
    for person in trained_using + untrained_using:
        used(initiative, person)

    team = row(figures(initiative), "Road Crew A")

    assert (team.affected, team.trained, team.using, team.rate) == (16, 11, 8, 50)
    assert team.trained_using.text == "6"
    assert team.trained_not_using.text == "5"
    assert team.using_untrained.hidden == FEWER
    assert team.using_untrained.count is None
    assert team.using_untrained.text == "fewer than 5"


def test_not_ready_comes_from_the_latest_closed_round_and_silence_is_unknown(org):
    initiative = InitiativeFactory(units=[org["team_a"]])
    baseline = closed_round(initiative, name="Baseline", weeks_ago=6)
    latest = closed_round(initiative, name="Before go-live", weeks_ago=2)
    blocked, ready, silent = (staff(org["team_a"], n) for n in (6, 4, 5))
    for person in blocked + ready:
        answer(baseline, person)  # everyone ready at baseline...
    for person in blocked:
        answer(latest, person, learn=2)  # ...but six stuck at Learn since
    for person in ready:
        answer(latest, person)
    used(initiative, silent[0])  # so the initiative has usage data

    found = figures(initiative)

    assert found.readiness_round == latest
    cell = row(found, "Road Crew A").not_ready_not_using
    # Counted among the ten who answered; the four silent ones are not counted.
    assert (cell.count, cell.among) == (6, 10)
    assert cell.text == "6 of about 10 who answered"


def test_most_not_ready_is_told_in_words(org):
    initiative = InitiativeFactory(units=[org["team_a"]])
    latest = closed_round(initiative)
    for person in staff(org["team_a"], 9):
        answer(latest, person, learn=2)
    (ready,) = staff(org["team_a"], 1)
    answer(latest, ready)
    used(initiative, staff(org["team_a"], 1)[0])

    cell = row(figures(initiative), "Road Crew A").not_ready_not_using

    assert cell.count is None and cell.most == "not_ready"
    assert cell.text == "80% or more of about 10 who answered"


def test_without_a_closed_round_readiness_is_unknown(org):
    initiative = InitiativeFactory(units=[org["team_a"]])
    (person,) = staff(org["team_a"], 1)
    used(initiative, person)

    found = figures(initiative)

    assert found.readiness_round is None
    assert row(found, "Road Crew A").not_ready_not_using.hidden == NO_ROUND


def test_without_usage_data_there_are_no_figures(org):
    initiative = InitiativeFactory(units=[org["team_a"]])
    staff(org["team_a"], 3)

    found = figures(initiative)

    assert found.has_data is False
    assert found.rows and all(f is None for _row, f in found.rows)


def test_a_unit_of_few_not_using_respondents_is_hidden_and_so_is_its_complement(org):
    # Roads again: six not using who answered, five of them in Night crew.
    initiative = InitiativeFactory(units=[org["section"]])
    latest = closed_round(initiative)
    night = OrgUnitFactory(code="NIGHT", name="Night crew", parent=org["section"])
    for person in staff(night, 5):
        answer(latest, person, learn=2)
    answer(latest, staff(org["section"], 1)[0])
    used(initiative, staff(org["team_a"], 1)[0])

    found = figures(initiative)

    # Roads is shown (five of its six are stuck, so in words), Night crew not.
    assert row(found, "Roads").not_ready_not_using.most == "not_ready"
    hidden = row(found, "Night crew").not_ready_not_using.hidden
    assert hidden == privacy.PROTECTS_ANOTHER


def test_a_cell_that_differences_with_a_readiness_total_is_hidden(org):
    """Readiness shows Crew A's seven respondents; two of them are using.

    Alone, the five not using would pass; beside the readiness total, the two
    users' answers would be the difference. So the cell gives way, and the
    readiness dashboard stays exactly as it was.
    """
    initiative = InitiativeFactory(units=[org["team_a"]])
    latest = closed_round(initiative)
    people = staff(org["team_a"], 7)
    for person in people:
        answer(latest, person, learn=2)
    for person in people[:2]:
        used(initiative, person)
    before = readiness(initiative=initiative, unit_paths=None)

    dashboard = readiness(initiative=initiative, unit_paths=None)
    found = adoption(dashboard=dashboard)

    cell = row(found, "Road Crew A").not_ready_not_using
    assert cell.hidden == privacy.PROTECTS_ANOTHER
    assert [r.summary for r in dashboard.rows] == [r.summary for r in before.rows]
    shown = [g.members for g in dashboard.published if g.key[0] == latest.pk]
    assert pinned_sets(shown, below=5) == []


def test_a_manager_gets_only_their_units_rows(org):
    initiative = InitiativeFactory(units=[org["section"]])
    for unit in (org["team_a"], org["team_b"]):
        for person in staff(unit, 6):
            used(initiative, person)

    found = figures(initiative, unit_paths=[org["team_b"].path])

    assert [(r.name, f.using) for r, f in found.rows] == [("Road Crew B", 6)]


def test_a_role_filter_narrows_the_figures(org):
    initiative = InitiativeFactory(units=[org["team_a"]])
    latest = closed_round(initiative)
    inspector = RoleProfileFactory(name="Inspector")
    inspectors = staff(org["team_a"], 6, role_profile=inspector)
    others = staff(org["team_a"], 6)
    for person in inspectors + others:
        answer(latest, person)
    for person in inspectors[:1] + others:
        used(initiative, person)

    found = figures(initiative, role_profile_id=inspector.pk)

    team = row(found, "Road Crew A")
    assert (team.affected, team.using, team.rate) == (6, 1, 17)
    assert row(found, "Everyone affected").key == ALL


@pytest.mark.parametrize("people", [6, 40])
def test_queries_do_not_grow_with_people_days_or_units(
    org, ld_admin, people, django_assert_num_queries
):
    initiative = InitiativeFactory(units=[org["division"]])
    rounds = [
        closed_round(initiative, name=f"R{n}", weeks_ago=2 + 2 * n) for n in range(2)
    ]
    everyone = []
    for unit in (org["team_a"], org["team_b"], org["section"]):
        for person in staff(unit, people // 3 + 1):
            everyone.append(person)
            for checkin_round in rounds:
                answer(checkin_round, person, learn=3)
    trained(initiative, everyone[::2], actor=ld_admin)
    UsageDay.objects.bulk_create(
        UsageDay(
            initiative=initiative,
            employee=person,
            day=timezone.localdate() - timedelta(days=day),
            count=day % 3,
        )
        for person in everyone[::3]
        for day in range(0, 40, 4)
    )
    dashboard = readiness(initiative=initiative, unit_paths=None)

    # The background refresh: its reads, one to read again the answers of the
    # readiness groups it is decided beside (the stored results hold no
    # members), and the rows written in batches.
    with django_assert_num_queries(23):
        adoption_results_refresh(initiative=initiative)
    # The dashboard then reads the stored figures: usage or not, the snapshot
    # and the rows of its role.
    with django_assert_num_queries(3):
        found = adoption(dashboard=dashboard)
    assert row(found, "Everyone affected").using == len(everyone[::3])
