"""The one gatekeeper every readiness number passes before anyone sees it.

Pure functions over plain data: the selectors hand in every group a reader could
be shown (each org unit with its sub-units, each unit × filter, each round) as
the set of respondent keys it covers, and get back which groups may be
published. No view or template computes an aggregate of answers itself.

Within a round the rule is stated once: **every published group is a union of
"atoms" of at least CHANGE_MIN_GROUP respondents**, an atom being the people
who belong to exactly the same published groups. Whatever an attacker adds and
subtracts (parent minus children, all roles minus one role, any mix), the
result treats everyone in an atom alike, so the smallest set they can single
out is an atom: never 1–4 people. Primary suppression hides groups under the
threshold; complementary suppression then hides, while an atom is too small,
the smallest group that keeps it apart (the next-smallest sibling, the filter
whose remainder is too small). Hidden people still count in the parents.

Across rounds (the same respondent keys, and answers that may barely move), a
group or atom of an earlier round that differs by 1–4 people from one of a
later round is hidden or merged away, so the later one is what is shown.
Results of a round that has not closed are not shown at all. For comments the
same rule runs with CHANGE_MIN_COMMENTS.
"""

import dataclasses
import heapq
import itertools
import random
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.conf import settings

# Why a group is hidden; the dashboard says so in words (docs/change.md).
TOO_FEW = "too_few"
PROTECTS_ANOTHER = "protects_another"
ROUND_OPEN = "round_open"

# ≥ this share of a group in one barrier category is told in words, not numbers:
# "100% at Learn" would tell every member's answer (class disclosure).
CONCENTRATED_PERCENT = 80
# How many nearby atoms complementary suppression weighs merging a small one
# with: enough to find the cheap merge, few enough to stay fast at 40,000 people.
NEIGHBOURS = 500


@dataclass(frozen=True)
class Group:
    """One aggregate a reader could be shown, and who answered in it."""

    key: Hashable
    members: frozenset[str]
    # A later round is kept in preference to an earlier one of the same size.
    round_order: int = 0
    # Where something must go, groups of a lower rank go first (a filtered view
    # before the unfiltered one the dashboard opens on), then smaller ones.
    rank: int = 0
    # False while the round is open: no result of it is shown before it closes.
    released: bool = True


@dataclass(frozen=True)
class Decision:
    """Whether a group's aggregates may be shown, and if not, why."""

    published: bool
    reason: str = ""


def publishable(
    groups: Iterable[Group], *, min_size: int | None = None
) -> dict[Hashable, Decision]:
    """{group key: decision}: the largest safe set of groups this rule finds."""
    if min_size is None:
        min_size = settings.CHANGE_MIN_GROUP
    decisions: dict[Hashable, Decision] = {}
    live: dict[Hashable, Group] = {}
    order: dict[Hashable, int] = {}
    for index, group in enumerate(groups):
        order[group.key] = index
        if not group.released:
            decisions[group.key] = Decision(False, ROUND_OPEN)
        elif len(group.members) < min_size:
            decisions[group.key] = Decision(False, TOO_FEW)
        else:
            live[group.key] = group
    rounds: dict[int, dict[Hashable, Group]] = defaultdict(dict)
    for key, group in live.items():
        rounds[group.round_order][key] = group
    hide: set[Hashable] = set()
    merge: dict[int, set[frozenset]] = {}

    def drop(key: Hashable, same_round: dict[Hashable, Group]) -> None:
        del same_round[key], live[key]
        decisions[key] = Decision(False, PROTECTS_ANOTHER)

    # Each pass hides at least one group, so this ends. Hiding only ever merges
    # atoms and drops clashes, so no pass undoes an earlier one.
    while True:
        for number, same_round in rounds.items():
            for key in hide & same_round.keys():
                drop(key, same_round)
            forced = merge.get(number, set())
            for key in _complementary(
                same_round, order, min_size=min_size, forced=forced
            ):
                drop(key, same_round)
        hide, merge = _across_rounds(rounds, order, min_size=min_size)
        if not hide and not merge:
            break
    decisions.update({key: Decision(True) for key in live})
    return decisions


# A new group of exactly a published group's people outranks the others.
RANK_PUBLISHED = 100


def publishable_beside(
    published: Iterable[Group],
    groups: Iterable[Group],
    *,
    min_size: int | None = None,
) -> dict[Hashable, Decision]:
    """{key of each of `groups`: decision}, decided beside groups already shown.

    For numbers built later from the same answers (adoption beside readiness):
    everything `published` stays shown. The new groups are decided (1) among
    themselves by the gatekeeper's rule; (2) so that each atom of the
    published groups of a round meets at most one atom of theirs; (3) so
    that what an atom of theirs splits off the published atoms it meets (its
    people there, and the others) is none or at least min_size each; and
    across rounds by the pair rule. docs/change.md, "Adoption figures".
    """
    if min_size is None:
        min_size = settings.CHANGE_MIN_GROUP
    fixed = list(published)
    fixed_atoms: dict[int, dict[str, frozenset]] = defaultdict(dict)
    for number in {group.round_order for group in fixed}:
        same_round = [group for group in fixed if group.round_order == number]
        for _sig, people in atoms(same_round).items():
            piece = frozenset(people)
            for person in people:
                fixed_atoms[number][person] = piece
    # Earlier rounds' groups and atoms, for the pair rule across rounds.
    pieces: list[tuple[int, frozenset[str]]] = [
        (group.round_order, group.members) for group in fixed
    ]
    for number, by_person in fixed_atoms.items():
        pieces += [(number, piece) for piece in set(by_person.values())]
    by_member: dict[str, list[int]] = defaultdict(list)
    for index, (_number, members) in enumerate(pieces):
        for member in members:
            by_member[member].append(index)
    candidates = list(groups)
    order = {group.key: i for i, group in enumerate(candidates)}
    # A new group of the very people of a published group of its round tells
    # nothing new: it stays, and is never the one to give way.
    shown = {(group.round_order, group.members) for group in fixed}
    same = {g.key for g in candidates if (g.round_order, g.members) in shown}
    hidden: dict[Hashable, Decision] = {}
    while True:
        live = [group for group in candidates if group.key not in hidden]
        decisions = publishable(
            [
                dataclasses.replace(g, rank=g.rank + RANK_PUBLISHED)
                if g.key in same
                else g
                for g in live
            ],
            min_size=min_size,
        )
        decisions |= {key: Decision(True) for key in same}
        hidden |= {
            g.key: decisions[g.key] for g in live if not decisions[g.key].published
        }
        live = [group for group in live if group.key not in hidden]
        victims = _beside_victims(
            live,
            fixed_atoms,
            pieces,
            by_member,
            order=order,
            same=same,
            min_size=min_size,
        )
        if not victims:
            return {group.key: Decision(True) for group in live} | hidden
        hidden |= {key: Decision(False, PROTECTS_ANOTHER) for key in victims}


def _beside_victims(
    live: list[Group],
    fixed_atoms: Mapping[int, Mapping[str, frozenset]],
    pieces: Sequence[tuple[int, frozenset[str]]],
    by_member: Mapping[str, list[int]],
    *,
    order: Mapping[Hashable, int],
    same: set[Hashable],
    min_size: int,
) -> set[Hashable]:
    """New groups to hide this pass for rules (2), (3) and the pair rule.

    Only groups that are not a published group over again give way; an atom
    made of those alone is a union of published atoms, known already.
    """
    costs = {g.key: (g.rank, len(g.members), order[g.key]) for g in live}
    victims: set[Hashable] = set()

    def hide(keys: Iterable[Hashable]) -> None:
        keys = [key for key in keys if key not in same]
        if keys:
            victims.add(min(keys, key=costs.__getitem__))

    for number in {group.round_order for group in live}:
        same_round = [group for group in live if group.round_order == number]
        ours = {frozenset(sig): frozenset(p) for sig, p in atoms(same_round).items()}
        sig_of = {person: sig for sig, people in ours.items() for person in people}
        theirs = fixed_atoms.get(number, {})
        # (2) a published atom meeting two of ours: merge them.
        for atom in set(theirs.values()):
            met = {sig_of[p] for p in atom if p in sig_of}
            if len(met) > 1:
                first, second = sorted(met, key=lambda sig: sorted(map(str, sig)))[:2]
                hide(first ^ second)
        # (3) what each of ours splits off the published atoms it meets.
        for sig, people in ours.items():
            inside, outside = set(), set()
            for person in people:
                atom = theirs.get(person)
                if atom is None:
                    inside.add(person)
                elif not atom <= people:
                    inside.add(person)
                    outside |= atom - people
            if 0 < len(inside) < min_size or 0 < len(outside) < min_size:
                hide(sig)
        # The pair rule across rounds, for our groups and our atoms.
        for members, keys in [(g.members, frozenset([g.key])) for g in same_round] + [
            (people, sig) for sig, people in ours.items()
        ]:
            sample = itertools.islice(members, min_size)
            for index in {i for member in sample for i in by_member.get(member, ())}:
                other_round, other = pieces[index]
                if other_round == number:
                    continue
                if _near(members, other, min_size) and members != other:
                    hide(keys)
                    break
    return victims


def _near(one: frozenset[str], other: frozenset[str], min_size: int) -> bool:
    return len(one - other) < min_size and len(other - one) < min_size


def atoms(groups: Iterable[Group]) -> dict[frozenset, set[str]]:
    """{the keys of the groups a set of people share: those people}."""
    signature: dict[str, list[Hashable]] = defaultdict(list)
    for group in groups:
        for member in group.members:
            signature[member].append(group.key)
    found: dict[frozenset, set[str]] = defaultdict(set)
    for member, keys in signature.items():
        found[frozenset(keys)].add(member)
    return found


def _complementary(
    live: Mapping[Hashable, Group],
    order: Mapping[Hashable, int],
    *,
    min_size: int,
    forced: set[frozenset] = frozenset(),
) -> list[Hashable]:
    """Groups of one round to hide, one by one, until no atom is too small.

    Hiding groups only ever merges atoms, so any choice is safe; the choice is
    about showing as much as possible. A small atom (or one `forced` to merge)
    is merged with the atom it differs from by the least valuable groups (often
    a sibling), or, when nothing cheaper exists, dropped out of sight. The atoms
    are kept up to date as groups go, rather than worked out again.
    """
    found = atoms(live.values())
    by_group: dict[Hashable, set[frozenset]] = defaultdict(set)
    for sig in found:
        for key in sig:
            by_group[key].add(sig)
    todo = {sig for sig, people in found.items() if len(people) < min_size}
    todo |= forced & found.keys()
    # Lower ranks, then smaller groups go first: parents stay (and keep
    # counting everyone).
    cost = {
        key: (group.rank, len(group.members), order[key]) for key, group in live.items()
    }.get

    def hide_cost(keys: frozenset) -> tuple[tuple[int, int, int], int]:
        return (max(map(cost, keys)), len(keys))

    def priority(sig: frozenset) -> tuple:
        return (len(found[sig]), min(map(cost, sig)))

    # Smallest atom first; entries whose atom has changed since are skipped.
    queue = [(priority(sig), index, sig) for index, sig in enumerate(todo)]
    heapq.heapify(queue)
    pushed = len(queue)
    hidden: list[Hashable] = []
    while todo:
        rank, _index, sig = heapq.heappop(queue)
        if sig not in todo or rank != priority(sig):
            continue
        # A merge that keeps this atom's most valuable groups is worth looking
        # at: its neighbours in the most valuable group that has few enough
        # atoms to weigh (a division's, or a section's, rather than everyone's).
        kept = max(
            (key for key in sig if len(by_group[key]) <= NEIGHBOURS),
            key=cost,
            default=min(sig, key=lambda key: len(by_group[key])),
        )
        targets = [sig ^ other for other in by_group[kept] if other != sig]
        victim = min(min([sig, *targets], key=hide_cost), key=cost)
        hidden.append(victim)
        for old in by_group.pop(victim):
            people = found.pop(old)
            todo.discard(old)
            new = old - {victim}
            for key in new:
                by_group[key].discard(old)
            if not new:
                continue  # out of sight: in no published group any more
            if new in found:
                found[new] |= people
            else:
                found[new] = people
                for key in new:
                    by_group[key].add(new)
            if len(found[new]) < min_size:
                todo.add(new)
                heapq.heappush(queue, (priority(new), pushed, new))
                pushed += 1
            else:
                todo.discard(new)
        # Hiding a neighbour's group only moves it closer: this one goes on.
        if sig in todo:
            heapq.heappush(queue, (priority(sig), pushed, sig))
            pushed += 1
    return hidden


def _across_rounds(
    rounds: Mapping[int, Mapping[Hashable, Group]],
    order: Mapping[Hashable, int],
    *,
    min_size: int,
) -> tuple[set[Hashable], dict[int, set[frozenset]]]:
    """Groups to hide, and {round: atoms to merge}: nearly the same people as later.

    If a round's group, or a part of it the round's numbers single out (an
    atom), differs by fewer than min_size people each way from one of a later
    round (one newcomer, one leaver, last round's unit against this round's
    sub-unit), and answers barely moved, the difference tells those people's
    answers. The earlier one gives way: what people look at is the latest.
    """
    # (round, members, group key or None, atom signature or None)
    pieces: list[tuple[int, frozenset[str], Hashable, frozenset | None]] = []
    for number, same_round in rounds.items():
        for key, group in same_round.items():
            pieces.append((number, group.members, key, None))
        for sig, people in atoms(same_round.values()).items():
            pieces.append((number, frozenset(people), None, sig))
    by_member: dict[str, list[int]] = defaultdict(list)
    for index, (_, members, _, _) in enumerate(pieces):
        for member in members:
            by_member[member].append(index)
    hide: set[Hashable] = set()
    merge: dict[int, set[frozenset]] = defaultdict(set)
    for number, members, _, _ in pieces:
        # A piece that differs by < min_size from this one shares one of any
        # min_size of its members.
        sample = itertools.islice(members, min_size)
        for index in {i for member in sample for i in by_member[member]}:
            earlier, other, key, sig = pieces[index]
            if earlier >= number or abs(len(other) - len(members)) >= min_size:
                continue
            gone, new = len(other - members), len(members - other)
            if (gone or new) and gone < min_size and new < min_size:
                if sig is None:
                    hide.add(key)
                else:
                    merge[earlier].add(sig)
    return hide, dict(merge)


def rounded_count(count: int) -> int:
    """A response count to the nearest 5 ("about 25 responses")."""
    return (count + 2) // 5 * 5


def whole_percent(part: int, whole: int) -> int:
    """part/whole as a whole-number percentage (0 when whole is 0)."""
    return round(100 * part / whole) if whole else 0


def response_rate(*, responded: int, invited: int, released: bool) -> int | None:
    """The percentage shown for a published group, or None when it must not be.

    While a round is open only units of 10 or more invited see a rate, and only
    to the nearest 10%, so a manager cannot watch who has just answered.
    """
    if invited < settings.CHANGE_MIN_GROUP:
        return None
    if released:
        return whole_percent(responded, invited)
    if invited < 10:
        return None
    return round(whole_percent(responded, invited), -1)


@dataclass(frozen=True)
class Distribution:
    """How a published group's people spread over categories, as shown."""

    percents: dict[Hashable, int]
    # When one category holds CONCENTRATED_PERCENT or more, only that one is
    # named ("most people"), and no numbers are shown.
    concentrated: bool = False
    most: Hashable = None


def distribution(counts: Mapping[Hashable, int]) -> Distribution:
    """Whole percentages per category, or "most people" when one dominates."""
    total = sum(counts.values())
    if not total:
        return Distribution({})
    for category, count in counts.items():
        if 100 * count >= CONCENTRATED_PERCENT * total:
            return Distribution({}, concentrated=True, most=category)
    return Distribution(
        {category: whole_percent(count, total) for category, count in counts.items()}
    )


def shown_comments(
    texts: Sequence[str], *, respondents: int, rng: random.Random | None = None
) -> list[str]:
    """A published comment group's comments: text only, shuffled, or none.

    The caller passes texts without names, dates or scores; the group must have
    passed publishable(..., min_size=CHANGE_MIN_COMMENTS) as well.
    """
    if respondents < settings.CHANGE_MIN_COMMENTS:
        return []
    shown = [text for text in texts if text.strip()]
    # Shuffled so the order says nothing about who answered when.
    (rng or random.SystemRandom()).shuffle(shown)
    return shown
