"""The one gatekeeper every readiness number passes before anyone sees it.

Pure functions over plain data: the selectors hand in every group a reader could
be shown (each org unit with its sub-units, each unit × filter, each round) as
the set of respondent keys it covers, and get back which groups may be
published. No view or template computes an aggregate of answers itself.

The rule, stated once: **every published group must be a union of "atoms" of at
least CHANGE_MIN_GROUP respondents**, where an atom is a set of respondents who
belong to exactly the same published groups. Whatever an attacker adds and
subtracts (parent minus children, all roles minus one role, round 3 minus round
2, any mix), the result treats everyone in an atom alike, so the smallest set
they can single out is an atom: never 1–4 people. The groups of every round are
checked together, as if people answered the same in every round (the worst
case), and for comments the same rule runs with CHANGE_MIN_COMMENTS.

Primary suppression hides groups under the threshold; complementary suppression
then hides, while any atom is too small, the smallest group that keeps it apart
(the next-smallest sibling, the smaller of two nearly equal rounds, the filter
whose remainder is too small). Hidden people still count in the parents.
"""

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


@dataclass(frozen=True)
class Group:
    """One aggregate a reader could be shown, and who answered in it."""

    key: Hashable
    members: frozenset[str]
    # A later round is kept in preference to an earlier one of the same size.
    round_order: int = 0
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
    while victims := _complementary(live, order, min_size=min_size):
        for key in victims:
            del live[key]
            decisions[key] = Decision(False, PROTECTS_ANOTHER)
    decisions.update({key: Decision(True) for key in live})
    return decisions


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
    live: Mapping[Hashable, Group], order: Mapping[Hashable, int], *, min_size: int
) -> set[Hashable]:
    """Groups to hide this pass so that small atoms merge into bigger ones.

    Hiding groups only ever merges atoms, so any choice is safe; the choice is
    about showing as much as possible. A small atom is merged with the atom it
    differs from by the smallest groups (often a sibling or the other round),
    or, when nothing cheaper exists, dropped out of sight with its own groups.
    """
    found = atoms(live.values())
    small = [sig for sig, people in found.items() if len(people) < min_size]
    if not small:
        return set()
    by_group: dict[Hashable, list[frozenset]] = defaultdict(list)
    for sig in found:
        for key in sig:
            by_group[key].append(sig)

    def cost(key: Hashable) -> tuple[int, int, int]:
        # Earlier rounds go first (the latest is what people look at), then
        # smaller groups (parents stay).
        group = live[key]
        return (group.round_order, len(group.members), order[key])

    def hide_cost(keys: frozenset) -> tuple[tuple[int, int, int], int]:
        return (max(map(cost, keys)), len(keys))

    victims: set[Hashable] = set()
    for sig in sorted(small, key=lambda s: (len(found[s]), min(map(cost, s)))):
        # A merge that keeps this atom's most valuable group is worth looking at.
        kept = max(sig, key=cost)
        targets = [sig ^ other for other in by_group[kept] if other != sig]
        delta = min([sig, *targets], key=hide_cost)
        # A neighbour of this pass's victims may already be mended: look again.
        if (sig | delta) & victims:
            continue
        victims.add(min(delta, key=cost))
    return victims


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
