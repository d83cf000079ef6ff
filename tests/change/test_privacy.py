"""The gatekeeper: no published readiness number lets anyone work out a person's answer."""

import random

import pytest
from hypothesis import given, settings

from change.privacy import (
    PROTECTS_ANOTHER,
    ROUND_OPEN,
    TOO_FEW,
    Decision,
    Distribution,
    Group,
    distribution,
    publishable,
    response_rate,
    rounded_count,
    shown_comments,
)
from tests.change.attacker import (
    RowSpan,
    candidate_groups,
    differences,
    orgs,
    pinned_sets,
    random_org,
)

MIN = 5


def people(*numbers: int) -> frozenset[str]:
    return frozenset(f"p{n}" for n in numbers)


def shown(decisions: dict) -> set:
    return {key for key, decision in decisions.items() if decision.published}


def gatekeeper(groups: list[Group], *, round_number: int = 0) -> list[frozenset[str]]:
    """What the gatekeeper publishes of one round (all rounds are decided together)."""
    decisions = publishable(groups, min_size=MIN)
    return [
        g.members
        for g in groups
        if decisions[g.key].published and g.round_order == round_number
    ]


def naive(groups: list[Group], *, round_number: int = 0) -> list[frozenset[str]]:
    """The rule the issue warns about: show every group of five or more."""
    return [
        g.members
        for g in groups
        if len(g.members) >= MIN and g.round_order == round_number
    ]


# The research note's example (§5.3): Roads has 6 respondents, Night crew 5.
ROADS = Group(key="Roads", members=people(1, 2, 3, 4, 5, 6))
NIGHT_CREW = Group(key="Roads – Night crew", members=people(1, 2, 3, 4, 5))


def test_the_naive_rule_gives_away_the_day_shift_person():
    published = naive([ROADS, NIGHT_CREW])

    assert RowSpan(sorted(people(*range(1, 7))), published).contains({"p6"})
    assert {"p6"} in differences(published, below=MIN)


def test_roads_and_night_crew_are_not_both_shown():
    decisions = publishable([ROADS, NIGHT_CREW], min_size=MIN)

    # The smaller group goes; everyone still counts in Roads.
    assert decisions == {
        "Roads": Decision(True),
        "Roads – Night crew": Decision(False, PROTECTS_ANOTHER),
    }
    published = gatekeeper([ROADS, NIGHT_CREW])
    assert pinned_sets(published, below=MIN) == []


def test_a_group_under_five_is_hidden_and_so_is_its_smallest_sibling():
    parent = Group(key="Roads", members=people(*range(1, 13)))
    day = Group(key="Day", members=people(1, 2, 3, 4, 5))
    night = Group(key="Night", members=people(6, 7, 8, 9, 10, 11))
    weekend = Group(key="Weekend", members=people(12))

    decisions = publishable([parent, day, night, weekend], min_size=MIN)

    assert decisions["Weekend"] == Decision(False, TOO_FEW)
    # Roads minus Night would be Day plus the weekend person: Day must go too.
    assert decisions["Day"] == Decision(False, PROTECTS_ANOTHER)
    assert shown(decisions) == {"Roads", "Night"}


def test_a_filter_whose_remainder_is_under_five_is_hidden():
    everyone = Group(key=("Roads", "all"), members=people(1, 2, 3, 4, 5, 6, 7))
    operators = Group(key=("Roads", "operator"), members=people(1, 2, 3, 4, 5))
    others = Group(key=("Roads", "other"), members=people(6, 7))

    decisions = publishable([everyone, operators, others], min_size=MIN)

    assert shown(decisions) == {("Roads", "all")}
    assert pinned_sets(gatekeeper([everyone, operators, others]), below=MIN) == []


def test_a_filtered_view_gives_way_before_a_unit_of_the_unfiltered_one():
    # Operators across the division would split Road Crew A's sixth person off.
    division = Group(key="Division", members=people(*range(1, 21)), rank=3)
    crew = Group(key="Road Crew A", members=people(*range(1, 7)), rank=3)
    operators = Group(
        key="Division operators", members=people(1, 2, 3, 4, 5, *range(7, 13)), rank=1
    )

    decisions = publishable([division, crew, operators], min_size=MIN)

    # Hiding the crew would be cheaper by size; the dashboard opens on units.
    assert shown(decisions) == {"Division", "Road Crew A"}


def test_a_filter_with_a_large_remainder_is_shown():
    everyone = Group(key=("Roads", "all"), members=people(*range(1, 11)))
    operators = Group(key=("Roads", "operator"), members=people(1, 2, 3, 4, 5))

    assert shown(publishable([everyone, operators], min_size=MIN)) == {
        ("Roads", "all"),
        ("Roads", "operator"),
    }


def test_two_rounds_a_newcomer_apart_show_only_the_later_one():
    # Same five people plus one who left (round 2) or one who joined (round 3).
    round_2 = Group(key=2, members=people(1, 2, 3, 4, 5, 6), round_order=2)
    round_3 = Group(key=3, members=people(1, 2, 3, 4, 5, 7), round_order=3)

    decisions = publishable([round_2, round_3], min_size=MIN)

    assert decisions == {2: Decision(False, PROTECTS_ANOTHER), 3: Decision(True)}


def test_last_rounds_unit_and_this_rounds_sub_unit_are_not_both_shown():
    # Roads in round 2, its Night crew in round 3: the day-shift person again.
    roads = Group(key=("Roads", 2), members=people(*range(1, 7)), round_order=2)
    night = Group(key=("Night", 3), members=people(*range(1, 6)), round_order=3)

    assert shown(publishable([roads, night], min_size=MIN)) == {("Night", 3)}


def test_two_rounds_with_the_same_people_are_both_shown():
    round_1 = Group(key=1, members=people(*range(1, 8)), round_order=1)
    round_2 = Group(key=2, members=people(*range(1, 8)), round_order=2)

    assert shown(publishable([round_1, round_2], min_size=MIN)) == {1, 2}


def test_a_round_that_is_still_open_shows_nothing():
    open_round = Group(key="now", members=people(*range(1, 30)), released=False)

    assert publishable([open_round], min_size=MIN) == {
        "now": Decision(False, ROUND_OPEN)
    }


@settings(max_examples=300, deadline=None)
@given(org=orgs())
def test_no_filter_combination_lets_the_attacker_single_anyone_out(org):
    parents, members, rounds, roles = org
    groups = candidate_groups(parents, members, rounds=rounds, roles=roles)

    decisions = publishable(groups, min_size=MIN)

    published = [g for g in groups if decisions[g.key].published]
    assert all(len(group.members) >= MIN for group in published)
    # Within a round: everything the published sums determine.
    for round_number in range(rounds):
        same_round = [g.members for g in published if g.key[0] == round_number]
        assert pinned_sets(same_round, below=MIN) == []
        assert differences(same_round, below=MIN) == []
    # Across rounds, as if nobody's answers changed: differences of two groups.
    assert differences([g.members for g in published], below=MIN, most=3) == []


def test_the_same_attacker_beats_the_naive_rule_on_random_orgs():
    """The re-identification test can fail: against "n ≥ 5 only" it finds people."""
    beaten = 0
    for seed in range(60):
        parents, members, rounds, roles = random_org(seed)
        groups = candidate_groups(parents, members, rounds=rounds, roles=roles)
        latest = rounds - 1
        found = pinned_sets(naive(groups, round_number=latest), below=MIN)
        if any(len(people) == 1 for people in found):
            beaten += 1
            # ...while the gatekeeper on the very same org gives nobody away.
            shown = gatekeeper(groups, round_number=latest)
            assert pinned_sets(shown, below=MIN) == []
    assert beaten >= 5


def test_the_gatekeeper_keeps_the_latest_round_of_the_whole_org():
    """Suppression is not "hide everything": the org-wide latest result stays."""
    for seed in range(60):
        parents, members, rounds, roles = random_org(seed)
        groups = candidate_groups(parents, members, rounds=rounds, roles=roles)
        decisions = publishable(groups, min_size=MIN)
        latest = next(g for g in groups if g.key == (rounds - 1, 0, None))
        assert decisions[latest.key].published == (len(latest.members) >= MIN)


@pytest.mark.parametrize(
    ("count", "shown_as"), [(5, 5), (7, 5), (8, 10), (12, 10), (13, 15), (25, 25)]
)
def test_response_counts_are_rounded_to_five(count, shown_as):
    assert rounded_count(count) == shown_as


def test_response_rates_wait_for_the_round_and_hide_small_units(settings):
    settings.CHANGE_MIN_GROUP = 5
    assert response_rate(responded=7, invited=9, released=True) == 78
    assert response_rate(responded=3, invited=4, released=True) is None
    # While open: only 10 or more invited, to the nearest 10%.
    assert response_rate(responded=7, invited=9, released=False) is None
    assert response_rate(responded=13, invited=20, released=False) == 60


def test_a_barrier_most_people_share_is_told_in_words_not_numbers():
    # 8 of 10 at Learn would tell each member's barrier with fair confidence.
    assert distribution({3: 8, None: 2}) == Distribution({}, concentrated=True, most=3)
    # "Ready" (no barrier) is a category like the others.
    assert distribution({None: 9, 3: 1}) == Distribution(
        {}, concentrated=True, most=None
    )


def test_a_spread_out_barrier_distribution_shows_whole_percentages():
    spread = distribution({1: 3, 3: 4, None: 3})

    assert spread.most is None
    assert spread.percents == {1: 30, 3: 40, None: 30}


def test_comments_need_ten_respondents_and_come_shuffled(settings):
    settings.CHANGE_MIN_COMMENTS = 10
    texts = [f"comment {n}" for n in range(12)]

    assert shown_comments(texts, respondents=9) == []
    shuffled = shown_comments(texts + ["  "], respondents=12, rng=random.Random(4))
    assert sorted(shuffled) == sorted(texts)
    assert shuffled != texts
