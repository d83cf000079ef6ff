"""Adoption cells built from answers, decided beside the readiness groups: no leak."""

from hypothesis import given, settings
from hypothesis import strategies as st

from change.privacy import (
    PROTECTS_ANOTHER,
    Decision,
    Group,
    publishable,
    publishable_beside,
)
from tests.change.attacker import (
    adoption_groups,
    candidate_groups,
    differences,
    orgs,
    pinned_sets,
    random_org,
)

MIN = 5


def people(*numbers: int) -> frozenset[str]:
    return frozenset(f"p{n}" for n in numbers)


# Road Crew A: seven answered the round, and two of them use the tool.
CREW = Group(key="Road Crew A", members=people(*range(1, 8)), rank=3)
NOT_USING = Group(key="Crew A, not using", members=people(*range(3, 8)), rank=-1)


def test_alone_the_not_using_cell_would_give_away_the_two_users():
    # Both are 5 or more, so "n ≥ 5" would show both: their difference is two people.
    assert publishable([NOT_USING], min_size=MIN)[NOT_USING.key].published
    assert {"p1", "p2"} in differences([CREW.members, NOT_USING.members], below=MIN)


def test_beside_the_readiness_total_the_cell_gives_way_and_the_total_stays():
    decisions = publishable_beside([CREW], [NOT_USING], min_size=MIN)

    assert decisions == {NOT_USING.key: Decision(False, PROTECTS_ANOTHER)}


def test_a_cell_with_the_same_people_as_a_published_total_is_shown():
    same = Group(key="Crew A, not using", members=CREW.members, rank=-1)

    assert publishable_beside([CREW], [same], min_size=MIN) == {
        same.key: Decision(True)
    }


def test_a_published_group_that_would_give_way_hides_the_cells_it_meets():
    # An earlier round's crew of six against this round's five not using: across
    # rounds the earlier one would give way, so the cell goes instead.
    earlier = Group(key="Crew A, round 1", members=people(*range(1, 7)), rank=3)
    later = Group(
        key="Crew A, not using", members=people(*range(1, 6)), round_order=1, rank=-1
    )

    decisions = publishable_beside([earlier], [later], min_size=MIN)

    assert decisions == {later.key: Decision(False, PROTECTS_ANOTHER)}


def _published(org, using):
    parents, members, rounds, roles = org
    groups = candidate_groups(parents, members, rounds=rounds, roles=roles)
    decisions = publishable(groups, min_size=MIN)
    readiness = [g for g in groups if decisions[g.key].published]
    ours = adoption_groups(
        parents, members, using=using, round_number=rounds - 1, roles=roles
    )
    beside = publishable_beside(readiness, ours, min_size=MIN)
    assert set(beside) == {g.key for g in ours}
    return readiness, [g for g in ours if beside[g.key].published]


@st.composite
def orgs_with_usage(draw: st.DrawFn):
    org = draw(orgs())
    keys = [p.key for p in org[1]]
    using = draw(st.frozensets(st.sampled_from(keys))) if keys else frozenset()
    return org, using


@settings(max_examples=150, deadline=None)
@given(drawn=orgs_with_usage())
def test_readiness_and_adoption_together_single_nobody_out(drawn):
    org, using = drawn
    rounds = org[2]
    readiness, adoption = _published(org, using)

    every = readiness + adoption
    assert all(len(group.members) >= MIN for group in adoption)
    for round_number in range(rounds):
        same_round = [g.members for g in every if g.round_order == round_number]
        assert pinned_sets(same_round, below=MIN) == []
        assert differences(same_round, below=MIN) == []
    assert differences([g.members for g in every], below=MIN, most=3) == []


def test_with_nobody_using_each_cell_shows_where_its_readiness_row_does():
    """Suppression is not "hide everything": a cell of the very same people as a
    published readiness group is shown, whatever the org."""
    for seed in range(60):
        org = random_org(seed)
        latest = org[2] - 1
        readiness, adoption = _published(org, frozenset())
        assert {g.key[1:] for g in adoption} == {
            g.key[1:] for g in readiness if g.key[0] == latest
        }


def _team(*roles: tuple[int, int]) -> tuple[list[Group], Group]:
    """One team's readiness groups (team, team × role) and its not-using cell.

    Each role is (users, non-users), all of whom answered.
    """
    groups, not_using, start = [], set(), 0
    for number, (users, idle) in enumerate(roles):
        members = people(*range(start, start + users + idle))
        not_using |= people(*range(start + users, start + users + idle))
        groups.append(Group(key=("team", number), members=members, rank=1))
        start += users + idle
    team = Group(key="team", members=frozenset().union(*groups_members(groups)), rank=3)
    cell = Group(key="cell", members=frozenset(not_using), rank=-1)
    return [team, *groups], cell


def groups_members(groups):
    return [group.members for group in groups]


def test_a_cell_beside_roles_that_each_have_users_and_non_users_is_shown():
    # Eight roles of twelve, three of each not using: 24 not using in all. No
    # sum or difference of the team, its roles and the cell isolates a role's
    # three, so the cell is shown (the atom rule alone hid it).
    readiness, cell = _team(*[(9, 3)] * 8)
    assert all(publishable(readiness, min_size=MIN)[g.key].published for g in readiness)

    assert publishable_beside(readiness, [cell], min_size=MIN) == {
        cell.key: Decision(True)
    }
    shown = [g.members for g in [*readiness, cell]]
    assert pinned_sets(shown, below=MIN) == []


def test_a_cell_that_would_give_away_one_roles_few_non_users_is_hidden():
    # Role 0: six, none using; role 1: ten, two not using. Cell minus role 0
    # would be role 1's two non-users, so the cell gives way.
    readiness, cell = _team((0, 6), (8, 2))
    assert pinned_sets([*groups_members(readiness), cell.members], below=MIN)

    decisions = publishable_beside(readiness, [cell], min_size=MIN)

    assert decisions == {cell.key: Decision(False, PROTECTS_ANOTHER)}
